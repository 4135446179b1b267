// The one send path every request takes (shared/send.ts, shared/rateLimit.ts), run through real
// n8n-core against the simulator: pacing by the X-RateLimit headers, 429s, the daily budget,
// retries of reads, and creates that are never made twice (lost answers, Retry On Fail).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions } from '../harness/n8n';
import { restoreSendSettings, sendSettings, tuneSendSettings } from '../harness/send-path';
import { printFigures } from '../helpers/report';
import { secondAddress } from '../helpers/second-address';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

type Account = { id: string; platform: string; isExpired?: boolean };

describeWithSimulator('one send path for every request', (sim) => {
	const location = () => locationOf(sim());
	const run = async (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		await runNode({ parameters, credentials: tokenCredentials(sim()), ...options });
	const logFrom = () => {
		const start = sim().control.requests().length;
		return () => sim().control.requests().slice(start);
	};
	const statuses = (log: () => Array<{ status?: number }>) => log().map((request) => request.status);
	const facebook = () => location().accounts.find((account: Account) => account.platform === 'facebook' && !account.isExpired).id as string;
	const postsNamed = (summary: string) => location().posts.filter((post: IDataObject) => post.summary === summary);
	const createPost = (summary: string): INodeParameters => ({
		resource: 'post',
		operation: 'create',
		simple: false,
		accountIds: [facebook()],
		status: 'scheduled',
		scheduleDate: '2030-06-01T09:30:00',
		timezone: 'Europe/London',
		summary,
	});
	const getCategory = { resource: 'category', operation: 'get', categoryId: '={{ $json.categoryId }}' };

	beforeAll(() => tuneSendSettings({ backoffMs: 5, attemptTimeoutMs: 1_500 }));
	afterAll(() => restoreSendSettings());
	// createdAt of new posts follows the simulator's clock: let it be now, as the real API's is.
	beforeEach(() => {
		sim().control.setClock(new Date().toISOString());
	});

	describe('pacing', () => {
		it('keeps a burst of routed requests (items run concurrently) within the location’s limit: no 429', async () => {
			sim().control.setRateLimit({ max: 5, intervalMs: 1_000 });
			const categoryId = location().categories[0]._id;
			const log = logFrom();
			const { items, error } = await run(getCategory, { input: Array.from({ length: 12 }, () => ({ categoryId })) });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(12);
			expect(statuses(log)).toEqual(Array(12).fill(200));
		});

		it('lets an item’s output hooks send their own requests while items wait for places (Post → Get, Simplify reads the accounts)', async () => {
			sim().control.setRateLimit({ max: 3, intervalMs: 1_000 });
			const ids = location()
				.posts.slice(0, 8)
				.map((post: IDataObject) => ({ postId: post._id }));
			const log = logFrom();
			const { items, error } = await run({ resource: 'post', operation: 'get', postId: '={{ $json.postId }}' }, { input: ids });
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual(ids.map((item: IDataObject) => item.postId));
			expect(statuses(log).filter((status) => status === 429)).toEqual([]);
		});

		it('paces code operations and their lookups the same way (Post → Create, 8 items)', async () => {
			sim().control.setRateLimit({ max: 3, intervalMs: 1_000 });
			const log = logFrom();
			const { items, error } = await run(createPost('Paced'), { input: Array.from({ length: 8 }, () => ({})) });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(8);
			expect(statuses(log).filter((status) => status === 429)).toEqual([]);
			expect(postsNamed('Paced')).toHaveLength(8);
		});

		it('waits out a 429 it could not foresee (another app using the budget) and sends again', async () => {
			sim().control.setRateLimit({ intervalMs: 1_000 });
			sim().control.injectFaults({ next: { kind: 'rateLimit' } });
			const log = logFrom();
			const { items, error } = await run(getCategory, { input: [{ categoryId: location().categories[0]._id }] });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(statuses(log)).toEqual([429, 200]);
		});

		it('shares the location’s window with another worker by the server’s own count (X-RateLimit-Remaining): no 429', async () => {
			const max = 6;
			const intervalMs = 1_000;
			sim().control.setRateLimit({ max, intervalMs });
			// The other worker: the same token and location under a second address, so its own limiter.
			const relay = await secondAddress(sim().url);
			try {
				const categoryId = location().categories[0]._id;
				const input = Array.from({ length: 18 }, () => ({ categoryId }));
				const log = logFrom();
				const started = Date.now();
				const workers = await Promise.all(
					[sim().url, relay.url].map(
						async (baseUrl) => await run(getCategory, { input, credentials: tokenCredentials(sim(), { baseUrl }) }),
					),
				);
				const elapsedMs = Date.now() - started;
				const answered429 = statuses(log).filter((status) => status === 429).length;
				printFigures('Two workers, one location’s window', {
					requests: log().length,
					answered429,
					rateShareOfLimit: `${((log().length / elapsedMs / (max / intervalMs)) * 100).toFixed(0)} %`,
				});
				expect(workers.map((worker) => [worker.error, worker.items.length])).toEqual([
					[undefined, 18],
					[undefined, 18],
				]);
				expect(answered429).toBe(0);
			} finally {
				await relay.close();
			}
		});

		it('fails at once while the daily budget is spent, saying when it resets, and sends nothing more', async () => {
			sim().control.setRateLimit({ daily: 1 });
			const categoryId = location().categories[0]._id;
			const log = logFrom();
			// One request is left today: the first item gets it, its answer says the budget is spent.
			const first = await run(getCategory, { input: [{ categoryId }, { categoryId }], continueOnFail: true });
			expect(first.items[0].json._id).toBe(categoryId);
			expect(first.items[1].json.error).toMatch(/^The HoopAI daily request limit is used up/);
			expect(log()).toHaveLength(1);

			const second = await run(getCategory, { input: [{ categoryId }] });
			expect(second.error?.message).toBe('The HoopAI daily request limit is used up (1 requests a day for this location)');
			expect(second.error?.description).toMatch(/^It resets at \d{4}-\d\d-\d\dT[\d:.]+Z \(in \d+ h \d+ min\)\. Nothing was sent\.$/);
			expect(log()).toHaveLength(1);
		});
	});

	describe('retries', () => {
		it('sends a read again after a 5xx, a reset connection and an answer that came too late', async () => {
			sim().control.injectFaults({
				next: [{ kind: 'error', status: 503 }, { kind: 'reset' }, { kind: 'slowAnswer' }],
				slowAnswerMs: 3_000,
			});
			const log = logFrom();
			const { items, error } = await run(getCategory, { input: [{ categoryId: location().categories[0]._id }] });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(log().map((request) => request.fault ?? request.status)).toEqual(['error', 'reset', 'slowAnswer', 200]);
		});

		it('a delete whose answer was lost is sent again; the 404 that answers means it was deleted', async () => {
			const post = location().posts.find((candidate: IDataObject) => candidate.status === 'scheduled');
			sim().control.injectFaults({ next: { kind: 'lostAnswer' } });
			const log = logFrom();
			const { items, error } = await run({ resource: 'post', operation: 'delete', postId: post._id });
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: post._id }]);
			expect(log().map((request) => request.fault ?? request.status)).toEqual(['lostAnswer', 404]);
			expect(post.status).toBe('deleted');
		});

		it('a delete answered 404 without an earlier lost attempt still fails: the post was not there', async () => {
			const { error } = await run({ resource: 'post', operation: 'delete', postId: '65f0c0de00000000000000ff' });
			expect(error).toMatchObject({ httpCode: '404' });
		});

		it('gives up after its retries with the API’s own error', async () => {
			sim().control.injectFaults({ next: { kind: 'error', status: 502, count: 10 } });
			const log = logFrom();
			const { error } = await run(getCategory, { input: [{ categoryId: location().categories[0]._id }] });
			expect(error?.message).toBe('Internal server error');
			expect(log()).toHaveLength(1 + sendSettings().maxTransientRetries);
		});
	});

	describe('creates are never made twice', () => {
		it('a create whose answer was lost is looked up and found, not sent again', async () => {
			// Request 1 reads the accounts, request 2 creates the post and its answer is lost.
			sim().control.injectFaults({ skip: 1, next: { kind: 'lostAnswer' } });
			const log = logFrom();
			const { items, error } = await run(createPost('Lost answer'));
			expect(error).toBeUndefined();
			const [post] = postsNamed('Lost answer');
			expect(postsNamed('Lost answer')).toHaveLength(1);
			expect(items.map((item) => item.json._id)).toEqual([post._id]);
			expect(
				log().map((request) => `${request.method} ${request.path.replace(/^.*\/posts/, 'posts')} ${request.fault ?? request.status}`),
			).toEqual([`GET /social-media-posting/${sim().locationId}/accounts 200`, 'POST posts lostAnswer', 'POST posts/list 201']);
		});

		it('a create answered after the timeout is found, not sent again', async () => {
			sim().control.injectFaults({ skip: 1, next: { kind: 'slowAnswer' }, slowAnswerMs: 3_000 });
			const { items, error } = await run(createPost('Slow answer'));
			expect(error).toBeUndefined();
			expect(postsNamed('Slow answer')).toHaveLength(1);
			expect(items[0].json._id).toBe(postsNamed('Slow answer')[0]._id);
		});

		it('a create that never arrived (reset before it was read, or a 5xx) is looked up, then sent once more', async () => {
			for (const fault of [{ kind: 'reset' as const }, { kind: 'error' as const, status: 503 }]) {
				sim().control.injectFaults({ skip: 1, next: fault });
				const log = logFrom();
				const { error } = await run(createPost(`Never arrived (${fault.kind})`));
				expect(error).toBeUndefined();
				expect(postsNamed(`Never arrived (${fault.kind})`)).toHaveLength(1);
				expect(
					log()
						.map((request) => request.path.replace(/^.*\/posts/, 'posts'))
						.slice(1),
				).toEqual(['posts', 'posts/list', 'posts']);
			}
		});

		it('an identical post made ten minutes earlier is not taken for the lost one', async () => {
			sim().control.setClock(new Date(Date.now() - 10 * 60_000).toISOString());
			await run(createPost('Twice on purpose'));
			sim().control.setClock(new Date().toISOString());
			sim().control.injectFaults({ skip: 1, next: { kind: 'reset' } });
			const { error } = await run(createPost('Twice on purpose'));
			expect(error).toBeUndefined();
			expect(postsNamed('Twice on purpose')).toHaveLength(2);
		});

		it('Retry On Fail re-runs every item: the ones created before the failure are not created again', async () => {
			// The 12th create is refused once (a 400 is not retried by the node), so the node fails and n8n runs it again.
			sim().control.injectFaults({ skip: 12, next: { kind: 'error', status: 400 } });
			const log = logFrom();
			const input = Array.from({ length: 20 }, (_, index) => ({ text: `Retry On Fail #${index}` }));
			const { items, error } = await run(
				{ ...createPost(''), summary: '={{ $json.text }}' },
				{ input, settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } },
			);
			expect(error).toBeUndefined();
			const created = location().posts.filter((post: IDataObject) => String(post.summary).startsWith('Retry On Fail #'));
			const creates = log().filter((request) => request.method === 'POST' && request.path.endsWith('/posts'));
			printFigures('Retry On Fail, 20 items, the 12th refused once', {
				postsCreated: created.length,
				createRequests: creates.length,
				withoutMemory: 11 + 20,
			});
			expect(created).toHaveLength(20);
			expect(items.map((item) => item.json.summary)).toEqual(input.map((item) => item.text));
			// First try: 11 created + the refused one; second try: that one again and the 8 after it.
			expect(creates.map((request) => request.status)).toEqual([...Array(11).fill(201), 400, ...Array(9).fill(201)]);
		});

		it('a comment whose answer was lost is not posted twice, not even by Retry On Fail: the item fails saying it may have been posted', async () => {
			const [comment] = location().comments;
			const before = location().comments.length;
			sim().control.injectFaults({ next: { kind: 'lostAnswer' } });
			const log = logFrom();
			const { error } = await run(
				{
					resource: 'comment',
					operation: 'create',
					platform: 'facebook',
					parentId: comment._id,
					isParentThread: false,
					content: 'Only once',
				},
				{ settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } },
			);
			expect(error?.message).toBe('No answer from HoopAI after sending a create: it may have been carried out');
			expect(location().comments.length).toBe(before + 1);
			expect(log()).toHaveLength(1);
		});

		it('a post create that may have arrived and cannot be looked up fails as unsure, and Retry On Fail does not send it again', async () => {
			// The create's answer is lost, then the lookup's list fails beyond its own retries.
			sim().control.injectFaults({
				skip: 1,
				next: [{ kind: 'lostAnswer' }, { kind: 'error', status: 503, count: 1 + sendSettings().maxTransientRetries }],
			});
			const log = logFrom();
			const { error } = await run(createPost('Unsure'), { settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
			expect(error?.message).toBe('No answer from HoopAI after sending a create: it may have been carried out');
			expect(postsNamed('Unsure')).toHaveLength(1);
			expect(log().filter((request) => request.method === 'POST' && request.path.endsWith('/posts'))).toHaveLength(1);
		});
	});
});
