// Cross-cutting API behaviour: bearer token, Version header, scopes, location ownership,
// trace ids and whitelist validation.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { account } from './fixtures';

let sim: Simulator;
const accountsPath = () => `/social-media-posting/${sim.locationId}/accounts`;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

describe('authentication', () => {
	test.each([
		['no Authorization header', null],
		['an unknown token', 'not-a-token'],
	])('%s is 401 in HighLevel shape', async (_label, token) => {
		const res = await apiClient(sim, { token }).get(accountsPath());
		expect(res.status).toBe(401);
		expect(res.data).toMatchObject({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });
		expect(typeof res.data.traceId).toBe('string');
	});

	test('a non-Bearer scheme is 401', async () => {
		const res = await apiClient(sim, { token: null }).get(accountsPath(), { headers: { Authorization: `Basic ${sim.token}` } });
		expect(res.status).toBe(401);
	});
});

describe('Version header', () => {
	test('missing Version is 400', async () => {
		const res = await apiClient(sim, { version: null }).get(accountsPath());
		expect(res.status).toBe(400);
		expect(res.data.statusCode).toBe(400);
		expect(res.data.message).toMatch(/Version/);
	});

	test('an unknown Version is 400', async () => {
		const res = await apiClient(sim, { version: '2020-01-01' }).get(accountsPath());
		expect(res.status).toBe(400);
	});

	test.each(['2021-07-28', 'v3'])('Version %s is accepted', async (version) => {
		const res = await apiClient(sim, { version }).get(accountsPath());
		expect(res.status).toBe(200);
	});
});

describe('scopes', () => {
	test('a token without account.readonly gets 403 on GET accounts but can still read posts', async () => {
		sim.control.setScopes(sim.token, ['socialplanner/post.readonly']);
		const api = apiClient(sim);
		const denied = await api.get(accountsPath());
		expect(denied.status).toBe(403);
		expect(denied.data).toMatchObject({ statusCode: 403, error: 'Forbidden' });
		const allowed = await api.get(`/social-media-posting/${sim.locationId}/posts/${'0'.repeat(24)}`);
		expect(allowed.status).toBe(404);
	});

	test('bulk delete needs csv.write (Scopes.md), not post.write', async () => {
		sim.control.setScopes(sim.token, ['socialplanner/post.write', 'socialplanner/post.readonly']);
		const res = await apiClient(sim).post(`/social-media-posting/${sim.locationId}/posts/bulk-delete`, { postIds: ['x'] });
		expect(res.status).toBe(403);
	});

	test('a scope-less request is not executed', async () => {
		sim.control.setScopes(sim.token, []);
		const fb = account(sim, 'facebook');
		const res = await apiClient(sim).delete(`/social-media-posting/${sim.locationId}/accounts/${encodeURIComponent(fb.id)}`);
		expect(res.status).toBe(403);
		expect(account(sim, 'facebook').id).toBe(fb.id);
	});
});

describe('location ownership', () => {
	test('a path locationId the token does not own is 403', async () => {
		const res = await apiClient(sim).get(`/social-media-posting/${sim.otherLocationId}/accounts`);
		expect(res.status).toBe(403);
		expect(res.data.error).toBe('Forbidden');
	});

	test('a query locationId the token does not own is 403', async () => {
		const res = await apiClient(sim).get(`/users/?locationId=${sim.otherLocationId}`);
		expect(res.status).toBe(403);
	});

	test('a body locationId the token does not own is 403', async () => {
		const res = await apiClient(sim).post('/social-media-posting/category/queues/list', { locationId: sim.otherLocationId });
		expect(res.status).toBe(403);
	});

	test('the other location token reads its own (empty) accounts', async () => {
		const res = await apiClient(sim, { token: sim.otherToken }).get(`/social-media-posting/${sim.otherLocationId}/accounts`);
		expect(res.status).toBe(200);
		expect(res.data.results.accounts).toEqual([]);
	});
});

describe('responses', () => {
	test('every response has a traceId in the body and an x-trace-id header that match', async () => {
		const res = await apiClient(sim).get(accountsPath());
		expect(res.data.traceId).toMatch(/^[0-9a-f-]{36}$/);
		expect(res.headers['x-trace-id']).toBe(res.data.traceId);
	});

	test('unknown body properties are 422 "property X should not exist"', async () => {
		const res = await apiClient(sim).post(`/social-media-posting/${sim.locationId}/tags/details`, { tagIds: [], colour: 'red' });
		expect(res.status).toBe(422);
		expect(res.data).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
		expect(res.data.message).toContain('property colour should not exist');
	});

	test('invalid JSON is 400', async () => {
		const res = await apiClient(sim).post(`/social-media-posting/${sim.locationId}/tags/details`, '{"tagIds": [', {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(data: unknown) => data],
		});
		expect(res.status).toBe(400);
	});

	test('an unknown route is a NestJS-style 404', async () => {
		const res = await apiClient(sim).get('/social-media-posting/nothing/here/at/all');
		expect(res.status).toBe(404);
		expect(res.data.message).toBe('Cannot GET /social-media-posting/nothing/here/at/all');
	});
});
