import { afterAll, afterEach, beforeAll, expect, it, jest } from '@jest/globals';
import { PollContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { locationOf, requestsSince, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';

/** What one poll costs per call: parameter reads, credential reads and requests (issue 11). */

const POSTS = 1_000;
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample' });
	sim.control.setRateLimit({ max: 1_000_000, daily: 100_000_000 });
});
afterAll(async () => await sim.stop());
afterEach(() => {
	jest.restoreAllMocks();
});

it('reads each parameter and the credential once per poll, and sends one request per page', async () => {
	const location = locationOf(sim);
	const account = location.accounts.find((candidate: IDataObject) => candidate.platform === 'facebook').id;
	location.posts.length = 0;
	sim.control.seed({
		posts: Array.from({ length: POSTS }, (_value, index) => ({
			status: 'scheduled',
			accountIds: [account],
			summary: `Post ${index}`,
			scheduleDate: new Date(Date.now() + 3_600_000 + index * 60_000).toISOString(),
		})),
	});
	const poller = await Poller.create({
		parameters: {
			events: ['statusChanged', 'newPost'],
			toStatuses: ['failed'],
			filters: { accounts: [account] },
			options: { daysAhead: 30, simplify: true },
		},
		credentials: tokenCredentials(sim),
	});
	const parameterReads = jest.spyOn(PollContext.prototype, 'getNodeParameter');
	const credentialReads = jest.spyOn(PollContext.prototype, 'getCredentials');
	const decrypts = jest.spyOn(poller.credentialsHelper, 'getDecrypted');

	const figures: Record<string, string> = {};
	const profile = async (name: string, run: () => Promise<unknown>) => {
		parameterReads.mockClear();
		credentialReads.mockClear();
		decrypts.mockClear();
		const before = sim.control.requests().length;
		await run();
		const requests = requestsSince(sim, before);
		const names = parameterReads.mock.calls.map((call) => String(call[0]));
		figures[name] =
			`${names.length} parameter reads (${names.join(', ')}), ${credentialReads.mock.calls.length} credential reads ` +
			`(${decrypts.mock.calls.length} decrypts), ${requests.length} requests`;
		expect(new Set(names).size).toBe(names.length);
		// The node reads the credential once (location, host); n8n reads it again for each request.
		expect(credentialReads.mock.calls.length).toBeLessThanOrEqual(requests.length + 1);
		return requests;
	};
	expect(await profile('activation (baseline)', async () => await poller.activate())).toHaveLength(POSTS / 100);
	expect(await profile('poll, no change', async () => await poller.poll())).toHaveLength(POSTS / 100);
	await profile('Fetch Test Event', async () => await poller.poll('manual', 'manual'));
	printFigures(`Trigger, per poll with ${POSTS} posts in the window`, figures);
});
