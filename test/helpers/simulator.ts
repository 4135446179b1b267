import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from '@jest/globals';
import type { IDataObject } from 'n8n-workflow';
import { startSimulator, type AuthorizeOptions, type Simulator } from '../simulator';
import { checkableRequests, describeWithSpec, itWithSpec, specAvailable, specProblems } from './spec-check';
import type { TestCredentials } from '../harness/n8n';
import { forgetLocationTokens, forgetRateLimits } from '../harness/send-path';

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

/** The OAuth2 credential as n8n holds it once connected: the app's client, the hosts, the token answer. */
export function oauthCredentials(
	sim: Simulator,
	oauthTokenData: object,
	scope = 'socialplanner/post.write oauth.readonly oauth.write',
): TestCredentials {
	return {
		type: 'hoopAiOAuth2Api',
		data: {
			grantType: 'authorizationCode',
			marketplace: 'custom',
			marketplaceUrl: sim.url,
			authUrl: `${sim.url}/v2/oauth/chooselocation`,
			accessTokenUrl: `${sim.url}/oauth/token`,
			clientId: sim.clientId,
			clientSecret: sim.clientSecret,
			scope,
			authentication: 'body',
			apiVersion: '2021-07-28',
			baseUrl: sim.url,
			oauthTokenData: { ...oauthTokenData } as IDataObject,
		},
	};
}

/** The OAuth2 credential connected by an install: an agency install unless told otherwise. */
export function agencyCredentials(sim: Simulator, install: AuthorizeOptions = { userType: 'Company' }): TestCredentials {
	return oauthCredentials(sim, sim.control.connect(install));
}

/** The API requests the simulator saw since `from` (an index into its request log). */
export function requestsSince(sim: Simulator, from: number) {
	return sim.control
		.requests()
		.slice(from)
		.map((request) => `${request.method} ${request.path}`);
}

/** The simulator's store for its own location (accounts, posts, categories… as plain data). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function locationOf(sim: Simulator): Record<string, any> {
	const location = sim.control.state.locations.get(sim.locationId);
	if (!location) throw new Error(`The simulator has no location ${sim.locationId}`);
	return location;
}

interface SpecLog {
	problems: string[];
	checked: number;
	checkRegistered: boolean;
}
const specLogs = new WeakMap<() => Simulator, SpecLog>();

/**
 * One sample-seeded simulator for the enclosing block (or file): reset before each test (then
 * `afterReset`), stopped at the end; the requests of each test are kept for
 * itSentOnlyDocumentedRequests, which the block must end with (its afterAll says so otherwise).
 */
export function useSampleSimulator(afterReset: (sim: Simulator) => void = () => {}): () => Simulator {
	let sim: Simulator | undefined;
	const current = () => {
		if (!sim) throw new Error('The simulator is not started yet');
		return sim;
	};
	const log: SpecLog = { problems: [], checked: 0, checkRegistered: false };
	specLogs.set(current, log);
	beforeAll(async () => {
		sim = await startSampleSimulator();
	});
	beforeEach(() => {
		current().control.reset('sample');
		// A reset simulator starts a new day and window; so does the package's view of its limits.
		forgetRateLimits();
		forgetLocationTokens();
		afterReset(current());
	});
	afterEach(() => {
		if (!specAvailable()) return;
		const requests = checkableRequests(current().control.requests());
		log.checked += requests.length;
		const test = expect.getState().currentTestName;
		log.problems.push(...requests.flatMap(specProblems).map((problem) => `${test}: ${problem}`));
	});
	afterAll(async () => {
		await current().stop();
		if (!log.checkRegistered)
			throw new Error(
				'useSampleSimulator: end the block with itSentOnlyDocumentedRequests(sim), or its requests are never checked against the spec',
			);
	});
	return current;
}

/**
 * The last test of a block with a simulator: every request its tests made (but answers they
 * provoked) is one the official v3 spec documents, path parameters and body included. Skipped
 * whole without the spec, so the tests before it never check half.
 */
export function itSentOnlyDocumentedRequests(sim: () => Simulator): void {
	const log = specLogs.get(sim);
	if (!log) throw new Error('itSentOnlyDocumentedRequests takes the function useSampleSimulator returned');
	log.checkRegistered = true;
	itWithSpec('every request these tests sent is one the official v3 spec documents', () => {
		expect(log.problems).toEqual([]);
		expect(log.checked).toBeGreaterThan(0);
	});
}

export interface SimulatorBlockOptions {
	/** Runs after the simulator is reset for each test (seed more, tune its limits). */
	afterReset?: (sim: Simulator) => void;
	/** The whole block checks the official spec itself: skipped whole without it. */
	needsSpec?: boolean;
}

/** A describe block with a sample simulator (useSampleSimulator) that ends with itSentOnlyDocumentedRequests. */
export function describeWithSimulator(name: string, body: (sim: () => Simulator) => void, options: SimulatorBlockOptions = {}): void {
	(options.needsSpec ? describeWithSpec : describe)(name, () => {
		const sim = useSampleSimulator(options.afterReset);
		body(sim);
		itSentOnlyDocumentedRequests(sim);
	});
}
