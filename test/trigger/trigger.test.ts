import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { restoreSendSettings, sendSettings, tuneSendSettings } from '../harness/send-path';
import { failedPostExample } from './example';
import { itSentOnlyDocumentedRequests, locationOf, requestsSince, tokenCredentials, useSampleSimulator } from '../helpers/simulator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
type Post = IDataObject & { _id: string; status: string; displayDate: string; accountIds: string[] };

describe('HoopAI Social Planner Trigger', () => {
	// The sample's posts that are mid-publication would finish as soon as the clock moves;
	// settle them so each test sees only the changes it makes.
	const sim = useSampleSimulator((simulator) => {
		for (const post of locationOf(simulator).posts as Post[])
			if (['in_progress', 'pending'].includes(post.status)) post.status = 'published';
	});
	afterEach(() => {
		jest.useRealTimers();
	});

	const posts = () => locationOf(sim()).posts as Post[];
	const account = (platform: string) =>
		locationOf(sim()).accounts.find((candidate: IDataObject) => candidate.platform === platform).id as string;
	const trigger = async (parameters: INodeParameters = {}, pollBudgetMs?: number) =>
		await Poller.create({
			// The raw post in events unless a test asks for Simplify (on by default for users).
			parameters: { events: ['statusChanged'], toStatuses: ['published', 'failed'], options: { simplify: false }, ...parameters },
			credentials: tokenCredentials(sim()),
			pollBudgetMs,
		});
	const json = (result: Awaited<ReturnType<Poller['poll']>>) => (result?.[0] ?? []).map((item) => item.json);
	/** Moves the simulator's clock past a post's schedule and its 30 s of publishing. */
	const publishDue = (post: Post) => sim().control.setClock(new Date(Date.parse(post.displayDate) + 31_000).toISOString());
	const scheduled = (platform: string) =>
		posts().find((post) => post.status === 'scheduled' && post.accountIds.includes(account(platform)))!;

	it('takes a baseline on activation and emits nothing, then one event when a post publishes', async () => {
		const poller = await trigger();
		await expect(poller.activate()).resolves.toBeNull();
		const state = poller.staticData()['node:HoopAI'] as IDataObject;
		const inWindow = (post: Post) => Math.abs(Date.parse(post.displayDate) - Date.now() - 11.5 * DAY) <= 18.5 * DAY;
		expect(Object.keys(state.posts as IDataObject).sort()).toEqual(
			posts()
				.filter((post) => post.status !== 'deleted' && inWindow(post))
				.map((post) => post._id)
				.sort(),
		);

		await expect(poller.poll()).resolves.toBeNull();

		const post = scheduled('instagram');
		publishDue(post);
		const events = json(await poller.poll());
		expect(events).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				postId: post._id,
				previousStatus: 'scheduled',
				status: 'published',
				detectedAt: expect.any(String),
			}),
		]);
		expect((events[0].post as IDataObject).publishedAt).toEqual(expect.any(String));
		await expect(poller.poll()).resolves.toBeNull();
	});

	it('reports a failure with the post’s error', async () => {
		const poller = await trigger();
		await poller.activate();
		const post = scheduled('tiktok'); // its account has expired
		publishDue(post);
		const [event] = json(await poller.poll());
		expect(event).toEqual(expect.objectContaining({ postId: post._id, status: 'failed', error: expect.stringMatching(/\w/) }));
		expect(event.error).toBe((event.post as IDataObject).error);
	});

	it('emits a change once: not again after a restart or a re-activation', async () => {
		const poller = await trigger();
		await poller.activate();
		publishDue(scheduled('instagram'));
		expect(json(await poller.poll())).toHaveLength(1);

		const restarted = await poller.restart();
		await expect(restarted.activate()).resolves.toBeNull();
		await expect(restarted.poll()).resolves.toBeNull();
		expect(restarted.staticData()).toEqual(poller.staticData());
	});

	it('does not lose a change when the poll that saw a filtered-out step returned null', async () => {
		const poller = await trigger();
		await poller.activate();
		const post = scheduled('instagram');
		sim().control.setClock(new Date(Date.parse(post.displayDate) + 1_000).toISOString()); // in_progress
		await expect(poller.poll()).resolves.toBeNull();
		const restarted = await poller.restart(); // the in_progress observation is gone
		publishDue(post);
		expect(json(await restarted.poll())).toEqual([
			expect.objectContaining({ postId: post._id, previousStatus: 'scheduled', status: 'published' }),
		]);
	});

	it('shows the chosen events on the canvas by their names in the Events list', async () => {
		const subtitle = async (events?: string[]) => {
			const poller = await trigger(events ? { events } : {});
			const { description } = poller.workflow.nodeTypes.getByNameAndVersion(poller.node.type, 1);
			// As the editor does: the subtitle expression, evaluated on the node.
			return poller.workflow.expression.getSimpleParameterValue(poller.node, description.subtitle, 'internal', {});
		};
		expect(await subtitle()).toBe('Status Changed');
		expect(await subtitle(['statusChanged', 'newPost'])).toBe('Status Changed, New Post');
		expect(await subtitle(['postDeleted', 'newPost', 'statusChanged'])).toBe('Post Deleted, New Post, Status Changed');
		expect(await subtitle([])).toBe('');
	});

	describe('Fetch Test Event', () => {
		const manual = async (poller: Poller) => {
			// n8n creates the node's (empty) entry when a poll first asks for it.
			const state = () => poller.staticData()['node:HoopAI'] ?? {};
			const before = state();
			const result = json(await poller.poll('manual', 'manual'));
			expect(state()).toEqual(before); // manual mode never touches the state
			return result;
		};

		it('for “status changed to Failed” shows a failed post with its error, marked as a sample', async () => {
			const failed = posts().find((post) => post.status === 'failed')!;
			const [sample, ...more] = await manual(await trigger({ toStatuses: ['failed'] }));
			expect(more).toEqual([]);
			expect(sample).toEqual(
				expect.objectContaining({
					event: 'statusChanged',
					postId: failed._id,
					status: 'failed',
					previousStatus: expect.any(String),
					error: failed.error,
					sample: true,
				}),
			);
			expect(sample.error).toMatch(/\w/);
			expect(sample.note).toMatch(/sample/i);
		});

		it.each<[string, INodeParameters]>([
			['new posts', { events: ['newPost'] }],
			['deleted posts', { events: ['postDeleted'], options: { daysBack: 10 } }],
			['published on LinkedIn', { toStatuses: ['published'], filters: { platforms: ['linkedin'] } }],
			['any change from draft', { toStatuses: [], fromStatuses: ['draft'] }],
			['reels of one Instagram account', { toStatuses: [], filters: { accounts: ['instagram'], postType: 'reel' } }],
			['several events, simplified', { events: ['postDeleted', 'statusChanged'], toStatuses: ['scheduled'], options: { simplify: true } }],
		])('for %s shows a sample from a post that fits every setting', async (_name, parameters) => {
			const filters = (parameters.filters ?? {}) as IDataObject;
			if (filters.accounts) filters.accounts = (filters.accounts as string[]).map(account);
			const settings = { events: ['statusChanged'], toStatuses: ['published', 'failed'], fromStatuses: [], ...parameters };
			const [sample, ...more] = await manual(await trigger(parameters));
			expect(more).toEqual([]);
			expect(sample).toEqual(expect.objectContaining({ sample: true, note: expect.stringMatching(/sample/i) }));
			expect(settings.events).toContain(sample.event);
			const post = posts().find((candidate) => candidate._id === sample.postId)!;
			expect(post).toBeDefined();
			expect(post.status).toBe(sample.status);
			if (sample.event === 'statusChanged') {
				if (settings.toStatuses.length) expect(settings.toStatuses).toContain(sample.status);
				if (settings.fromStatuses.length) expect(settings.fromStatuses).toContain(sample.previousStatus);
				expect(sample.previousStatus).toEqual(expect.any(String));
			}
			if (sample.event === 'newPost') expect(sample.previousStatus).toBeNull();
			if (sample.event === 'postDeleted') expect(sample.status).toBe('deleted');
			if (filters.platforms) expect(filters.platforms).toContain(post.platform);
			if (filters.accounts) expect(post.accountIds.some((id) => (filters.accounts as string[]).includes(id))).toBe(true);
			if (filters.postType) expect(post.type).toBe(filters.postType);
			const shown = sample.post as IDataObject;
			const options = (parameters.options ?? { simplify: false }) as IDataObject;
			expect(shown[options.simplify === false ? '_id' : 'id']).toBe(post._id);
		});

		it('makes up a labelled sample that fits the settings when no post does', async () => {
			const [sample] = await manual(
				await trigger({ toStatuses: ['failed'], fromStatuses: ['in_progress'], filters: { platforms: ['threads'], postType: 'story' } }),
			);
			expect(sample).toEqual(
				expect.objectContaining({
					event: 'statusChanged',
					status: 'failed',
					previousStatus: 'in_progress',
					sample: true,
					error: expect.stringMatching(/\w/),
				}),
			);
			expect(sample.note).toMatch(/no post/i);
			expect(sample.post).toEqual(expect.objectContaining({ platform: 'threads', type: 'story', status: 'failed', error: sample.error }));
			expect(posts().map((post) => post._id)).not.toContain(sample.postId);
		});

		it('gives example 05’s alert the failure reason, and marks it as a test', async () => {
			const { nodes } = failedPostExample();
			const [triggerNode, alertNode] = nodes;
			const poller = await Poller.create({ parameters: triggerNode.parameters, credentials: tokenCredentials(sim()) });
			const [sample] = await manual(poller);
			const assignments = (alertNode.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
			const text = assignments.find((assignment) => assignment.name === 'text')!.value;
			const alert = poller.workflow.expression.getParameterValue(text, null, 0, 0, poller.node.name, [{ json: sample }], 'manual', {});
			const failed = posts().find((post) => post._id === sample.postId)!;
			const accounts = failed.accountIds.map((id) => locationOf(sim()).accounts.find((candidate: IDataObject) => candidate.id === id));
			const named = accounts
				.map((found: IDataObject) => `${String(found.name)} (${String(found.platform) === 'youtube' ? 'YouTube' : String(found.platform)})`)
				.join(', ');
			const local = (sample.post as IDataObject).scheduledAt as string;
			expect(Date.parse(local)).toBe(Date.parse(failed.displayDate));
			expect(alert).toBe(`[test event] :warning: A post failed on ${named}: "${failed.summary}" (due ${local}). Reason: ${failed.error}`);
		});

		it('shows the last real event, unmarked, while it fits the settings', async () => {
			const poller = await trigger();
			await poller.activate();
			publishDue(scheduled('instagram'));
			const [emitted] = json(await poller.poll());
			expect(emitted).not.toHaveProperty('sample');
			expect(await manual(poller)).toEqual([emitted]);

			// The same state under settings the last event does not fit: a sample instead.
			const failedOnly = await Poller.create({
				parameters: { events: ['statusChanged'], toStatuses: ['failed'] },
				credentials: tokenCredentials(sim()),
				staticData: poller.staticData(),
			});
			const [sample] = await manual(failedOnly);
			expect(sample).toEqual(expect.objectContaining({ status: 'failed', sample: true }));
		});
	});

	it('filters by target and source status, platform and account', async () => {
		const anyChange = await trigger({ toStatuses: [] });
		const fromDraftOnly = await trigger({ toStatuses: [], fromStatuses: ['draft'] });
		const linkedInOnly = await trigger({ filters: { platforms: ['linkedin'] } });
		const facebookAccount = await trigger({ filters: { accounts: [account('facebook')] } });
		for (const poller of [anyChange, fromDraftOnly, linkedInOnly, facebookAccount]) await poller.activate();

		const instagram = scheduled('instagram');
		sim().control.setClock(new Date(Date.parse(instagram.displayDate) + 1_000).toISOString());
		expect(json(await anyChange.poll()).map((event) => event.status)).toEqual(['in_progress']);
		await expect(fromDraftOnly.poll()).resolves.toBeNull();

		publishDue(instagram);
		await expect(linkedInOnly.poll()).resolves.toBeNull();
		await expect(facebookAccount.poll()).resolves.toBeNull();
	});

	it('reports new posts and deleted posts when asked', async () => {
		const poller = await trigger({ events: ['newPost', 'postDeleted'] });
		await poller.activate();
		const [created] = sim().control.seed({
			posts: [{ status: 'draft', accountIds: [account('facebook')], summary: 'New idea', createdAt: sim().control.now() }],
		}).posts as Post[];
		const doomed = scheduled('facebook');
		doomed.status = 'deleted';

		const events = json(await poller.poll());
		expect(events.map((event) => [event.event, event.postId])).toEqual(
			expect.arrayContaining([
				['newPost', created._id],
				['postDeleted', doomed._id],
			]),
		);
		expect(events).toHaveLength(2);
	});

	/** Moves the trigger's clock (not the simulator's) forward, as days passing would. */
	const daysPass = (days: number) => {
		const later = Date.now() + days * DAY; // before installing fake timers again resets the clock
		// The clock goes on from there (the send path's pacing waits for it, as in real time).
		jest.useFakeTimers({
			advanceTimers: true,
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'clearImmediate',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});
		jest.setSystemTime(later);
	};
	const reschedule = (post: Post, at: number) => {
		post.displayDate = new Date(at).toISOString();
		post.scheduleDate = post.displayDate;
	};
	const events = (result: Awaited<ReturnType<Poller['poll']>>) =>
		json(result).map((event) => [event.event, event.postId, event.previousStatus, event.status]);

	it('a post rescheduled beyond Days Ahead is not new again when it comes back, by reschedule or by time', async () => {
		const poller = await trigger({ events: ['newPost', 'statusChanged', 'postDeleted'], toStatuses: [] });
		await poller.activate();
		const [idea] = sim().control.seed({
			posts: [{ status: 'draft', accountIds: [account('facebook')], summary: 'New idea', createdAt: sim().control.now() }],
		}).posts as Post[];
		expect(events(await poller.poll())).toEqual([['newPost', idea._id, null, 'draft']]);

		// Out beyond Days Ahead (30): seen leaving, with its new status.
		idea.status = 'scheduled';
		reschedule(idea, Date.now() + 40 * DAY);
		expect(events(await poller.poll())).toEqual([['statusChanged', idea._id, 'draft', 'scheduled']]);
		// Back into the window by a reschedule: known, not new.
		reschedule(idea, Date.now() + 2 * DAY);
		await expect(poller.poll()).resolves.toBeNull();

		// Out again; while away it fails, and another known post goes out and is deleted.
		reschedule(idea, Date.now() + 40 * DAY);
		const doomed = scheduled('facebook');
		reschedule(doomed, Date.now() + 50 * DAY);
		await expect(poller.poll()).resolves.toBeNull();
		idea.status = 'failed';
		doomed.status = 'deleted';
		await expect(poller.poll()).resolves.toBeNull();
		// Twenty-five days later both are in the window again: one change and one deletion, nothing new.
		daysPass(25);
		expect(events(await poller.poll())).toEqual(
			expect.arrayContaining([
				['statusChanged', idea._id, 'scheduled', 'failed'],
				['postDeleted', doomed._id, 'scheduled', 'deleted'],
			]),
		);
		expect(json(await poller.poll())).toEqual([]);
	});

	it('remembers posts that left the window for one window length more, then forgets them', async () => {
		const poller = await trigger({ toStatuses: [] });
		await poller.activate();
		const known = () => Object.keys((poller.staticData()['node:HoopAI'] as { posts: IDataObject }).posts);
		const age = (post: Post) => Date.now() - Date.parse(post.displayDate);
		const older = posts().filter((post) => post.status !== 'deleted' && age(post) > 2 * DAY && age(post) < 6 * DAY);
		expect(older.length).toBeGreaterThan(0);
		for (const post of older) expect(known()).toContain(post._id);

		// Six days later the window (7 days back) starts a day or more after them: remembered.
		daysPass(6);
		await poller.poll();
		for (const post of older) expect(known()).toContain(post._id);
		// One of them is rescheduled into the window: its change is reported, as a known post's.
		const [back, ...others] = older;
		const was = back.status;
		back.status = 'scheduled';
		reschedule(back, Date.now() + DAY);
		expect(events(await poller.poll())).toEqual([['statusChanged', back._id, was, 'scheduled']]);

		// The memory reaches one window length (7 + 30 days) before the window: 44 days back.
		daysPass(39);
		await poller.poll();
		for (const post of others) expect(known()).not.toContain(post._id);
		expect(known()).toContain(back._id);
		const withinMemory = posts().filter((post) => post.status !== 'deleted' && Date.parse(post.displayDate) >= Date.now() - 44 * DAY);
		expect(known().sort()).toEqual(withinMemory.map((post) => post._id).sort());
	});

	it('a forgotten post rescheduled back into the window is not announced as new', async () => {
		const poller = await trigger({ events: ['newPost'] });
		await poller.activate();
		const [post] = sim().control.seed({
			posts: [
				{
					status: 'scheduled',
					accountIds: [account('facebook')],
					summary: 'Soon',
					createdAt: sim().control.now(),
					scheduleDate: new Date(Date.now() + HOUR).toISOString(),
				},
			],
		}).posts as Post[];
		expect(events(await poller.poll())).toEqual([['newPost', post._id, null, 'scheduled']]);
		post.status = 'failed';

		// Fifty days later it is beyond the memory (44 days back) and forgotten.
		daysPass(50);
		await poller.poll();
		expect(Object.keys((poller.staticData()['node:HoopAI'] as { posts: IDataObject }).posts)).not.toContain(post._id);
		post.status = 'scheduled';
		reschedule(post, Date.now() + DAY);
		await expect(poller.poll()).resolves.toBeNull();
	});

	it('looks up a post that no longer fits the account filter once, not on every poll', async () => {
		const poller = await trigger({ toStatuses: [], filters: { accounts: [account('facebook')] } });
		await poller.activate();
		const post = scheduled('facebook');
		const moveTo = (platform: string) => {
			post.accountIds = [account(platform)];
			post.accountId = account(platform);
			post.platform = platform;
		};
		// Edited to another account and sent for review: the list leaves it out from now on, and
		// its change is not one the trigger was asked for (Facebook only).
		moveTo('linkedin');
		post.status = 'in_review';
		const requests = async () => {
			const before = sim().control.requests().length;
			const result = await poller.poll();
			return { events: events(result), requests: requestsSince(sim(), before) };
		};
		const lookup = `GET /social-media-posting/${sim().locationId}/posts/${post._id}`;
		expect(await requests()).toEqual({ events: [], requests: [expect.stringMatching(/posts\/list$/), lookup] });
		for (let poll = 0; poll < 3; poll++)
			expect(await requests()).toEqual({ events: [], requests: [expect.stringMatching(/posts\/list$/)] });

		// Back on the Facebook account, failed meanwhile: a known post's change, not a new post.
		moveTo('facebook');
		post.status = 'failed';
		expect((await requests()).events).toEqual([['statusChanged', post._id, 'in_review', 'failed']]);
	});

	it('a failed request fails the poll with the API’s message and commits nothing', async () => {
		const poller = await trigger();
		await poller.activate();
		const before = poller.staticData();
		publishDue(scheduled('instagram'));
		// Failing beyond the send path's retries (each retried read gets a 5xx too).
		tuneSendSettings({ backoffMs: 5 });
		sim().control.injectFaults({ next: { kind: 'error', status: 503, count: 1 + sendSettings().maxTransientRetries } });
		await expect(poller.poll()).rejects.toThrow();
		restoreSendSettings();
		expect(poller.staticData()).toEqual(before);
		expect(json(await poller.poll())).toHaveLength(1);
	});

	it('paces its requests by the rate-limit headers, waits out a 429, and fails the poll when the daily limit is used up', async () => {
		const poller = await trigger();
		// One request per 1.5 s: the poll right after the activation poll waits for the window.
		sim().control.setRateLimit({ max: 1, intervalMs: 1500 });
		await poller.activate();
		publishDue(scheduled('instagram'));
		let before = sim().control.requests().length;
		expect(json(await poller.poll())).toHaveLength(1);
		expect(
			sim()
				.control.requests()
				.slice(before)
				.map((request) => request.status),
		).toEqual([201]);

		// A 429 the pacing could not foresee (another app using the location's budget): waited out.
		sim().control.setRateLimit({ max: 100, intervalMs: 1500 });
		sim().control.injectFaults({ next: { kind: 'rateLimit' } });
		const linkedinPost = scheduled('linkedin');
		publishDue(linkedinPost);
		before = sim().control.requests().length;
		expect(json(await poller.poll()).map((event) => event.postId)).toContain(linkedinPost._id);
		expect(
			sim()
				.control.requests()
				.slice(before)
				.map((request) => request.status),
		).toEqual([429, 201]);

		sim().control.setRateLimit({ max: 100, intervalMs: 10_000, daily: 0 });
		const state = poller.staticData();
		await expect(poller.poll()).rejects.toThrow('The HoopAI daily request limit is used up');
		expect(poller.staticData()).toEqual(state);
	});

	itSentOnlyDocumentedRequests(sim);
});
