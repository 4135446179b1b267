import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { INodeExecutionData } from 'n8n-workflow';
import { Poller, type TestCredentials } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { cpuMicros, intSetting, jsonBytes, profileRun, textSetting } from './lib/measure';
import { startSimulatorProcess, type SimulatorProcess } from './lib/simulator-process';

// `npm run bench:trigger` (issue 15, P2): the trigger polling a window of 10,000 posts through real
// n8n-core. The simulator runs in a child process, so the trigger's CPU time (this process, around
// each poll) and the simulator's (the child's own process.cpuUsage) are separate figures.
// Prints per poll: requests, trigger CPU, simulator CPU, wall time, state bytes and bytes per post,
// for the first poll (activation: the baseline scan), a poll with no change, and steady polls
// with 1 % of the posts changing status before each; then where the trigger's CPU goes.
// A warm-up trigger polls the same posts first (not counted), so JIT warm-up is in no figure.
// Env: HOOPAI_BENCH_POSTS (10000), HOOPAI_BENCH_STEADY_POLLS (5), HOOPAI_BENCH_SIMULATOR (another
// checkout's test/simulator folder, for before/after figures of the simulator),
// HOOPAI_BENCH_PROFILE_OUT (write the profiled poll's .cpuprofile there).

const POSTS = intSetting('HOOPAI_BENCH_POSTS', 10_000);
const STEADY_POLLS = intSetting('HOOPAI_BENCH_STEADY_POLLS', 5);
const CHANGED_PER_POLL = Math.max(1, Math.round(POSTS / 100));
/** The posts are spread over this many days from 1 h ahead: inside the default window (30 days ahead). */
const SPREAD_DAYS = 20;

let sim: SimulatorProcess;
beforeAll(async () => {
	sim = await startSimulatorProcess(textSetting('HOOPAI_BENCH_SIMULATOR'));
});
afterAll(async () => await sim?.stop());

interface PollFigures {
	requests: number;
	connections: number;
	triggerMs: number;
	simulatorMs: number;
	wallMs: number;
	stateBytes: number;
	events: number;
}

const credentials = (): TestCredentials => ({
	type: 'hoopAiApi',
	data: { accessToken: sim.token, locationId: sim.locationId, userId: sim.userId, apiVersion: '2021-07-28', baseUrl: sim.url },
});

async function newPoller(): Promise<Poller> {
	return await Poller.create({ parameters: { events: ['statusChanged', 'newPost', 'postDeleted'] }, credentials: credentials() });
}

async function measurePoll(poller: Poller, run: () => Promise<INodeExecutionData[][] | null>): Promise<PollFigures> {
	const simulatorBefore = await sim.sample();
	const wallStart = performance.now();
	const cpuStart = cpuMicros();
	const result = await run();
	const triggerMicros = cpuMicros() - cpuStart;
	const wallMs = performance.now() - wallStart;
	const simulatorAfter = await sim.sample();
	return {
		requests: simulatorAfter.requests - simulatorBefore.requests,
		connections: simulatorAfter.connections - simulatorBefore.connections,
		triggerMs: triggerMicros / 1000,
		simulatorMs: (simulatorAfter.cpuMicros - simulatorBefore.cpuMicros) / 1000,
		wallMs,
		stateBytes: jsonBytes(poller.staticData()),
		events: result?.[0]?.length ?? 0,
	};
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const describePoll = (figures: PollFigures) =>
	`${figures.requests} requests (${figures.connections} connections) · trigger CPU ${ms(figures.triggerMs)} (${(figures.triggerMs / Math.max(figures.requests, 1)).toFixed(2)} ms/request)` +
	` · simulator CPU ${ms(figures.simulatorMs)} · wall ${ms(figures.wallMs)}` +
	` · state ${figures.stateBytes.toLocaleString('en-US')} B (${(figures.stateBytes / POSTS).toFixed(1)} B/post) · ${figures.events} events`;

/** Each figure's median over the polls (the poll figures vary by tens of % on a shared machine). */
function medianPoll(polls: PollFigures[]): PollFigures {
	const median = (pick: (poll: PollFigures) => number) => {
		const sorted = polls.map(pick).sort((a, b) => a - b);
		const middle = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	};
	return {
		requests: median((poll) => poll.requests),
		connections: median((poll) => poll.connections),
		triggerMs: median((poll) => poll.triggerMs),
		simulatorMs: median((poll) => poll.simulatorMs),
		wallMs: median((poll) => poll.wallMs),
		stateBytes: median((poll) => poll.stateBytes),
		events: median((poll) => poll.events),
	};
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

it(`trigger polls with ${POSTS} posts in the window`, async () => {
	await sim.seedWindow(POSTS, SPREAD_DAYS);
	const warmUp = await newPoller();
	await warmUp.activate();
	await warmUp.poll();

	const poller = await newPoller();
	const first = await measurePoll(poller, async () => await poller.activate());
	const quiet = await measurePoll(poller, async () => await poller.poll());
	const steady: PollFigures[] = [];
	for (let index = 0; index < STEADY_POLLS; index++) {
		await sim.changeStatuses(CHANGED_PER_POLL);
		steady.push(await measurePoll(poller, async () => await poller.poll()));
	}
	// Each steady poll reports exactly the posts changed before it.
	expect(steady.map((figures) => figures.events)).toEqual(steady.map(() => CHANGED_PER_POLL));

	await sim.changeStatuses(CHANGED_PER_POLL);
	const profile = await profileRun(async () => await poller.poll());

	const figures: Record<string, string> = {
		simulator: `${sim.simulatorDir} (pid ${sim.pid})`,
		'first poll (activation, baseline scan)': describePoll(first),
		'poll, no change': describePoll(quiet),
	};
	steady.forEach((poll, index) => {
		figures[`steady poll ${index + 1}, ${CHANGED_PER_POLL} posts changed (1 %)`] = describePoll(poll);
	});
	figures[`steady polls, median of ${steady.length}`] = describePoll(medianPoll(steady));
	figures['trigger CPU by origin (profiled steady poll)'] = profile.byOrigin
		.slice(0, 6)
		.map((entry) => `${entry.name} ${percent(entry.share)}`)
		.join(', ');
	profile.topFunctions.slice(0, 8).forEach((entry, index) => {
		figures[`  top ${index + 1}`] = `${percent(entry.share)} ${entry.name}`;
	});
	printFigures(`Trigger, ${POSTS} posts in the window (page size 100, no poll budget)`, figures);
});
