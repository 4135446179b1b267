import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, Poller, runNode } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

const Q = '/social-media-posting/category/queues';
const DAY = 24 * 60 * 60 * 1000;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describeWithSimulator('Category queues', (sim) => {
	const location = () => locationOf(sim());
	const run = async (parameters: INodeParameters, input?: IDataObject[]) =>
		await runNode({ parameters, credentials: tokenCredentials(sim()), input });
	const ok = async (parameters: INodeParameters, input?: IDataObject[]) => {
		const { items, error } = await run(parameters, input);
		expect(error).toBeUndefined();
		return items.map((item) => item.json);
	};
	const account = (platform: string) => String(location().accounts.find((candidate: IDataObject) => candidate.platform === platform).id);
	const seededQueue = () => location().queues[0] as IDataObject;
	const category = (name: string) => location().categories.find((candidate: IDataObject) => candidate.name === name) as IDataObject;
	/** A seeded category nobody has made a queue for. */
	const newCategory = (name: string) => String((sim().control.seed({ categories: [{ name }] }).categories as IDataObject[])[0]._id);
	const window = () => ({
		calendarStartDate: sim().control.now(),
		calendarEndDate: new Date(Date.parse(sim().control.now()) + 14 * DAY).toISOString(),
	});
	const slotsOf = async (queueId: string) =>
		await ok({ resource: 'queueSlot', operation: 'getAll', queueId: byId(queueId), returnAll: true });

	it('the scenario: draft queue → 3 items → session → reorder → save activates → slots, calendar → pause → delete the active post', async () => {
		const categoryId = newCategory('Evergreen blog');
		const [queue] = await ok({
			resource: 'categoryQueue',
			operation: 'create',
			queueCategory: { __rl: true, mode: 'list', value: categoryId },
			timeSlots: {
				slots: [
					{ dayOfWeek: 1, time: '09:00' },
					{ dayOfWeek: 4, time: '17:30' },
				],
			},
		});
		// A draft publishes nothing: its output says how to activate it, first.
		expect(Object.keys(queue)[0]).toBe('hint');
		expect(queue.hint).toMatch(/^The queue is a draft and publishes nothing yet: activate it with Category Queue → Update/);
		expect(queue).toMatchObject({
			status: 'draft',
			categoryId,
			totalPosts: 0,
			timeSlots: [expect.objectContaining({ dayOfWeek: 1, time: '09:00' }), expect.objectContaining({ dayOfWeek: 4, time: '17:30' })],
		});
		const queueId = String(queue._id);

		// Three items in one run, each in a session the node starts and saves; the queue stays a draft.
		const added = await ok(
			{
				resource: 'queueItem',
				operation: 'create',
				queueId: byId(queueId),
				queuePost: { accountIds: [account('facebook')] },
				queueItemOptions: { variations: { variation: [{ content: '={{ $json.text }}', metaLink: '={{ $json.link }}' }] } },
			},
			['A', 'B', 'C'].map((name) => ({ text: `Post ${name}`, link: `https://blog.example.com/${name}` })),
		);
		expect(added.map((result) => (result.editSession as IDataObject).saved)).toEqual([true, true, true]);
		const [a, b, c] = added.map((result) => String((result.queueItem as IDataObject)._id));
		const items = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true });
		expect(items.map((item) => item._id)).toEqual([a, b, c]);
		expect(((items[0].variations as IDataObject[])[0].ogTags as IDataObject).metaLink).toBe('https://blog.example.com/A');
		expect(await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(queueId) })).toEqual([
			expect.objectContaining({ status: 'draft', totalPosts: 3 }),
		]);

		const [session] = await ok({ resource: 'queueEditSession', operation: 'start', queueId: byId(queueId) });
		const sessionId = String(session.sessionId);
		await ok({
			resource: 'queueItem',
			operation: 'update',
			queueId: byId(queueId),
			itemId: c,
			queueItemOptions: { newOrder: 'top', sessionMode: 'existing', editSessionId: sessionId },
		});
		// The session's calendar shows the new order before it is saved; the live queue does not.
		const preview = await ok({
			resource: 'queueEditSession',
			operation: 'getCalendar',
			queueId: byId(queueId),
			sessionId,
			...window(),
			returnAll: true,
		});
		expect(preview.slice(0, 3).map((post) => post.queueItemId)).toEqual([c, a, b]);
		expect(
			(await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true })).map((item) => item._id),
		).toEqual([a, b, c]);

		const [saved] = await ok({ resource: 'queueEditSession', operation: 'save', queueId: byId(queueId), sessionId });
		expect(saved.message).toEqual(expect.any(String));
		expect(await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(queueId) })).toEqual([
			expect.objectContaining({ status: 'active' }),
		]);

		const slots = await slotsOf(queueId);
		expect(slots.map((slot) => slot.itemId)).toEqual([c, a, b]);
		// Each slot says what goes out then: the text of its item.
		expect(slots.map((slot) => slot.summary)).toEqual(['Post C', 'Post A', 'Post B']);
		const times = slots.map((slot) => Date.parse(String(slot.scheduledDateTime)));
		expect(times).toEqual([...times].sort((x, y) => x - y));
		expect(new Date(times[0]).getUTCDay()).toBe(new Date(times[0]).getUTCHours() === 9 ? 1 : 4);

		const calendar = await ok({
			resource: 'categoryQueue',
			operation: 'getCalendar',
			...window(),
			calendarFilters: { categoryIds: [categoryId] },
			returnAll: true,
		});
		expect(calendar.length).toBeGreaterThanOrEqual(4); // two slots a week, two weeks
		expect(calendar.slice(0, 3).map((post) => post.queueItemId)).toEqual([c, a, b]);
		expect((calendar[0].post as IDataObject).summary).toBe('Post C');
		const limited = await ok({ resource: 'categoryQueue', operation: 'getCalendar', ...window(), limit: 2 });
		expect(limited).toHaveLength(2);

		const [paused] = await ok({
			resource: 'categoryQueue',
			operation: 'update',
			queue: byId(queueId),
			queueUpdateFields: { status: 'paused' },
		});
		expect(paused.status).toBe('paused');
		expect(
			await ok({
				resource: 'categoryQueue',
				operation: 'getCalendar',
				...window(),
				calendarFilters: { categoryIds: [categoryId] },
				returnAll: true,
			}),
		).toEqual([]);
		await ok({ resource: 'categoryQueue', operation: 'update', queue: byId(queueId), queueUpdateFields: { status: 'active' } });

		const [before] = await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(queueId) });
		const activePost = String(before.currentPostId);
		expect(activePost).toBe(c);
		expect(await ok({ resource: 'categoryQueue', operation: 'deleteActivePost', activePostId: activePost })).toEqual([
			{ deleted: true, id: activePost },
		]);
		const [after] = await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(queueId) });
		expect(after.currentPostId).toBe(a);
		expect(after.lastScheduledTime).toBe(before.lastScheduledTime); // the next item takes the freed slot
		printFigures('Queue scenario', {
			items: 3,
			'slot order after reorder': 'C, A, B',
			'next after deleting C': 'A',
			'calendar posts (2 weeks)': calendar.length,
		});
	});

	it('when a slot’s time passes, the item becomes a real post: Post → Get Many and the trigger see it published', async () => {
		const queue = seededQueue();
		const poller = await Poller.create({
			parameters: { events: ['newPost', 'statusChanged'], toStatuses: ['published'] },
			credentials: tokenCredentials(sim()),
		});
		await poller.activate();
		const [live] = await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(String(queue._id)) });
		const slotAt = Date.parse(String(live.lastScheduledTime));
		const postsBefore = location().posts.length;
		sim().control.setClock(new Date(slotAt + 31_000).toISOString());

		const made = (location().posts as IDataObject[]).slice(postsBefore);
		expect(made).toEqual([
			expect.objectContaining({
				source: 'recurring',
				status: 'published',
				categoryId: queue.categoryId,
				scheduleDate: new Date(slotAt).toISOString(),
			}),
		]);
		const listed = await ok({ resource: 'post', operation: 'getAll', returnAll: true, simple: false, filters: { status: 'published' } });
		expect(listed.map((post) => post._id)).toContain(made[0]._id);
		const events = ((await poller.poll())?.[0] ?? []).map((item) => item.json);
		expect(events.filter((event) => event.postId === made[0]._id).length).toBeGreaterThan(0);
		// The queue moved on: its next slot is a later one.
		const [next] = await ok({ resource: 'categoryQueue', operation: 'get', queue: byId(String(queue._id)) });
		expect(Date.parse(String(next.lastScheduledTime))).toBeGreaterThan(slotAt);
	});

	it('Get Available Categories, Get Many and Get: categories with their queue status, queues with their category', async () => {
		const categories = await ok({ resource: 'categoryQueue', operation: 'getAvailableCategories', returnAll: true });
		expect(categories.find((entry) => entry.name === 'Coffee tips')).toMatchObject({
			status: 'in_queue',
			queueDetails: expect.objectContaining({ queueId: seededQueue()._id }),
		});
		expect(categories.find((entry) => entry.name === 'Promotions')).toMatchObject({ status: 'available' });
		expect(
			(await ok({ resource: 'categoryQueue', operation: 'getAvailableCategories', categorySearch: 'promo', returnAll: true })).map(
				(entry) => entry.name,
			),
		).toEqual(['Promotions']);
		expect(await ok({ resource: 'categoryQueue', operation: 'getAvailableCategories', limit: 1 })).toHaveLength(1);

		const queues = await ok({ resource: 'categoryQueue', operation: 'getAll', returnAll: true });
		expect(queues).toEqual([
			expect.objectContaining({ _id: seededQueue()._id, category: expect.objectContaining({ name: 'Coffee tips' }) }),
		]);
		const [one] = await ok({
			resource: 'categoryQueue',
			operation: 'get',
			queue: { __rl: true, mode: 'list', value: String(seededQueue()._id) },
		});
		expect(one).toMatchObject({ _id: seededQueue()._id, status: 'active' });
	});

	it('dropdowns: queues searched by category name, categories that can still get a queue', async () => {
		const options = { parameters: { resource: 'queueItem', operation: 'create' }, credentials: tokenCredentials(sim()) };
		expect((await listSearch('searchQueues', { ...options, filter: 'coffee' })).results).toEqual([
			{ name: 'Coffee tips (active)', value: seededQueue()._id },
		]);
		expect((await listSearch('searchQueues', { ...options, filter: 'promo' })).results).toEqual([]);
		const available = await listSearch('searchQueueCategories', options);
		expect(available.results.map((result) => result.name).sort()).toEqual(['Behind the scenes', 'Promotions']);
		expect((await listSearch('searchQueueCategories', { ...options, filter: 'behind' })).results).toEqual([
			{ name: 'Behind the scenes', value: category('Behind the scenes')._id },
		]);
	});

	it('Create of a second queue for a category fails with the API’s message, its traceId, and what to use instead', async () => {
		const { error } = await run({
			resource: 'categoryQueue',
			operation: 'create',
			queueCategory: byId(String(seededQueue().categoryId)),
			timeSlots: { slots: [{ dayOfWeek: 2, time: '10:00' }] },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('A queue already exists for this category: use Category Queue → Get or Update');
		expect(error?.description).toMatch(/traceId: \S+/);
	});

	it('Update: new time slots, skip a date, settings', async () => {
		const queueId = String(seededQueue()._id);
		const [updated] = await ok({
			resource: 'categoryQueue',
			operation: 'update',
			queue: byId(queueId),
			queueUpdateFields: { timeSlots: { slots: [{ dayOfWeek: 0, time: '08:15' }] }, prioritizeNewContent: true },
		});
		expect(updated).toMatchObject({ timeSlots: [expect.objectContaining({ dayOfWeek: 0, time: '08:15' })], prioritizeNewContent: true });
		const first = (await slotsOf(queueId))[0];
		const [skipped] = await ok({
			resource: 'categoryQueue',
			operation: 'update',
			queue: byId(queueId),
			queueUpdateFields: { skipDateTime: String(first.scheduledDateTime).replace('.000Z', '+00:00') },
		});
		expect(skipped.skipDateTime).toEqual([first.scheduledDateTime]);
		// The item keeps its turn for the next slot, a week later.
		const next = (await slotsOf(queueId)).find((slot) => slot.itemId === first.itemId);
		expect(Date.parse(String(next?.scheduledDateTime)) - Date.parse(String(first.scheduledDateTime))).toBe(7 * DAY);
	});

	it('Queue Item on the live queue: Get Many with Limit, Update, Reset, Delete; Direct to Queue', async () => {
		const queueId = String(seededQueue()._id);
		const all = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true });
		expect(all.length).toBeGreaterThanOrEqual(2);
		expect(await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), limit: 1 })).toHaveLength(1);
		expect(await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), errorFilter: true, returnAll: true })).toEqual(
			[],
		);

		const last = String(all[all.length - 1]._id);
		const [moved] = await ok({
			resource: 'queueItem',
			operation: 'update',
			queueId: byId(queueId),
			itemId: last,
			queueItemOptions: { sessionMode: 'none', newOrder: 'top', variations: { variation: [{ content: 'Brew guide, again' }] } },
		});
		expect(moved.queueItem).toMatchObject({ _id: last, order: 0 });
		const [reset] = await ok({ resource: 'queueItem', operation: 'reset', queueId: byId(queueId), itemId: last, sessionMode: 'none' });
		expect(((reset.queueItem as IDataObject).variations as IDataObject[])[0].content).not.toBe('Brew guide, again');

		const [direct] = await ok({
			resource: 'queueItem',
			operation: 'create',
			queueId: byId(queueId),
			queueItemOptions: { directToQueue: true, variations: { variation: [{ content: 'New roast is in' }] } },
			primaryImage: 'https://cdn.example.com/roast.jpg',
		});
		expect(direct.queueItem).toMatchObject({
			primaryImage: 'https://cdn.example.com/roast.jpg',
			variations: [expect.objectContaining({ content: 'New roast is in' })],
		});
		const directId = String((direct.queueItem as IDataObject)._id);
		const [deleted] = await ok({
			resource: 'queueItem',
			operation: 'delete',
			queueId: byId(queueId),
			itemId: directId,
			sessionMode: 'none',
		});
		expect(deleted.message).toEqual(expect.any(String));
		expect(
			(await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true })).map((item) => item._id),
		).not.toContain(directId);
	});

	it('Queue Item → Create takes Content, Media and the Create Post fields as the item’s post (modifiedPostPayload)', async () => {
		const queueId = String(seededQueue()._id);
		const from = sim().control.requests().length;
		const [created] = await ok({
			resource: 'queueItem',
			operation: 'create',
			queueId: byId(queueId),
			queueContent: 'Our espresso guide',
			queueMedia: { items: [{ url: 'https://cdn.example.com/espresso.jpg' }] },
			queueItemOptions: { directToQueue: true },
			queuePost: {
				accountIds: [account('facebook'), account('linkedin')],
				linkPreview: { preview: { metaLink: 'https://blog.example.com/espresso', ogTitle: 'Espresso guide' } },
			},
		});
		const sent = sim()
			.control.requests()
			.slice(from)
			.find((request) => request.path.endsWith('/create/item'));
		expect((sent?.body as IDataObject).modifiedPostPayload).toEqual({
			accountIds: [account('facebook'), account('linkedin')],
			summary: 'Our espresso guide',
			media: [{ url: 'https://cdn.example.com/espresso.jpg', type: 'image/jpeg' }],
			ogTagsDetails: { metaLink: 'https://blog.example.com/espresso', ogTitle: 'Espresso guide' },
			userId: sim().userId,
			locationId: sim().locationId,
		});
		expect((created.queueItem as IDataObject).modifiedPostPayload).toMatchObject({ summary: 'Our espresso guide' });
	});

	it('Clone needs an edit session: Start and Save One makes the copy, None is refused before sending', async () => {
		const queueId = String(seededQueue()._id);
		const [first] = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), limit: 1 });
		const [cloned] = await ok({
			resource: 'queueItem',
			operation: 'clone',
			queueId: byId(queueId),
			itemId: String(first._id),
			cloneOrder: 1,
		});
		expect(cloned.queueItem).toMatchObject({
			variations: [expect.objectContaining({ content: (first.variations as IDataObject[])[0].content })],
		});
		expect(cloned.editSession).toMatchObject({ saved: true });
		expect(location().sessions.size).toBe(0);

		const from = sim().control.requests().length;
		const { error } = await run({
			resource: 'queueItem',
			operation: 'clone',
			queueId: byId(queueId),
			itemId: String(first._id),
			sessionMode: 'none',
			cloneOrder: 1,
		});
		expect(error?.message).toBe(
			'Edit Session: this change needs an edit session; choose "Start and Save One" or "Existing Session" (or, to create, Direct to Queue)',
		);
		expect(requestsSince(sim(), from)).toEqual([]);
	});

	it('an existing session: changes wait for Save; Discard drops them', async () => {
		const queueId = String(seededQueue()._id);
		const [session] = await ok({ resource: 'queueEditSession', operation: 'start', queueId: byId(queueId) });
		const sessionId = String(session.sessionId);
		const [first] = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), limit: 1 });
		const [cloned] = await ok({
			resource: 'queueItem',
			operation: 'clone',
			queueId: byId(queueId),
			itemId: String(first._id),
			sessionMode: 'existing',
			editSessionId: sessionId,
			cloneOrder: 0,
		});
		expect(cloned.sessionId).toBe(sessionId);
		const inSession = await ok({
			resource: 'queueItem',
			operation: 'getAll',
			queueId: byId(queueId),
			listOptions: { sessionId },
			returnAll: true,
		});
		const live = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true });
		expect(inSession).toHaveLength(live.length + 1);
		expect(await slotsOf(queueId)).toHaveLength(live.length);
		expect(
			await ok({ resource: 'queueSlot', operation: 'getAll', queueId: byId(queueId), listOptions: { sessionId }, returnAll: true }),
		).toHaveLength(live.length + 1);

		await ok({ resource: 'queueEditSession', operation: 'discard', queueId: byId(queueId), sessionId });
		expect(await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), returnAll: true })).toHaveLength(live.length);
		expect(location().sessions.size).toBe(0);
	});

	it('Start and Save One discards its session when the change fails, and never takes over someone’s open session', async () => {
		const queueId = String(seededQueue()._id);
		let from = sim().control.requests().length;
		const failed = await run({
			resource: 'queueItem',
			operation: 'update',
			queueId: byId(queueId),
			itemId: '65f0c0de00000000000fffff',
			queueItemOptions: { newOrder: 'top' },
		});
		expect(failed.error?.name).toBe('NodeApiError');
		expect((failed.error as { httpCode?: string }).httpCode).toBe('404');
		expect(requestsSince(sim(), from)).toEqual([
			`POST ${Q}/${queueId}/edit/start`,
			`PUT ${Q}/${queueId}/items/65f0c0de00000000000fffff`,
			`POST ${Q}/${queueId}/edit/discard`,
		]);
		expect(location().sessions.size).toBe(0);

		await ok({ resource: 'queueEditSession', operation: 'start', queueId: byId(queueId) });
		const [first] = await ok({ resource: 'queueItem', operation: 'getAll', queueId: byId(queueId), limit: 1 });
		from = sim().control.requests().length;
		const refused = await run({
			resource: 'queueItem',
			operation: 'update',
			queueId: byId(queueId),
			itemId: String(first._id),
			queueItemOptions: { newOrder: 'bottom' },
		});
		expect(refused.error?.message).toBe(
			'Options → Edit Session: the queue already has an open edit session (65f0c0de0000000000000035); choose "Existing Session" with that ID, or save or discard it first',
		);
		expect(requestsSince(sim(), from)).toEqual([`POST ${Q}/${queueId}/edit/start`]);
		expect(location().sessions.size).toBe(1);
	});

	it('bad input is refused before any request, naming the field', async () => {
		const queueId = String(seededQueue()._id);
		const cases: Array<[INodeParameters, string]> = [
			[
				{
					resource: 'categoryQueue',
					operation: 'create',
					queueCategory: byId(newCategory('Recipes')),
					timeSlots: { slots: [{ dayOfWeek: 1, time: '9:00' }] },
				},
				'Time Slots → Time: "9:00" is not allowed; use HH:mm from 00:00 to 23:59, e.g. 09:00 or 17:30',
			],
			[
				{
					resource: 'categoryQueue',
					operation: 'create',
					queueCategory: byId(newCategory('Events')),
					timeSlots: {
						slots: [
							{ dayOfWeek: 1, time: '09:00' },
							{ dayOfWeek: 2, time: '24:00' },
						],
					},
				},
				'Time Slots → Time: "24:00" (time slot 2) is not allowed; use HH:mm from 00:00 to 23:59, e.g. 09:00 or 17:30',
			],
			[
				{
					resource: 'categoryQueue',
					operation: 'create',
					queueCategory: byId(newCategory('News')),
					timeSlots: { slots: [{ dayOfWeek: 'Funday', time: '09:00' }] },
				},
				'Time Slots → Day: "Funday" is not allowed; use 1, 2, 3, 4, 5, 6 or 0',
			],
			[
				{ resource: 'categoryQueue', operation: 'create', queueCategory: byId(newCategory('Team')), timeSlots: { slots: [] } },
				'Time Slots: none given; add at least one time slot (a day of the week and a time)',
			],
			[
				{ resource: 'categoryQueue', operation: 'update', queue: byId(queueId), queueUpdateFields: {} },
				'Update Fields: nothing to change; add Status to activate or pause the queue, Skip Date to leave out a slot, or Time Slots',
			],
			[
				{ resource: 'categoryQueue', operation: 'update', queue: byId(queueId), queueUpdateFields: { skipDateTime: 'next monday' } },
				'Update Fields → Skip Date: "next monday" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
			],
			[
				{ resource: 'categoryQueue', operation: 'get', queue: byId('a/b') },
				'Queue: "a/b" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
			],
			[
				{ resource: 'categoryQueue', operation: 'getCalendar', calendarStartDate: '2030-02-01', calendarEndDate: '2030-01-01' },
				'Start Date: "2030-02-01" is after End Date "2030-01-01"; choose a Start Date before the End Date',
			],
			[
				{ resource: 'queueEditSession', operation: 'save', queueId: byId(queueId), sessionId: ' ' },
				'Session ID: no ID given; give the sessionId that Queue Edit Session → Start returned',
			],
			[
				{ resource: 'queueItem', operation: 'create', queueId: byId(queueId) },
				'Content: the item has nothing to publish; write its Content, add Media, or add Variations under Options',
			],
			[
				{
					resource: 'queueItem',
					operation: 'create',
					queueId: byId(queueId),
					queueItemOptions: { variations: { variation: [{ content: 'x', metaLink: 'blog/post' }] } },
				},
				'Options → Variations → Link Preview URL: "blog/post" is not a link; give a public link (http:// or https://), or leave it empty',
			],
			[
				{
					resource: 'queueItem',
					operation: 'create',
					queueId: byId(queueId),
					queueContent: 'x',
					primaryImage: 'photo.jpg',
				},
				'Primary Image URL: "photo.jpg" is not a link; give a public link (http:// or https://), or leave it empty',
			],
			[
				{
					resource: 'queueItem',
					operation: 'create',
					queueId: byId(queueId),
					queueContent: 'x',
					queueItemOptions: { order: 'value', orderValue: -1 },
				},
				'Options → Order Value: "-1" is not allowed; use a number of 0 or more',
			],
			[
				{ resource: 'queueItem', operation: 'create', queueId: byId(queueId), queueMedia: { items: [{ url: 'menu.pdf' }] } },
				'Media → URL: "menu.pdf" in the media item is not a link; give its public link, e.g. https://cdn.example.com/photo.jpg',
			],
			[
				{ resource: 'queueItem', operation: 'update', queueId: byId(queueId), itemId: 'x1' },
				'Content: nothing to change; set Content, Media, Primary Image URL or Post Fields, or an Order or Variations under Options',
			],
			[
				{ resource: 'queueItem', operation: 'delete', queueId: byId(queueId), itemId: '../x' },
				'Item ID: "../x" is not an ID; give the item’s _id from Queue Item → Get Many (with no "/", "\\", "%", ".." or spaces)',
			],
			[
				{ resource: 'queueItem', operation: 'reset', queueId: byId(queueId), itemId: 'x1', sessionMode: 'existing', editSessionId: ' ' },
				'Session ID: no ID given; give the sessionId that Queue Edit Session → Start returned',
			],
			[
				{ resource: 'queueSlot', operation: 'getAll', queueId: byId(queueId), limit: 0 },
				'Limit: 0 is not allowed; use a whole number of 1 or more',
			],
		];
		const wrong: string[] = [];
		for (const [parameters, message] of cases) {
			const from = sim().control.requests().length;
			const { error } = await run(parameters);
			// The message as n8n shows it (and gives an AI agent): RoutingNode wraps a routed operation's
			// check in a NodeApiError, keeping its message.
			const sent = requestsSince(sim(), from);
			if (error?.message !== message || sent.length) wrong.push(`${message} ← ${error?.message} (${sent.join(', ')})`);
		}
		printFigures('Queue bad inputs refused before sending', { cases: cases.length });
		expect(wrong).toEqual([]);
	});
});
