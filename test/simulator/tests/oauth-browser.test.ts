// The OAuth start pages opened as the specs declare them (bearer) or as the API's description says
// (a browser window, no Authorization header), behind the simulator's `oauthStart` option.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient, controlClient } from './client';
import { oauthAccountId } from './fixtures';

const SP = '/social-media-posting';

describe('OAuth start pages: bearer (the specs) or browser (the API description)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, seed: 'sample' });
	});
	afterAll(async () => await sim.stop());

	const startQuery = () => ({ locationId: sim.locationId, userId: sim.userId });
	const browser = () => apiClient(sim, { token: null, version: null });

	test('by default a start page needs the token, like every endpoint the specs declare', async () => {
		sim.control.setOAuthStart('bearer');
		const res = await browser().get(`${SP}/oauth/facebook/start`, { params: startQuery() });
		expect(res.status).toBe(401);
		expect((await apiClient(sim).get(`${SP}/oauth/facebook/start`, { params: startQuery() })).status).toBe(200);
	});

	test('in browser mode a start page opens without Authorization or Version, as a browser opens it, and shows the login step', async () => {
		sim.control.setOAuthStart('browser');
		for (const path of [`${SP}/oauth/facebook/start`, `${SP}/oauth/youtube/start`]) {
			const res = await browser().get(path, { params: startQuery() });
			expect(res.status).toBe(200);
			expect(String(res.headers['content-type'])).toContain('text/html');
			const html = String(res.data);
			expect(html).toContain('<button id="allow" type="button">Log in and allow access</button>');
			expect(html).toContain("window.opener.postMessage(data, '*')");
			const accountId = oauthAccountId(html);
			expect(sim.control.state.oauth.get(accountId)).toMatchObject({ locationId: sim.locationId, userId: sim.userId });
			// The pages it names are the ones the login can attach.
			const names = sim.control.state.oauth.get(accountId).candidates.map((candidate: { name: string }) => candidate.name);
			expect(html).toContain(`This login can attach: ${names.join(', ')}.`);
		}
	});

	test('in browser mode the start page still checks its query, and every other endpoint still needs the token', async () => {
		sim.control.setOAuthStart('browser');
		expect((await browser().get(`${SP}/oauth/facebook/start`)).status).toBe(422);
		expect((await browser().get(`${SP}/oauth/facebook/start`, { params: { ...startQuery(), locationId: 'nowhere' } })).status).toBe(404);
		expect((await browser().get(`${SP}/oauth/facebook/start`, { params: { ...startQuery(), userId: 'nobody' } })).status).toBe(422);
		expect((await browser().get(`${SP}/oauth/bluesky/start`, { params: startQuery() })).status).toBe(400);
		const accountId = oauthAccountId(String((await browser().get(`${SP}/oauth/facebook/start`, { params: startQuery() })).data));
		expect((await browser().get(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`)).status).toBe(401);
		expect((await browser().get(`${SP}/${sim.locationId}/accounts`)).status).toBe(401);
		// With a token the start page is checked as before: a token of another location may not open it.
		expect((await apiClient(sim, { token: sim.otherToken }).get(`${SP}/oauth/facebook/start`, { params: startQuery() })).status).toBe(403);
	});

	test('the mode is an option of startSimulator and a control (in process and over HTTP); anything else is refused', async () => {
		const started = await startSimulator({ port: 0, seed: 'sample', oauthStart: 'browser' });
		try {
			const control = controlClient(started);
			expect(
				(
					await apiClient(started, { token: null }).get(`${SP}/oauth/facebook/start`, {
						params: { locationId: started.locationId, userId: started.userId },
					})
				).status,
			).toBe(200);
			expect((await control.post('/oauth/start-mode', { mode: 'bearer' })).data).toEqual({ oauthStart: 'bearer' });
			expect(
				(
					await apiClient(started, { token: null }).get(`${SP}/oauth/facebook/start`, {
						params: { locationId: started.locationId, userId: started.userId },
					})
				).status,
			).toBe(401);
			expect((await control.post('/oauth/start-mode', { mode: 'cookie' })).status).toBe(400);
		} finally {
			await started.stop();
		}
		await expect(startSimulator({ port: 0, oauthStart: 'cookie' as 'browser' })).rejects.toThrow(
			/oauthStart must be 'bearer' or 'browser'/,
		);
	});
});
