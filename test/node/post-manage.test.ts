import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

type StoredPost = IDataObject & { _id: string; status: string };
const DAY = 24 * 60 * 60 * 1000;

describeWithSimulator('Post → Get, Get Many, Update, Delete, Bulk Delete', (sim) => {
	const location = () => locationOf(sim());
	const posts = () => location().posts as StoredPost[];
	const byStatus = (status: string) => posts().find((post) => post.status === status)!;
	const run = async (parameters: INodeParameters, options: { input?: IDataObject[]; continueOnFail?: boolean } = {}) =>
		await runNode({ parameters: { resource: 'post', simple: false, ...parameters }, credentials: tokenCredentials(sim()), ...options });
	const postRef = (id: string) => ({ __rl: true, mode: 'id', value: id });
	const account = (platform: string) => location().accounts.find((candidate: IDataObject) => candidate.platform === platform).id as string;

	/** Adds `count` scheduled Facebook posts inside the default window. */
	const seedPosts = (count: number) =>
		sim().control.seed({
			posts: Array.from({ length: count }, (_value, index) => ({
				status: 'scheduled',
				accountIds: [account('facebook')],
				summary: `Bulk post ${index}`,
				scheduleDate: new Date(Date.parse(sim().control.now()) + DAY + index * 60_000).toISOString(),
			})),
		});

	it('Get outputs the full post with Simplify off', async () => {
		const failed = byStatus('failed');
		const full = await run({ operation: 'get', postId: postRef(failed._id) });
		expect(full.items.map((item) => item.json._id)).toEqual([failed._id]);
		expect(full.items[0].json.error).toBe(failed.error);
	});

	it('Simplify (on by default) gives one flat row per post: accounts by name and network, one date in the workflow’s zone, the media, nothing empty', async () => {
		const brunch = posts().find((post) => (post.accountIds as string[]).length === 2 && post.status === 'scheduled')!;
		const latteArt = posts().find((post) => post.status === 'published' && (post.media as IDataObject[]).length > 0)!;
		const byId = (id: string) => location().accounts.find((account: IDataObject) => account.id === id);
		const before = sim().control.requests().length;
		const { items, error } = await runNode({
			parameters: { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			credentials: tokenCredentials(sim()),
			timezone: 'America/New_York',
			input: [{ id: brunch._id }, { id: brunch._id }, { id: byStatus('failed')._id }, { id: latteArt._id }],
		});
		expect(error).toBeUndefined();
		const row = items[0].json;
		const [first, second] = (brunch.accountIds as string[]).map(byId);
		expect(row).toEqual({
			id: brunch._id,
			status: 'scheduled',
			scheduledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?-0[45]:00$/),
			accounts: `${first.name} (Facebook), ${second.name} (LinkedIn)`,
			content: brunch.summary,
			media: [],
			postType: 'post',
		});
		// The one date is the same instant as the API's, on New York's wall clock.
		expect(Date.parse(String(row.scheduledAt))).toBe(Date.parse(String(brunch.displayDate)));
		const wallClock = new Date(String(brunch.displayDate)).toLocaleString('sv-SE', { timeZone: 'America/New_York' }).replace(' ', 'T');
		expect(String(row.scheduledAt).slice(0, 19)).toBe(wallClock);
		expect(items[2].json).toEqual(
			expect.objectContaining({ status: 'failed', accounts: expect.stringMatching(/\(YouTube\)$/), error: byStatus('failed').error }),
		);
		expect(items[3].json).toEqual(
			expect.objectContaining({
				status: 'published',
				media: (latteArt.media as IDataObject[]).map((item) => item.url),
				publishedAt: expect.any(String),
			}),
		);
		expect(Date.parse(String(items[3].json.publishedAt))).toBe(Date.parse(String(latteArt.publishedAt)));
		// The accounts are read once per run, not per item.
		expect(requestsSince(sim(), before).filter((request) => request.endsWith('/accounts'))).toHaveLength(1);
	});

	it('Get of an unknown post fails with the API’s 404', async () => {
		const { error } = await run({ operation: 'get', postId: postRef('65f000000000000000000000') });
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('Get Many with Return All pages through every post of the window, with string skip/limit', async () => {
		seedPosts(230);
		const before = sim().control.requests().length;
		const { items, error } = await run({ operation: 'getAll', returnAll: true, filters: { status: 'scheduled' } });
		expect(error).toBeUndefined();
		const expected = posts().filter((post) => post.status === 'scheduled').length;
		expect(expected).toBeGreaterThan(230);
		expect(items).toHaveLength(expected);
		expect(new Set(items.map((item) => item.json._id)).size).toBe(expected);
		const pages = sim().control.requests().slice(before);
		expect(pages.map((request) => (request.body as IDataObject).skip)).toEqual(['0', '100', '200']);
		for (const page of pages) {
			expect(page.body).toEqual(expect.objectContaining({ limit: '100', includeUsers: 'false', type: 'scheduled' }));
		}
	});

	it('Get Many filters by accounts given by name, reads the whole window and keeps the Limit, latest first', async () => {
		seedPosts(30);
		const facebook = location().accounts.find((candidate: IDataObject) => candidate.platform === 'facebook');
		const before = sim().control.requests().length;
		const { items, error } = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 25,
			simple: true,
			filters: { accounts: `${String(facebook.name).toUpperCase()} (facebook)` },
		});
		expect(error).toBeUndefined();
		const toFacebook = posts()
			.filter((post) => post.status !== 'deleted' && (post.accountIds as string[]).includes(facebook.id))
			.sort((a, b) => Date.parse(String(b.displayDate)) - Date.parse(String(a.displayDate)));
		expect(items.map((item) => item.json.id)).toEqual(toFacebook.slice(0, 25).map((post) => post._id));
		expect(items.every((item) => String(item.json.accounts).includes(`${String(facebook.name)} (Facebook)`))).toBe(true);
		// The accounts once (for the name, then for Simplify), then the window's one page.
		expect(requestsSince(sim(), before)).toEqual([
			`GET /social-media-posting/${sim().locationId}/accounts`,
			`POST /social-media-posting/${sim().locationId}/posts/list`,
		]);
		expect(sim().control.requests().at(-1)!.body).toEqual(expect.objectContaining({ limit: '100', accounts: facebook.id }));
	});

	it('Get Many rejects a bad date window before sending', async () => {
		const before = sim().control.requests().length;
		const { error } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { fromDate: '2030-02-01T00:00:00Z', toDate: '2030-01-01T00:00:00Z' },
		});
		expect(error?.message).toBe(
			'Filters → From Date: "2030-02-01T00:00:00Z" is after To Date "2030-01-01T00:00:00Z"; choose a From Date before the To Date',
		);
		expect(requestsSince(sim(), before)).toEqual([]);
	});

	it('Update changes only the fields set, normalises media types (keeping the rest of each item), and outputs the post after the update', async () => {
		const post = byStatus('scheduled');
		const stored = posts().find((candidate) => candidate._id === post._id)!;
		const item = {
			url: 'https://cdn.example.com/media/menu.png',
			type: 'image',
			thumbnail: 'https://cdn.example.com/t.png',
			optimizedUrl: 'https://cdn.example.com/o.png',
		};
		stored.media = [item];
		const { items, error } = await run({
			operation: 'update',
			postId: postRef(post._id),
			updateFields: { summary: 'Brunch menu, now with waffles', scheduleDate: '2030-03-01T10:00:00', timezone: 'Europe/London' },
		});
		expect(error).toBeUndefined();
		const put = sim()
			.control.requests()
			.find((request) => request.method === 'PUT')!;
		// The type becomes a MIME type; everything else the edit body accepts is sent back as it was.
		expect((put.body as IDataObject).media).toEqual([{ ...item, type: 'image/png' }]);
		expect(put.body).toEqual(expect.objectContaining({ accountIds: post.accountIds, tags: post.tags, type: 'post', status: 'scheduled' }));
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({ _id: post._id, summary: 'Brunch menu, now with waffles', displayDate: '2030-03-01T10:00:00.000Z' }),
		);
	});

	it('Update rejects an invalid change without sending the PUT', async () => {
		const post = byStatus('scheduled');
		const before = sim().control.requests().length;
		const { error } = await run({ operation: 'update', postId: postRef(post._id), updateFields: { scheduleDate: '2001-01-01T00:00:00Z' } });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/^Schedule Date: .* is in the past/);
		expect(requestsSince(sim(), before).some((request) => request.startsWith('PUT'))).toBe(false);
	});

	it('Delete outputs {deleted: true, id} and the post is gone', async () => {
		const post = byStatus('draft');
		const { items } = await run({ operation: 'delete', postId: postRef(post._id) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: post._id }]);
		expect(posts().find((candidate) => candidate._id === post._id)?.status ?? 'deleted').toBe('deleted');
	});

	it('Bulk Delete gathers the IDs of all items, removes duplicates and sends 50 per request', async () => {
		const created = seedPosts(120).posts as StoredPost[];
		const ids = created.map((post) => post._id);
		const input = [...ids, ids[0], ids[1]].map((id) => ({ id }));
		const before = sim().control.requests().length;
		const { items, error } = await run({ operation: 'bulkDelete', postIds: '={{ $json.id }}' }, { input });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deletedCount: 120, requested: 120, notFound: 0, requests: 3 }]);
		const sent = sim()
			.control.requests()
			.slice(before)
			.map((request) => ((request.body as IDataObject).postIds as string[]).length);
		expect(sent).toEqual([50, 50, 20]);
		for (const id of ids) expect(posts().find((post) => post._id === id && post.status !== 'deleted')).toBeUndefined();
	});

	it('Bulk Delete counts IDs that no longer exist as not found', async () => {
		const { items } = await run({ operation: 'bulkDelete', postIds: '65f000000000000000000001, 65f000000000000000000002' });
		expect(items[0].json).toEqual({ deletedCount: 0, requested: 2, notFound: 2, requests: 1 });
	});
});
