import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { IDataObject } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { locationOf, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';

/**
 * Exactly-once under n8n's persistence rules, checked against a reference model.
 * The model: each successful poll observes every post's true status; a change from what the
 * trigger knows to a wanted status is one event. Knowledge is kept in memory after every
 * successful poll, saved only when the poll emits (or on activation), rolled back to the saved
 * copy on a restart, and untouched by a failed poll. The trigger must emit exactly the model's
 * events at every poll: none missed, none twice.
 */

const POSTS = 300;
const POLLS = 240;
const CHANGES_PER_INTERVAL = 50;
const STATUSES = ['draft', 'scheduled', 'in_review', 'in_progress', 'published', 'failed', 'pending', 'notification_sent'];
const WANTED = ['published', 'failed'];

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample' });
	sim.control.setRateLimit({ max: 1_000_000, daily: 100_000_000 });
});
afterAll(async () => await sim.stop());

it('emits every wanted status change exactly once across restarts and failed requests', async () => {
	const rand = random(20261128);
	const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
	const location = locationOf(sim);
	const account = location.accounts.find((candidate: IDataObject) => candidate.platform === 'facebook').id;
	const now = Date.now();
	location.posts.length = 0;
	const posts = sim.control.seed({
		posts: Array.from({ length: POSTS }, (_value, index) => ({
			status: pick(STATUSES),
			accountIds: [account],
			summary: `Post ${index}`,
			// In the future of the simulator's clock, so its own publishing never moves them.
			scheduleDate: new Date(now + 60 * 60_000 + index * 60_000).toISOString(),
		})),
	}).posts as Array<IDataObject & { _id: string; status: string }>;
	const truth = () => Object.fromEntries(posts.map((post) => [post._id, post.status]));

	let poller = await Poller.create({
		parameters: { events: ['statusChanged'], toStatuses: WANTED },
		credentials: tokenCredentials(sim),
	});
	await poller.activate();
	let known = truth();
	let saved = { ...known };
	const figures = { polls: 0, failedPolls: 0, restarts: 0, statusChanges: 0, eventsExpected: 0, eventsEmitted: 0, missed: 0, duplicates: 0 };

	for (let poll = 0; poll < POLLS; poll++) {
		for (let change = 0; change < CHANGES_PER_INTERVAL; change++) {
			const post = pick(posts);
			const status = pick(STATUSES.filter((candidate) => candidate !== post.status));
			post.status = status;
			post.updatedAt = new Date().toISOString();
			figures.statusChanges++;
		}
		if (rand() < 0.1) {
			poller = await poller.restart();
			known = { ...saved };
			figures.restarts++;
		}
		// Some polls meet failing requests: any of their pages (or none) may answer 500.
		const faulty = rand() < 0.15;
		if (faulty) sim.control.injectFaults({ errorRate: 0.4, errorStatus: 500, seed: Math.floor(rand() * 1e9) });
		const observed = truth();
		const expected = Object.keys(observed)
			.filter((id) => observed[id] !== known[id] && WANTED.includes(observed[id]))
			.map((id) => `${id}:${known[id]}->${observed[id]}`)
			.sort();
		let result: Awaited<ReturnType<Poller['poll']>>;
		try {
			result = await poller.poll();
		} catch {
			figures.failedPolls++;
			continue;
		} finally {
			if (faulty) sim.control.clearFaults();
		}
		const emitted = (result?.[0] ?? []).map((item) => `${String(item.json.postId)}:${String(item.json.previousStatus)}->${String(item.json.status)}`).sort();
		figures.polls++;
		figures.eventsExpected += expected.length;
		figures.eventsEmitted += emitted.length;
		figures.missed += expected.filter((event) => !emitted.includes(event)).length;
		figures.duplicates += emitted.filter((event) => !expected.includes(event)).length;
		expect(emitted).toEqual(expected);
		known = observed;
		if (emitted.length) saved = { ...known };
	}

	printFigures('Trigger exactly-once property test', figures);
	expect(figures.statusChanges).toBeGreaterThanOrEqual(10_000);
	expect(figures.polls).toBeGreaterThanOrEqual(200);
	expect(figures.restarts).toBeGreaterThan(0);
	expect(figures.failedPolls).toBeGreaterThan(0);
	expect(figures.missed + figures.duplicates).toBe(0);
});
