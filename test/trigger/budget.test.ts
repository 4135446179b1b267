import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { IDataObject } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { locationOf, requestsSince, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'empty' });
	sim.control.setRateLimit({ max: 1_000_000 });
});
afterAll(async () => await sim.stop());

it('stops paging within n8n’s poll budget and goes on next poll without losing changes', async () => {
	sim.control.seed('sample');
	const location = locationOf(sim);
	const account = location.accounts.find((candidate: IDataObject) => candidate.platform === 'facebook').id;
	location.posts.length = 0;
	const posts = sim.control.seed({
		posts: Array.from({ length: 450 }, (_value, index) => ({
			status: 'scheduled',
			accountIds: [account],
			summary: `Post ${index}`,
			scheduleDate: new Date(Date.now() + 3_600_000 + index * 60_000).toISOString(),
		})),
	}).posts as Array<IDataObject & { _id: string; status: string }>;
	// Every request takes 60 ms; the budget (100 ms, 80 % usable) leaves room for one or two pages.
	sim.control.injectFaults({ latencyMs: 60 });
	const poller = await Poller.create({
		parameters: { events: ['statusChanged'], toStatuses: ['failed'] },
		credentials: tokenCredentials(sim),
		pollBudgetMs: 100,
	});

	const perPoll: number[] = [];
	const pollOnce = async () => {
		const before = sim.control.requests().length;
		const result = await poller.poll();
		perPoll.push(requestsSince(sim, before).length);
		return (result?.[0] ?? []).map((item) => String(item.json.postId));
	};
	let baselinePolls = 0;
	while (!(poller.staticData()['node:HoopAI'] as IDataObject | undefined)?.baselined) {
		expect(await pollOnce()).toEqual([]);
		baselinePolls++;
		expect(baselinePolls).toBeLessThan(20);
	}
	expect(baselinePolls).toBeGreaterThan(1);

	const changed = [posts[3], posts[180], posts[449]];
	for (const post of changed) post.status = 'failed';
	const emitted: string[] = [];
	for (let poll = 0; poll < 12; poll++) emitted.push(...(await pollOnce()));
	sim.control.clearFaults();

	expect(emitted.sort()).toEqual(changed.map((post) => post._id).sort());
	expect(Math.max(...perPoll)).toBeLessThanOrEqual(2);
});
