// Coverage: every endpoint the seed lists (issue 3, verbatim) and every operation of the
// reference OpenAPI documents has a route in the simulator (no "Cannot METHOD /path" 404).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { loadSpecs } from '../../helpers/reference';
import { describeWithSpec } from '../../helpers/spec-check';
import { apiClient } from './client';
import type { AxiosInstance } from 'axios';
import { SEED_ENDPOINTS } from '../../helpers/endpoints';

/** Concrete values for path parameters (which platform: one every enum accepts). */
function concrete(path: string, sim: Simulator): string {
	return path
		.replace('{locationId}', sim.locationId)
		.replace('{platform}', 'facebook')
		.replace(/\{[A-Za-z]+\}/g, '65f0c0de00000000000000ff');
}

let sim: Simulator;
let api: AxiosInstance;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
	api = apiClient(sim);
});

afterAll(async () => {
	await sim.stop();
});

async function answersWithARoute(method: string, path: string): Promise<{ status: number; message: unknown }> {
	const res = await api.request({ method, url: concrete(path, sim), data: method === 'GET' || method === 'DELETE' ? undefined : {} });
	return { status: res.status, message: res.data?.message };
}

const isRouteNotFound = (r: { status: number; message: unknown }) =>
	r.status === 404 && typeof r.message === 'string' && r.message.startsWith('Cannot ');

describe('the seed endpoint list', () => {
	test('has 61 distinct endpoints', () => {
		expect(new Set(SEED_ENDPOINTS.map((e) => `${e.method} ${e.path}`)).size).toBe(61);
	});

	test.each(SEED_ENDPOINTS.map((e) => [e.method, e.path]))('%s %s has a route', async (method, path) => {
		const answer = await answersWithARoute(method, path);
		expect(isRouteNotFound(answer)).toBe(false);
	});

	test('an unknown path is reported the way NestJS does (the check above can fail)', async () => {
		const answer = await answersWithARoute('GET', '/social-media-posting/{locationId}/no-such-thing');
		expect(isRouteNotFound(answer)).toBe(true);
	});
});

const specs = loadSpecs();
describeWithSpec('every operation of the reference specs', () => {
	const wanted: Array<[string, string, string]> = [];
	if (specs) {
		for (const file of ['social-planner-v3.json', 'social-media-posting.json', 'oauth.json', 'oauth-v3.json']) {
			for (const [path, ops] of Object.entries(specs[file].paths as Record<string, Record<string, unknown>>)) {
				for (const method of Object.keys(ops)) wanted.push([file, method.toUpperCase(), path]);
			}
		}
		wanted.push(['medias.json', 'POST', '/medias/upload-file'], ['users.json', 'GET', '/users/']);
	}

	test('the v3 spec has the 45 operations the seed’s endpoint list names', () => {
		expect(wanted.filter(([f]) => f === 'social-planner-v3.json').length).toBe(45);
	});

	test.each(wanted)('%s: %s %s has a route', async (_file, method, path) => {
		const answer = await answersWithARoute(method, path);
		expect(isRouteNotFound(answer)).toBe(false);
	});
});
