import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { IDataObject } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { locationOf, requestsSince, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';

// Requests per poll, poll time and state size of the trigger for growing windows of posts.
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample' });
	sim.control.setRateLimit({ max: 100_000_000, daily: 100_000_000 });
});
afterAll(async () => await sim.stop());

it.each([100, 1_000, 10_000])('trigger poll with %i posts in the window', async (size) => {
	sim.control.reset('sample');
	sim.control.setRateLimit({ max: 100_000_000, daily: 100_000_000 });
	const location = locationOf(sim);
	const account = location.accounts.find((candidate: IDataObject) => candidate.platform === 'facebook').id;
	location.posts.length = 0;
	const posts = sim.control.seed({
		posts: Array.from({ length: size }, (_value, index) => ({
			status: 'scheduled',
			accountIds: [account],
			summary: `Post ${index}`,
			scheduleDate: new Date(Date.now() + 3_600_000 + index * 60_000 * ((20 * 24 * 60) / size)).toISOString(),
		})),
	}).posts as Array<IDataObject & { status: string }>;
	const poller = await Poller.create({
		parameters: { events: ['statusChanged'], toStatuses: ['failed'] },
		credentials: tokenCredentials(sim),
	});

	const measure = async (run: () => Promise<unknown>) => {
		const before = sim.control.requests().length;
		const started = performance.now();
		const result = await run();
		return { ms: performance.now() - started, requests: requestsSince(sim, before).length, result };
	};
	const baseline = await measure(async () => await poller.activate());
	const quiet = await measure(async () => await poller.poll());
	for (let index = 0; index < size; index += 100) posts[index].status = 'failed';
	const busy = await measure(async () => await poller.poll());
	const events = ((busy.result as Array<unknown[]> | null)?.[0] ?? []).length;
	expect(events).toBe(Math.ceil(size / 100));

	printFigures(`Trigger poll, ${size} posts in the window`, {
		'requests per poll': `${quiet.requests} (page size 100; baseline ${baseline.requests})`,
		'poll time, no change': `${quiet.ms.toFixed(0)} ms`,
		[`poll time, ${events} changes`]: `${busy.ms.toFixed(0)} ms`,
		'baseline time': `${baseline.ms.toFixed(0)} ms`,
		'state size': `${JSON.stringify(poller.staticData()).length} bytes`,
	});
});
