// Categories, tags and statistics.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { account, locationOf } from './fixtures';
import type { AxiosInstance } from 'axios';

let sim: Simulator;
let api: AxiosInstance;
let base: string;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
	api = apiClient(sim);
	base = `/social-media-posting/${sim.locationId}`;
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

describe('categories', () => {
	test('lists with count, searchText and skip/limit', async () => {
		const all = await api.get(`${base}/categories`);
		expect(all.status).toBe(200);
		expect(all.data.results.count).toBe(3);
		const searched = await api.get(`${base}/categories`, { params: { searchText: 'PROMO' } });
		expect(searched.data.results.categories.map((c: { name: string }) => c.name)).toEqual(['Promotions']);
		expect(searched.data.results.count).toBe(1);
		const paged = await api.get(`${base}/categories`, { params: { skip: '1', limit: '1' } });
		expect(paged.data.results.categories).toHaveLength(1);
		expect(paged.data.results.categories[0]._id).toBe(all.data.results.categories[1]._id);
		expect(paged.data.results.count).toBe(3);
	});

	test('get by id, 404 when unknown', async () => {
		const id = locationOf(sim).categories[0]._id;
		const res = await api.get(`${base}/categories/${id}`);
		expect(res.data.results.category).toMatchObject({ _id: id, deleted: false });
		expect((await api.get(`${base}/categories/${'0'.repeat(24)}`)).status).toBe(404);
	});

	test('needs category.readonly', async () => {
		sim.control.setScopes(sim.token, ['socialplanner/tag.readonly']);
		expect((await api.get(`${base}/categories`)).status).toBe(403);
	});
});

describe('tags', () => {
	test('lists by `tag` name with search and count', async () => {
		const res = await api.get(`${base}/tags`, { params: { searchText: 'latte' } });
		expect(res.data.results.tags.map((t: { tag: string }) => t.tag)).toEqual(['latte-art']);
		expect(res.data.results.count).toBe(1);
	});

	test('details answers 201 with the requested tags only', async () => {
		const tags = locationOf(sim).tags;
		const res = await api.post(`${base}/tags/details`, { tagIds: [tags[1]._id, 'unknown'] });
		expect(res.status).toBe(201);
		expect(res.data.results).toMatchObject({ count: 1, tags: [{ _id: tags[1]._id, tag: tags[1].tag }] });
		expect((await api.post(`${base}/tags/details`, {})).status).toBe(422);
	});
});

describe('statistics', () => {
	const url = () => `/social-media-posting/statistics?locationId=${sim.locationId}`;
	const ids = () => [account(sim, 'facebook').profileId, account(sim, 'instagram').profileId];

	test('answers 200 with the documented result object, deterministic for the same input', async () => {
		const body = { profileIds: ids(), currentRange: { startDate: '2026-11-01T00:00:00.000Z', endDate: '2026-11-07T23:59:59.000Z' } };
		const a = await api.post(url(), body);
		const b = await api.post(url(), body);
		expect(a.status).toBe(200);
		expect(a.data.message).toBe('Analytics Built Successfully');
		expect(a.data.results).toEqual(b.data.results);
		const r = a.data.results;
		expect(r.dayRange).toHaveLength(7);
		expect(r.dayRange[0]).toBe('2026-11-01');
		expect(Object.keys(r.postPerformance.posts).sort()).toEqual(['facebook', 'instagram']);
		expect(r.totals.impressions).toBe(r.breakdowns.impressions.total);
		expect(r.postPerformance.impressions.reduce((x: number, y: number) => x + y, 0)).toBe(r.totals.impressions);
	});

	test('defaults to the last 7 days before today on the sim clock', async () => {
		const res = await api.post(url(), { profileIds: ids() });
		expect(res.data.results.dayRange).toEqual([
			'2026-11-21',
			'2026-11-22',
			'2026-11-23',
			'2026-11-24',
			'2026-11-25',
			'2026-11-26',
			'2026-11-27',
		]);
	});

	test('profileIds may also be the account ids; unknown ids contribute nothing', async () => {
		const byAccountId = await api.post(url(), { profileIds: [account(sim, 'linkedin').id] });
		expect(Object.keys(byAccountId.data.results.breakdowns.posts.platforms)).toEqual(['linkedin']);
		const unknown = await api.post(url(), { profileIds: ['nobody'] });
		expect(unknown.data.results.totals).toEqual({ posts: 0, likes: 0, followers: 0, impressions: 0, comments: 0 });
	});

	test('TikTok reports business accounts only (as tiktok), LinkedIn pages only', async () => {
		const [business, personal, profile] = sim.control.seed({
			accounts: [
				{ platform: 'tiktok-business', type: 'business' },
				{ platform: 'tiktok', type: 'profile' },
				{ platform: 'linkedin', type: 'profile' },
			],
		}).accounts as Array<{ profileId: string }>;
		const res = await api.post(url(), { profileIds: [business.profileId, personal.profileId, profile.profileId] });
		expect(Object.keys(res.data.results.breakdowns.posts.platforms)).toEqual(['tiktok']);
	});

	test('platforms narrows the breakdown', async () => {
		const res = await api.post(url(), { profileIds: ids(), platforms: ['instagram'] });
		expect(Object.keys(res.data.results.breakdowns.posts.platforms)).toEqual(['instagram']);
	});

	test.each([
		['more than 100 profiles', { profileIds: Array.from({ length: 101 }, (_, i) => `p${i}`) }, 400],
		[
			'prevRange without currentRange',
			{ profileIds: ['p'], prevRange: { startDate: '2026-11-01T00:00:00Z', endDate: '2026-11-02T00:00:00Z' } },
			400,
		],
		['start after end', { profileIds: ['p'], currentRange: { startDate: '2026-11-05T00:00:00Z', endDate: '2026-11-02T00:00:00Z' } }, 400],
		['a bad date', { profileIds: ['p'], currentRange: { startDate: 'yesterday', endDate: '2026-11-02T00:00:00Z' } }, 422],
		['an unknown platform', { profileIds: ['p'], platforms: ['myspace'] }, 422],
		['no profileIds', {}, 422],
	])('%s is %s', async (_label, body, status) => {
		expect((await api.post(url(), body)).status).toBe(status);
	});

	test('locationId is required in the query', async () => {
		expect((await api.post('/social-media-posting/statistics', { profileIds: ids() })).status).toBe(422);
	});
});
