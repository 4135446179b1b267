import { afterAll, beforeAll, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { errorItemMessages, runNode } from '../harness/n8n';
import { restoreSendSettings, sendSettings, tuneSendSettings } from '../harness/send-path';
import { printFigures } from '../helpers/report';
import { locationOf, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';
import { intSetting } from './lib/measure';

// `npm run bench:soak` (issue 15, R1): 1,000 mixed operations (items of the action node, in runs of
// 25 through real n8n-core) against the simulator with faults on 10 % of the requests: 5xx,
// answers after the timeout, 429s, connections reset before the request is read, answers lost
// after it was carried out. Every operation's effect is then checked in the simulator's state:
// prints lost operations (goal 0) and duplicate posts (goal 0), and what the faults were.
// The waits are scaled down (timeout 1 s, backoff from 50 ms, a 1 s rate-limit window): the
// decisions are the same as with the real settings, only faster. HOOPAI_BENCH_NO_RETRIES=1 turns
// the node's retries off, for comparison (what a node without them loses).

const OPERATIONS = intSetting('HOOPAI_BENCH_OPERATIONS', 1000);
const RUN_SIZE = 25;
const SEED = intSetting('HOOPAI_BENCH_SEED', 15);
const NO_RETRIES = intSetting('HOOPAI_BENCH_NO_RETRIES', 0) === 1;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', followRealTime: true, rateLimit: { max: 1000, intervalMs: 1000, daily: 200_000 } });
	tuneSendSettings({ attemptTimeoutMs: 1000, backoffMs: 50, ...(NO_RETRIES ? { maxTransientRetries: 0, maxRateLimitRetries: 0 } : {}) });
});
afterAll(async () => {
	restoreSendSettings();
	await sim.stop();
});

type Kind = 'create' | 'get' | 'update' | 'delete' | 'getMany' | 'categories' | 'tags' | 'accounts';
/** Ten operations in every ten: three writes that change posts, the rest reads. */
const MIX: Kind[] = ['create', 'create', 'get', 'update', 'getMany', 'delete', 'categories', 'create', 'tags', 'accounts'];

const parametersOf: Record<Kind, (account: string) => INodeParameters> = {
	create: (account) => ({
		resource: 'post',
		operation: 'create',
		accountIds: [account],
		status: 'draft',
		summary: '={{ $json.text }}',
		simple: false,
	}),
	get: () => ({ resource: 'post', operation: 'get', postId: '={{ $json.postId }}', simple: false }),
	update: () => ({
		resource: 'post',
		operation: 'update',
		postId: '={{ $json.postId }}',
		updateFields: { summary: '={{ $json.text }}' },
		simple: false,
	}),
	delete: () => ({ resource: 'post', operation: 'delete', postId: '={{ $json.postId }}' }),
	getMany: () => ({ resource: 'post', operation: 'getAll', returnAll: false, limit: 5, simple: false }),
	categories: () => ({ resource: 'category', operation: 'getAll', returnAll: false, limit: 5 }),
	tags: () => ({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 5 }),
	accounts: () => ({ resource: 'account', operation: 'getAll' }),
};

it(`${OPERATIONS} mixed operations with faults on 10 % of requests: nothing lost, nothing twice`, async () => {
	const location = locationOf(sim);
	const account = location.accounts.find((candidate: IDataObject) => candidate.platform === 'facebook' && !candidate.isExpired)
		.id as string;
	// Posts of the sample data the gets, updates and deletes work on (drafts: nothing publishes them).
	const pool: string[] = [];
	for (let index = 0; index < OPERATIONS; index++) {
		location.posts.push({
			...location.posts[0],
			_id: `5oa4${String(index).padStart(20, '0')}`,
			status: 'draft',
			summary: `pool #${index}`,
		});
		pool.push(`5oa4${String(index).padStart(20, '0')}`);
	}
	sim.control.injectFaults({
		seed: SEED,
		errorRate: 0.03,
		errorStatus: 503,
		slowAnswerRate: 0.015,
		slowAnswerMs: 1500,
		rateLimitRate: 0.02,
		resetRate: 0.02,
		lostAnswerRate: 0.015,
	});
	const expected = { created: [] as string[], updated: new Map<string, string>(), deleted: [] as string[], reads: 0 };
	const errors: string[] = [];
	let operation = 0;
	const started = performance.now();
	while (operation < OPERATIONS) {
		const kind = MIX[((operation / RUN_SIZE) % MIX.length) | 0];
		const input = Array.from({ length: Math.min(RUN_SIZE, OPERATIONS - operation) }, (_, index) => {
			const n = operation + index;
			return { text: `soak ${kind} #${n}`, postId: pool[n] };
		});
		const { items, error } = await runNode({
			parameters: parametersOf[kind](account),
			credentials: tokenCredentials(sim),
			input,
			continueOnFail: true,
		});
		if (error) errors.push(`${kind}: ${error.message}`);
		errors.push(...errorItemMessages(items).map((message) => `${kind}: ${message}`));
		for (const item of input) {
			if (kind === 'create') expected.created.push(item.text);
			else if (kind === 'update') expected.updated.set(item.postId, item.text);
			else if (kind === 'delete') expected.deleted.push(item.postId);
		}
		if (!['create', 'update', 'delete'].includes(kind)) expected.reads += input.length;
		operation += input.length;
	}
	const elapsedMs = performance.now() - started;

	const posts = locationOf(sim).posts as IDataObject[];
	const bySummary = new Map<string, IDataObject[]>();
	for (const post of posts) bySummary.set(String(post.summary), [...(bySummary.get(String(post.summary)) ?? []), post]);
	const lostCreates = expected.created.filter((text) => !bySummary.has(text));
	const duplicates = expected.created.filter((text) => (bySummary.get(text)?.length ?? 0) > 1);
	const byId = new Map(posts.map((post) => [String(post._id), post]));
	const lostUpdates = [...expected.updated].filter(([id, text]) => byId.get(id)?.summary !== text);
	const lostDeletes = expected.deleted.filter((id) => byId.get(id)?.status !== 'deleted');
	const log = sim.control.requests();
	const faults = log.reduce<Record<string, number>>((counts, request) => {
		if (request.fault) counts[request.fault] = (counts[request.fault] ?? 0) + 1;
		return counts;
	}, {});
	printFigures(`Soak: ${OPERATIONS} operations, faults on 10 % of requests (seed ${SEED})`, {
		operations: `${expected.created.length} creates, ${expected.updated.size} updates, ${expected.deleted.length} deletes, ${expected.reads} reads`,
		requests: log.length,
		faultsInjected: `${Object.values(faults).reduce((sum, count) => sum + count, 0)} (${Object.entries(faults)
			.map(([kind, count]) => `${kind} ${count}`)
			.join(', ')})`,
		lostOperations: lostCreates.length + lostUpdates.length + lostDeletes.length,
		duplicatePosts: duplicates.length,
		errorItems: `${errors.length}${errors.length ? `: ${[...new Set(errors)].slice(0, 5).join(' | ')}` : ''}`,
		elapsedSeconds: (elapsedMs / 1000).toFixed(1),
		settings: `timeout ${sendSettings().attemptTimeoutMs} ms, backoff from ${sendSettings().backoffMs} ms, ${sendSettings().maxTransientRetries} retries (${sendSettings().maxRateLimitRetries} after a 429)`,
	});
});
