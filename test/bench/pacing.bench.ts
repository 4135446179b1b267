import { afterAll, beforeAll, it } from '@jest/globals';
import type { INodeParameters } from 'n8n-workflow';
import { errorItemMessages, runNode } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { locationOf, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';
import { secondAddress } from '../helpers/second-address';
import { intSetting } from './lib/measure';

// `npm run bench:pacing` (issue 15, P3): 500 posts created in one run of the node against the
// simulator enforcing HighLevel's burst limit (100 requests / 10 s; HOOPAI_BENCH_MAX and
// HOOPAI_BENCH_INTERVAL_MS scale the window). Prints the rate achieved as a share of the limit,
// failed items, 429s the user saw (error items) and 429s the API answered at all. Then the
// same for 500 Post → Get items, which n8n runs concurrently (routed operation), and for two workers
// doing that at once (each its own limiter, one window at the simulator).

const ITEMS = intSetting('HOOPAI_BENCH_ITEMS', 500);
const MAX = intSetting('HOOPAI_BENCH_MAX', 100);
const INTERVAL_MS = intSetting('HOOPAI_BENCH_INTERVAL_MS', 10_000);

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		seed: 'sample',
		followRealTime: true,
		rateLimit: { max: MAX, intervalMs: INTERVAL_MS, daily: 200_000 },
	});
});
afterAll(async () => await sim.stop());

/**
 * Runs the node once per worker at the same time: each worker sends to its own address of the
 * simulator (a relay), so it paces with its own limiter as another n8n worker would, while the
 * simulator counts one location's window for them all.
 */
async function measure(title: string, parameters: INodeParameters, input: Array<Record<string, string>>, workers = 1): Promise<void> {
	const relays = await Promise.all(Array.from({ length: workers - 1 }, async () => await secondAddress(sim.url)));
	const from = sim.control.requests().length;
	const started = performance.now();
	const runs = await Promise.all(
		[sim.url, ...relays.map((relay) => relay.url)].map(
			async (baseUrl) => await runNode({ parameters, credentials: tokenCredentials(sim, { baseUrl }), input, continueOnFail: true }),
		),
	);
	const elapsedMs = performance.now() - started;
	await Promise.all(relays.map(async (relay) => await relay.close()));
	const requests = sim.control.requests().slice(from);
	const items = runs.flatMap((run) => run.items);
	const error = runs.find((run) => run.error)?.error;
	// Full windows the run needed: n requests cannot be sent faster than (ceil(n / max) - 1) intervals.
	const fastestMs = (Math.ceil(requests.length / MAX) - 1) * INTERVAL_MS;
	const failed = errorItemMessages(items);
	const answered429 = requests.filter((request) => request.status === 429).length;
	printFigures(title, {
		workers,
		items: input.length * workers,
		requests: requests.length,
		elapsedSeconds: (elapsedMs / 1000).toFixed(1),
		achievedRequestsPerSecond: (requests.length / (elapsedMs / 1000)).toFixed(2),
		limitRequestsPerSecond: (MAX / (INTERVAL_MS / 1000)).toFixed(2),
		shareOfLimit: `${((fastestMs / elapsedMs) * 100).toFixed(1)} % (fastest possible ${(fastestMs / 1000).toFixed(1)} s for ${requests.length} requests)`,
		rateShareOfLimit: `${(((requests.length - answered429) / elapsedMs / (MAX / INTERVAL_MS)) * 100).toFixed(1)} % (answered requests per second ÷ the limit's)`,
		failedItems: failed.length + (error ? input.length : 0),
		rateLimitErrorsSeenByUser: failed.filter((message) => /429|rate limit|too many/i.test(message)).length,
		answered429: `${answered429} (${((answered429 / requests.length) * 100).toFixed(1)} % of requests)`,
	});
}

it(`creates ${ITEMS} posts within the location's burst limit`, async () => {
	const facebook = locationOf(sim).accounts.find(
		(account: { platform: string; isExpired?: boolean }) => account.platform === 'facebook' && !account.isExpired,
	).id;
	const input = Array.from({ length: ITEMS }, (_, index) => ({ text: `Pacing bench #${index}` }));
	await measure(
		`Pacing: Post → Create × ${ITEMS} (one run, sequential items), limit ${MAX} / ${INTERVAL_MS} ms`,
		{
			resource: 'post',
			operation: 'create',
			accountIds: [facebook],
			status: 'draft',
			summary: '={{ $json.text }}',
		},
		input,
	);
});

it(`gets ${ITEMS} posts within the location's burst limit (items sent concurrently)`, async () => {
	const ids = locationOf(sim)
		.posts.slice(0, ITEMS)
		.map((post: { _id: string }) => ({ postId: post._id }));
	await measure(
		`Pacing: Post → Get × ${ids.length} (one run, concurrent items), limit ${MAX} / ${INTERVAL_MS} ms`,
		{
			resource: 'post',
			operation: 'get',
			postId: '={{ $json.postId }}',
		},
		ids,
	);
});

it(`two workers get ${ITEMS} posts each at once, sharing the location's window by the server's count`, async () => {
	const ids = locationOf(sim)
		.posts.slice(0, ITEMS)
		.map((post: { _id: string }) => ({ postId: post._id }));
	await measure(
		`Pacing: two workers, Post → Get × ${ids.length} each (concurrent items), limit ${MAX} / ${INTERVAL_MS} ms`,
		{
			resource: 'post',
			operation: 'get',
			postId: '={{ $json.postId }}',
		},
		ids,
		2,
	);
});
