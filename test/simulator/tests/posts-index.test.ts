// The post indexes (posts-index.js) against the plain computation they replace: random posts,
// random changes through the API and directly in the store (as the trigger tests make them),
// random clock moves; after each change every page of several random lists must be what a plain
// filter + sort of the store gives, and the lifecycle must leave the store as a full pass would.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { AxiosInstance } from 'axios';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { locationOf } from './fixtures';
import { advanceLifecycle } from '../posts-model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rec = Record<string, any>;

const NOW = '2026-11-28T12:00:00.000Z';
const MINUTE = 60_000;
const STATUSES = ['draft', 'scheduled', 'in_review', 'published', 'failed', 'deleted', 'in_progress', 'pending', 'notification_sent'];
const LIST_TYPES = [
	undefined,
	'all',
	'recent',
	'scheduled',
	'draft',
	'failed',
	'in_review',
	'published',
	'in_progress',
	'pending',
	'deleted',
];
const POST_TYPES = ['post', 'story', 'reel'];

let sim: Simulator;
let api: AxiosInstance;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: NOW });
	sim.control.setRateLimit({ max: 100_000_000, daily: 100_000_000 });
	api = apiClient(sim);
});
afterAll(async () => await sim.stop());

/** A small seeded generator (mulberry32), so a failing seed can be replayed. */
function randomSource(seed: number) {
	let a = seed;
	const next = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(list: T[]): T => list[int(list.length)];
	const some = <T>(list: T[]): T[] => list.filter(() => next() < 0.3);
	return { next, int, pick, some };
}

type Random = ReturnType<typeof randomSource>;

/** A time near the clock, on a coarse grid so that many posts share a display date. */
const nearNow = (random: Random) => new Date(Date.parse(sim.control.now()) + (random.int(41) - 20) * 5 * MINUTE).toISOString();

function randomPost(random: Random, accounts: Rec[]): Rec {
	const video = { url: 'https://cdn.example.com/v.mp4', type: 'video/mp4' };
	const image = { url: 'https://cdn.example.com/i.jpg', type: 'image/jpeg' };
	const at = nearNow(random);
	return {
		status: random.pick(STATUSES),
		accountIds: [random.pick(accounts).id, ...random.some(accounts).map((a) => a.id)],
		type: random.pick(POST_TYPES),
		summary: random.next() < 0.8 ? 'Hello' : '',
		media: random.pick([[], [image], [video]]),
		...(random.next() < 0.9 ? { scheduleDate: at, displayDate: at } : {}),
	};
}

/** What POST /posts/list answered before the index: filter, then sort the whole store. */
function plainList(posts: Rec[], body: Rec): Rec[] {
	const from = Date.parse(body.fromDate);
	const to = Date.parse(body.toDate);
	const accounts: string[] = body.accounts ? body.accounts.split(',') : [];
	const matchesType = (post: Rec) => {
		if (!body.type || body.type === 'all') return post.status !== 'deleted';
		if (body.type === 'recent') return post.status === 'published' || post.status === 'failed';
		return post.status === body.type;
	};
	return posts
		.filter(matchesType)
		.filter((p) => !accounts.length || (p.accountIds || []).some((id: string) => accounts.includes(id)))
		.filter((p) => {
			const at = Date.parse(p.displayDate);
			return at >= from && at <= to;
		})
		.filter((p) => !body.postType || p.type === body.postType)
		.sort((a, b) => Date.parse(b.displayDate) - Date.parse(a.displayDate) || (a._id < b._id ? 1 : -1));
}

function randomListBody(random: Random, accounts: Rec[]): Rec {
	const a = nearNow(random);
	const b = nearNow(random);
	const chosen = random.some(accounts);
	return {
		skip: '0',
		limit: String(1 + random.int(12)),
		fromDate: a < b ? a : b,
		toDate: a < b ? b : a,
		includeUsers: 'false',
		...(random.next() < 0.8 ? { type: random.pick(LIST_TYPES) } : {}),
		...(chosen.length ? { accounts: chosen.map((x) => x.id).join(',') } : {}),
		...(random.next() < 0.3 ? { postType: random.pick(POST_TYPES) } : {}),
	};
}

/** One random change, made the way tests, seeds or API clients make it. */
async function randomChange(random: Random, location: Rec): Promise<string> {
	const posts: Rec[] = location.posts;
	const post = posts[random.int(posts.length)];
	if (!post) {
		sim.control.seed({ posts: [randomPost(random, location.accounts)] });
		return 'seed a post';
	}
	const base = `/social-media-posting/${sim.locationId}/posts`;
	const body = () => ({
		accountIds: [random.pick(location.accounts as Rec[]).id],
		type: random.pick(POST_TYPES),
		userId: sim.userId,
		summary: 'Hi',
		status: 'scheduled',
		scheduleDate: nearNow(random),
	});
	switch (random.int(12)) {
		case 0:
			sim.control.seed({ posts: [randomPost(random, location.accounts)] });
			return 'seed a post';
		case 1:
			post.status = random.pick(STATUSES);
			return 'set a status';
		case 2:
			post.displayDate = nearNow(random);
			post.scheduleDate = post.displayDate;
			return 'move a post';
		case 3:
			post.displayDate = random.pick(['not a date', undefined]);
			return 'break a display date';
		case 4:
			posts.splice(posts.indexOf(post), 1);
			return 'remove a post';
		case 5:
			posts[posts.indexOf(post)] = { ...post };
			return 'replace a record with a copy';
		case 6:
			post.accountIds = random.some(location.accounts as Rec[]).map((a) => a.id);
			return 'change accounts';
		case 7:
			await api.post(base, random.next() < 0.5 ? body() : { ...body(), status: 'published' });
			return 'create through the API';
		case 8:
			await api.put(`${base}/${post._id}`, body());
			return 'edit through the API';
		case 9:
			await api.delete(`${base}/${post._id}`);
			return 'delete through the API';
		case 10:
			post.status = random.pick(['scheduled', 'in_progress', 'pending']);
			return 'publish a post again';
		default:
			sim.control.advanceClock(random.int(8) * 15_000);
			return 'move the clock';
	}
}

/** The store as a full lifecycle pass on fresh copies (no index state) leaves it. */
function fullLifecyclePass(location: Rec): Rec[] {
	const copy = { ...location, posts: structuredClone(location.posts) };
	const clock = { now: () => Date.parse(sim.control.now()) };
	advanceLifecycle({ clock, state: { locations: new Map([[location.id, copy]]) } });
	return copy.posts;
}

async function everyPage(body: Rec): Promise<{ pages: Rec[][]; count: number }> {
	const pages: Rec[][] = [];
	const limit = Number(body.limit);
	for (let skip = 0; ; skip += limit) {
		const response = await api.post(`/social-media-posting/${sim.locationId}/posts/list`, { ...body, skip: String(skip) });
		expect(response.status).toBe(201);
		const { posts, count } = response.data.results;
		pages.push(posts);
		if (skip + limit >= count) return { pages, count };
	}
}

const shape = (post: Rec) => `${post._id} ${post.status} ${post.displayDate}`;
const lifecycleShape = (post: Rec) => `${shape(post)} ${post.updatedAt} ${post.error} ${post.publishedAt}`;

test.each([1, 2, 3])('every page matches a plain filter and sort, and the lifecycle a full pass (seed %i)', async (seed) => {
	const random = randomSource(seed);
	sim.control.reset('sample');
	sim.control.setRateLimit({ max: 100_000_000, daily: 100_000_000 });
	const location = locationOf(sim);
	sim.control.seed({ posts: Array.from({ length: 120 }, () => randomPost(random, location.accounts)) });
	const changes: string[] = [];
	let pagesWithPosts = 0;
	for (let round = 0; round < 40; round++) {
		changes.push(await randomChange(random, location));
		const expectedStore = fullLifecyclePass(location);
		for (let list = 0; list < 3; list++) {
			const body = randomListBody(random, location.accounts);
			const { pages, count } = await everyPage(body);
			if (list === 0)
				expect({ changes, store: location.posts.map(lifecycleShape) }).toEqual({ changes, store: expectedStore.map(lifecycleShape) });
			const expected = plainList(location.posts, body);
			const limit = Number(body.limit);
			expect({ changes, body, count }).toEqual({ changes, body, count: expected.length });
			pages.forEach((page, index) => {
				expect({ changes, body, index, page: page.map(shape) }).toEqual({
					changes,
					body,
					index,
					page: expected.slice(index * limit, (index + 1) * limit).map(shape),
				});
			});
			pagesWithPosts += pages.filter((page) => page.length > 0).length;
		}
	}
	// The changes must have exercised the lists: pages with posts, the lifecycle publishing some.
	expect(pagesWithPosts).toBeGreaterThan(150);
	expect(location.posts.some((p: Rec) => p.publishedAt && Date.parse(p.publishedAt) > Date.parse(NOW))).toBe(true);
});
