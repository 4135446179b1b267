import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Poller, runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every field that takes accounts takes their names too, as a model or a sheet gives them:
 * "Hoop Coffee Roasters", "hoopcoffee (Instagram)" (the label the dropdowns and Simplify show),
 * any case, with IDs mixed in, as a list or comma-separated (a name may hold a comma). An unknown
 * or ambiguous name fails naming the field and listing the location's accounts, and sends nothing.
 */
describeWithSimulator('accounts by name', (sim) => {
	const location = () => locationOf(sim());
	const accountOf = (platform: string) => location().accounts.find((account: IDataObject) => account.platform === platform) as IDataObject;
	const run = async (parameters: INodeParameters) => await runNode({ parameters, credentials: tokenCredentials(sim()) });
	const inAWeek = () => new Date(Date.parse(sim().control.now()) + 7 * DAY).toISOString();
	const draft = (accountIds: unknown): INodeParameters => ({
		resource: 'post',
		operation: 'create',
		status: 'draft',
		summary: 'By name',
		accountIds: accountIds as string,
	});
	const lastPost = () => location().posts.at(-1) as IDataObject;

	it('Post → Create takes names in any case, "Name (Network)" labels and IDs, as comma-separated text', async () => {
		const [facebook, instagram, linkedin] = ['facebook', 'instagram', 'linkedin'].map(accountOf);
		const { error } = await run(draft(`hoop coffee ROASTERS, ${String(instagram.name)} (Instagram),  ${String(linkedin.id)}`));
		expect(error).toBeUndefined();
		expect(lastPost().accountIds).toEqual([facebook.id, instagram.id, linkedin.id]);
	});

	it('takes a name holding a comma, in a list or in comma-separated text', async () => {
		const [comma] = sim().control.seed({ accounts: [{ platform: 'threads', name: 'Beans, Brews & Co', type: 'profile' }] })
			.accounts as IDataObject[];
		const instagram = accountOf('instagram');
		expect((await run(draft('Beans, Brews & Co, hoopcoffee'))).error).toBeUndefined();
		expect(lastPost().accountIds).toEqual([comma.id, instagram.id]);
		expect((await run(draft(['beans, brews & co (Threads)']))).error).toBeUndefined();
		expect(lastPost().accountIds).toEqual([comma.id]);
	});

	it('an unknown name fails naming the field, listing the accounts with their networks and where IDs come from; nothing is created', async () => {
		const posts = location().posts.length;
		const before = sim().control.requests().length;
		const { error } = await run(draft('Hoop Cofee Roasters'));
		expect(error?.message).toMatch(/^Account Names or IDs: "Hoop Cofee Roasters" is not a social account of this location\. /);
		expect(error?.message).toContain("Give an account's name or its ID (Account → Get Many lists both): ");
		for (const account of location().accounts) expect(error?.message).toContain(String(account.name));
		expect(error?.message).toContain('Hoop Coffee Roasters (Facebook)');
		expect(location().posts).toHaveLength(posts);
		expect(requestsSince(sim(), before)).toEqual([`GET /social-media-posting/${sim().locationId}/accounts`]);
	});

	it('an ambiguous name fails saying how to tell them apart; the network, or the ID, picks one', async () => {
		const facebook = accountOf('facebook');
		const [twin] = sim().control.seed({ accounts: [{ platform: 'instagram', name: String(facebook.name), type: 'business' }] })
			.accounts as IDataObject[];
		const { error } = await run(draft(String(facebook.name)));
		expect(error?.message).toBe(
			`Account Names or IDs: "${String(facebook.name)}" names 2 accounts of this location (${String(facebook.name)} (Facebook), ${String(facebook.name)} (Instagram)). Add the network as shown, e.g. "${String(facebook.name)} (Facebook)", or give the account's ID.`,
		);
		expect((await run(draft(`${String(facebook.name)} (instagram)`))).error).toBeUndefined();
		expect(lastPost().accountIds).toEqual([twin.id]);

		// Same name on the same network: only the ID tells them apart, and the message gives both.
		const [triplet] = sim().control.seed({ accounts: [{ platform: 'instagram', name: String(facebook.name), type: 'business' }] })
			.accounts as IDataObject[];
		const same = await run(draft(`${String(facebook.name)} (Instagram)`));
		expect(same.error?.message).toContain(
			`${String(twin.id)}; ${String(facebook.name)} (Instagram): ${String(triplet.id)}). Give the ID of the one you mean.`,
		);
	});

	it('Post → Update takes names for its accounts', async () => {
		const post = location().posts.find((candidate: IDataObject) => candidate.status === 'scheduled') as IDataObject;
		const { error } = await run({
			resource: 'post',
			operation: 'update',
			postId: { __rl: true, mode: 'id', value: String(post._id) },
			updateFields: { accountIds: ['Hoop Coffee Company (LinkedIn)'] },
		});
		expect(error).toBeUndefined();
		expect(location().posts.find((candidate: IDataObject) => candidate._id === post._id).accountIds).toEqual([accountOf('linkedin').id]);
	});

	it('Statistic → Get sends the named accounts’ profile IDs', async () => {
		const before = sim().control.requests().length;
		const { error } = await run({ resource: 'statistics', operation: 'get', profileIds: ['hoopcoffee', 'Hoop Coffee Company'] });
		expect(error).toBeUndefined();
		const sent = sim().control.requests().slice(before).at(-1)!;
		expect((sent.body as IDataObject).profileIds).toEqual([accountOf('instagram').profileId, accountOf('linkedin').profileId]);
	});

	it('Comment → Get Many matches names among the chosen platform’s accounts only', async () => {
		const facebook = accountOf('facebook');
		// The same name on Instagram is no ambiguity here: comments are listed per platform.
		sim().control.seed({ accounts: [{ platform: 'instagram', name: String(facebook.name), type: 'business' }] });
		const before = sim().control.requests().length;
		const { error } = await run({
			resource: 'comment',
			operation: 'getAll',
			platform: 'facebook',
			originIds: String(facebook.name),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		const listed = sim().control.requests().slice(before).at(-1)!;
		expect((listed.body as IDataObject).originIds).toEqual([facebook.originId]);
	});

	it('Queue Item → Create takes names in its Post Fields', async () => {
		const queue = location().queues[0] as IDataObject;
		const { items, error } = await run({
			resource: 'queueItem',
			operation: 'create',
			queueId: { __rl: true, mode: 'id', value: String(queue._id) },
			directToQueue: true,
			variations: { variation: [{ content: 'From the blog' }] },
			queuePost: { accountIds: 'HOOP COFFEE ROASTERS (facebook)' },
		});
		expect(error).toBeUndefined();
		const item = location().queueItems.find((candidate: IDataObject) => candidate._id === (items[0].json.queueItem as IDataObject)._id);
		expect((item.modifiedPostPayload as IDataObject).accountIds).toEqual([accountOf('facebook').id]);
	});

	it('Category Queue → Get Calendar filters by accounts given by name', async () => {
		const before = sim().control.requests().length;
		const { error } = await run({
			resource: 'categoryQueue',
			operation: 'getCalendar',
			calendarStartDate: sim().control.now(),
			calendarEndDate: inAWeek(),
			calendarFilters: { accountIds: ['Hoop Coffee Roasters'] },
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect((sim().control.requests().slice(before).at(-1)!.body as IDataObject).accountIds).toEqual([accountOf('facebook').id]);
	});

	it('the trigger’s account filter takes names (one accounts request per poll); IDs cost no request', async () => {
		const facebook = accountOf('facebook');
		const poll = async (accounts: string[]) => {
			const poller = await Poller.create({
				parameters: { events: ['newPost'], filters: { accounts } },
				credentials: tokenCredentials(sim()),
			});
			await poller.activate();
			const before = sim().control.requests().length;
			await poller.poll();
			return sim().control.requests().slice(before);
		};
		const byName = await poll(['hoop coffee roasters']);
		expect(byName.map((request) => request.path)).toEqual([
			`/social-media-posting/${sim().locationId}/accounts`,
			`/social-media-posting/${sim().locationId}/posts/list`,
		]);
		expect((byName[1].body as IDataObject).accounts).toBe(facebook.id);
		const byId = await poll([String(facebook.id)]);
		expect(byId.map((request) => request.path)).toEqual([`/social-media-posting/${sim().locationId}/posts/list`]);
	});
});
