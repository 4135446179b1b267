import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { startSimulator, type Simulator } from '../simulator';
import { expectRequestsMatchSpec } from './spec-check';
import type { TestCredentials } from '../harness/n8n';
import { forgetRateLimits } from '../harness/send-path';

export type { Simulator };

/** A simulator seeded with the sample location, for one test file. */
export async function startSampleSimulator(): Promise<Simulator> {
	return await startSimulator({ port: 0, seed: 'sample' });
}

/** A HoopAI API (token) credential pointing at the simulator. */
export function tokenCredentials(sim: Simulator, data: Record<string, string> = {}): TestCredentials {
	return {
		type: 'hoopAiApi',
		data: {
			accessToken: sim.token,
			locationId: sim.locationId,
			userId: sim.userId,
			apiVersion: '2021-07-28',
			baseUrl: sim.url,
			...data,
		},
	};
}

/** The API requests the simulator saw since `from` (an index into its request log). */
export function requestsSince(sim: Simulator, from: number) {
	return sim.control.requests().slice(from).map((request) => `${request.method} ${request.path}`);
}

/** The simulator's store for its own location (accounts, posts, categories… as plain data). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function locationOf(sim: Simulator): Record<string, any> {
	const location = sim.control.state.locations.get(sim.locationId);
	if (!location) throw new Error(`The simulator has no location ${sim.locationId}`);
	return location;
}

/**
 * One sample-seeded simulator for a test file: reset before each test (then `afterReset`), every
 * request a test made checked against the v3 spec after it, stopped at the end.
 */
export function useSampleSimulator(afterReset: (sim: Simulator) => void = () => {}): () => Simulator {
	let sim: Simulator | undefined;
	const current = () => {
		if (!sim) throw new Error('The simulator is not started yet');
		return sim;
	};
	beforeAll(async () => {
		sim = await startSampleSimulator();
	});
	beforeEach(() => {
		current().control.reset('sample');
		// A reset simulator starts a new day and window; so does the package's view of its limits.
		forgetRateLimits();
		afterReset(current());
	});
	afterEach(() => expectRequestsMatchSpec(current()));
	afterAll(async () => await current().stop());
	return current;
}
