// Rate limiting (burst window + daily), fault injection and the control surface.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient, controlClient } from './client';
import type { AxiosInstance } from 'axios';

let sim: Simulator;
let api: AxiosInstance;
let accountsUrl: string;

beforeAll(async () => {
	sim = await startSimulator({
		port: 0,
		seed: 'sample',
		now: '2026-11-28T12:00:00.000Z',
		rateLimit: { max: 5, intervalMs: 10000, daily: 12 },
	});
	api = apiClient(sim);
	accountsUrl = `/social-media-posting/${sim.locationId}/accounts`;
});
afterEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

describe('rate limit', () => {
	test('every API response carries the five X-RateLimit headers, Remaining counts down', async () => {
		const first = await api.get(accountsUrl);
		const second = await api.get(accountsUrl);
		for (const h of [
			'x-ratelimit-max',
			'x-ratelimit-remaining',
			'x-ratelimit-interval-milliseconds',
			'x-ratelimit-limit-daily',
			'x-ratelimit-daily-remaining',
		]) {
			expect(first.headers[h]).toBeDefined();
		}
		expect(first.headers['x-ratelimit-max']).toBe('5');
		expect(first.headers['x-ratelimit-interval-milliseconds']).toBe('10000');
		expect(first.headers['x-ratelimit-limit-daily']).toBe('12');
		expect(Number(first.headers['x-ratelimit-remaining']) - Number(second.headers['x-ratelimit-remaining'])).toBe(1);
		expect(Number(first.headers['x-ratelimit-daily-remaining']) - Number(second.headers['x-ratelimit-daily-remaining'])).toBe(1);
	});

	test('the burst window answers 429 when exceeded and recovers when the window passes', async () => {
		for (let i = 0; i < 5; i += 1) expect((await api.get(accountsUrl)).status).toBe(200);
		const limited = await api.get(accountsUrl);
		expect(limited.status).toBe(429);
		expect(limited.data).toMatchObject({ statusCode: 429 });
		expect(limited.headers['x-ratelimit-remaining']).toBe('0');
		expect(Number(limited.headers['x-ratelimit-daily-remaining'])).toBeGreaterThan(0);
		sim.control.advanceRateLimitWindow(10000);
		expect((await api.get(accountsUrl)).status).toBe(200);
	});

	test('the daily counter answers 429 with Daily-Remaining 0 even in a fresh window', async () => {
		for (let i = 0; i < 12; i += 1) {
			if (i > 0 && i % 5 === 0) sim.control.advanceRateLimitWindow(10000);
			expect((await api.get(accountsUrl)).status).toBe(200);
		}
		sim.control.advanceRateLimitWindow(10000);
		const res = await api.get(accountsUrl);
		expect(res.status).toBe(429);
		expect(res.headers['x-ratelimit-daily-remaining']).toBe('0');
		expect(res.data.message).toMatch(/Daily/);
	});

	test('limits are per token + location', async () => {
		for (let i = 0; i < 5; i += 1) await api.get(accountsUrl);
		expect((await api.get(accountsUrl)).status).toBe(429);
		const other = await apiClient(sim, { token: sim.otherToken }).get(`/social-media-posting/${sim.otherLocationId}/accounts`);
		expect(other.status).toBe(200);
	});

	test('the control surface is never rate limited or logged', async () => {
		const control = controlClient(sim);
		for (let i = 0; i < 8; i += 1) expect((await control.get('/clock')).status).toBe(200);
		expect(sim.control.requests()).toEqual([]);
	});
});

describe('fault injection', () => {
	test('the next N requests fail with the given 5xx, then traffic is normal', async () => {
		sim.control.injectFaults({ next: { kind: 'error', count: 2, status: 503 } });
		expect((await api.get(accountsUrl)).status).toBe(503);
		const second = await api.get(accountsUrl);
		expect(second.status).toBe(503);
		expect(typeof second.data.traceId).toBe('string');
		expect((await api.get(accountsUrl)).status).toBe(200);
	});

	test('an injected 429 carries rate-limit headers with daily quota left', async () => {
		sim.control.injectFaults({ next: { kind: 'rateLimit' } });
		const res = await api.get(accountsUrl);
		expect(res.status).toBe(429);
		expect(res.headers['x-ratelimit-remaining']).toBe('0');
		expect(Number(res.headers['x-ratelimit-daily-remaining'])).toBeGreaterThan(0);
	});

	test('a connection reset surfaces as a network error', async () => {
		sim.control.injectFaults({ next: { kind: 'reset' } });
		await expect(api.get(accountsUrl)).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE|ECONNABORTED/),
		});
		expect((await api.get(accountsUrl)).status).toBe(200);
	});

	test('a lost answer: the post is created, the client sees the connection drop', async () => {
		const location = sim.control.state.locations.get(sim.locationId)!;
		const postsBefore = location.posts.length;
		const facebook = location.accounts.find((account: { platform: string }) => account.platform === 'facebook');
		const post = { accountIds: [facebook.id], summary: 'Lost answer', type: 'post', userId: sim.userId, status: 'draft' };
		sim.control.injectFaults({ next: { kind: 'lostAnswer' } });
		await expect(api.post(`/social-media-posting/${sim.locationId}/posts`, post)).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|EPIPE|ECONNABORTED/),
		});
		expect(location.posts.length).toBe(postsBefore + 1);
		expect(sim.control.requests().at(-1)).toMatchObject({ fault: 'lostAnswer' });
	});

	test('a slow answer: carried out at once, answered after slowAnswerMs (a client with a shorter timeout gives up)', async () => {
		sim.control.injectFaults({ next: { kind: 'slowAnswer' }, slowAnswerMs: 400 });
		await expect(api.get(accountsUrl, { timeout: 100 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
		sim.control.injectFaults({ next: { kind: 'slowAnswer' }, slowAnswerMs: 50 });
		expect((await api.get(accountsUrl, { timeout: 2000 })).status).toBe(200);
		expect(sim.control.requests().at(-1)).toMatchObject({ fault: 'slowAnswer', status: 200 });
	});

	test('malformed JSON cannot be parsed', async () => {
		sim.control.injectFaults({ next: { kind: 'malformed' } });
		const res = await api.get(accountsUrl, { responseType: 'text', transitional: { silentJSONParsing: true } });
		expect(res.status).toBe(200);
		expect(() => JSON.parse(String(res.data))).toThrow();
	});

	test("an echo fault answers HighLevel's error shape with the raw request in it, token unredacted", async () => {
		sim.control.injectFaults({ next: [{ kind: 'echo' }, { kind: 'echo', status: 422 }] });
		const body = { tagIds: ['a'], note: 'echo me' };
		const url = `/social-media-posting/${sim.locationId}/tags/details?x=1`;
		const text = await api.post(url, body);
		expect(text.status).toBe(400);
		expect(text.data).toMatchObject({ statusCode: 400, error: 'Bad Request', traceId: expect.any(String) });
		expect(text.data.message).toContain(`authorization: Bearer ${sim.token}`);
		expect(text.data.message).toContain(`POST ${url}`);
		expect(text.data.message).toContain(JSON.stringify(body));
		expect(text.data.request).toEqual({
			method: 'POST',
			url,
			headers: expect.objectContaining({ authorization: `Bearer ${sim.token}`, version: '2021-07-28' }),
			body,
		});

		const lines = await apiClient(sim, { token: 'not-a-known-token' }).get(accountsUrl);
		expect(lines.status).toBe(422);
		expect(lines.data.message).toEqual(
			expect.arrayContaining([`GET ${accountsUrl}`, 'authorization: Bearer not-a-known-token', 'body: null']),
		);
		expect(sim.control.requests().map((request) => [request.status, request.fault])).toEqual([
			[400, 'echo'],
			[422, 'echo'],
		]);
		expect(JSON.stringify(sim.control.requests())).not.toContain(sim.token);
		expect((await api.get(accountsUrl)).status).toBe(200);
	});

	test('added latency delays the answer', async () => {
		sim.control.injectFaults({ latencyMs: 120 });
		const started = Date.now();
		expect((await api.get(accountsUrl)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
	});

	test('a share of errors is deterministic for a seed', async () => {
		const run = async () => {
			sim.control.reset();
			sim.control.setRateLimit({ max: 1000, daily: 1000 });
			sim.control.injectFaults({ errorRate: 0.5, seed: 42 });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i += 1) statuses.push((await api.get(accountsUrl)).status);
			return statuses;
		};
		const a = await run();
		const b = await run();
		expect(a).toEqual(b);
		expect(a.filter((s) => s === 500).length).toBeGreaterThan(3);
		expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
	});

	test('skip lets the first N requests through, then the fault strikes', async () => {
		sim.control.injectFaults({ skip: 2, next: { kind: 'error', status: 502 } });
		expect((await api.get(accountsUrl)).status).toBe(200);
		expect((await api.get(accountsUrl)).status).toBe(200);
		expect((await api.get(accountsUrl)).status).toBe(502);
		expect((await api.get(accountsUrl)).status).toBe(200);
	});

	test('faults can be scoped to a path and cleared', async () => {
		sim.control.injectFaults({ errorRate: 1, pathIncludes: '/tags' });
		expect((await api.get(accountsUrl)).status).toBe(200);
		expect((await api.get(`/social-media-posting/${sim.locationId}/tags`)).status).toBe(500);
		sim.control.clearFaults();
		expect((await api.get(`/social-media-posting/${sim.locationId}/tags`)).status).toBe(200);
	});
});

describe('request log', () => {
	test('records method, path, query, redacted headers, body and status', async () => {
		await api.post(`/social-media-posting/${sim.locationId}/tags/details?x=1`, { tagIds: ['a'] });
		const [entry] = sim.control.requests();
		expect(entry).toMatchObject({
			method: 'POST',
			path: `/social-media-posting/${sim.locationId}/tags/details`,
			query: { x: '1' },
			body: { tagIds: ['a'] },
			status: 201,
		});
		expect(entry.headers.authorization).toBe('Bearer ***');
		expect(JSON.stringify(entry)).not.toContain(sim.token);
	});

	test('rejected requests are logged with their status', async () => {
		await apiClient(sim, { token: 'bad' }).get(accountsUrl);
		expect(sim.control.requests().map((r) => r.status)).toEqual([401]);
	});
});

describe('control surface over HTTP', () => {
	test('clock set/advance drives the post lifecycle', async () => {
		const control = controlClient(sim);
		const created = await api.post(`/social-media-posting/${sim.locationId}/posts`, {
			accountIds: [sim.control.state.locations.get(sim.locationId)?.accounts[0].id],
			type: 'post',
			userId: sim.userId,
			summary: 'x',
			scheduleDate: '2026-11-28T13:00:00.000Z',
		});
		const id = created.data.results.post._id;
		expect((await control.post('/clock', { now: '2026-11-28T12:59:00.000Z' })).data.now).toBe('2026-11-28T12:59:00.000Z');
		expect((await control.post('/clock/advance', { ms: 120000 })).data.now).toBe('2026-11-28T13:01:00.000Z');
		expect((await api.get(`/social-media-posting/${sim.locationId}/posts/${id}`)).data.results.post.status).toBe('published');
	});

	test('seed a fixture, add a token with limited scopes, read state and the log, reset', async () => {
		const control = controlClient(sim);
		const seeded = await control.post('/seed', { accounts: [{ platform: 'threads', name: 'Fixture Threads' }] });
		expect(seeded.data.created.accounts[0].name).toBe('Fixture Threads');
		await control.post('/tokens', { token: 'limited', locationId: sim.locationId, scopes: ['socialplanner/post.readonly'] });
		const limited = apiClient(sim, { token: 'limited' });
		expect((await limited.get(accountsUrl)).status).toBe(403);
		await control.put('/tokens/limited/scopes', { scopes: ['socialplanner/account.readonly'] });
		const ok = await limited.get(accountsUrl);
		expect(ok.data.results.accounts.some((a: { name: string }) => a.name === 'Fixture Threads')).toBe(true);
		const state = await control.get('/state');
		expect(state.data.locations[sim.locationId].accounts.length).toBe(ok.data.results.accounts.length);
		expect((await control.get('/requests')).data.requests).toHaveLength(2);
		await control.post('/faults', { next: { kind: 'error' } });
		expect((await api.get(accountsUrl)).status).toBe(500);
		await control.post('/reset', {});
		expect((await control.get('/requests')).data.requests).toEqual([]);
		expect(sim.control.state.tokens.has('limited')).toBe(false);
		const empty = await control.post('/reset', { seed: 'empty' });
		expect(empty.status).toBe(200);
		expect((await api.get(accountsUrl)).data.results.accounts).toEqual([]);
	});

	test('control errors are 400, not crashes', async () => {
		const control = controlClient(sim);
		expect((await control.post('/clock', { now: 'not a date' })).status).toBe(400);
		expect((await control.post('/faults', { next: { kind: 'meteor' } })).status).toBe(400);
	});
});
