// Accounts and the OAuth connect flow (v3 generic and v2 per-platform paths).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { account, locationOf, oauthAccountId } from './fixtures';
import type { AxiosInstance } from 'axios';

let sim: Simulator;
let api: AxiosInstance;
const SP = '/social-media-posting';

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
	api = apiClient(sim);
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

describe('accounts', () => {
	test('lists accounts across platforms (one expired) and groups', async () => {
		const res = await api.get(`${SP}/${sim.locationId}/accounts`);
		expect(res.status).toBe(200);
		const { accounts, groups } = res.data.results;
		const platforms = accounts.map((a: { platform: string }) => a.platform);
		expect(platforms).toEqual(expect.arrayContaining(['facebook', 'instagram', 'linkedin', 'google', 'tiktok']));
		expect(accounts.filter((a: { isExpired: boolean }) => a.isExpired)).toHaveLength(1);
		expect(groups[0].accountIds.every((id: string) => accounts.some((a: { id: string }) => a.id === id))).toBe(true);
	});

	test('an account expires when the clock passes its expiry, and its posts then fail', async () => {
		const fb = account(sim, 'facebook');
		const created = await api.post(`${SP}/${sim.locationId}/posts`, {
			accountIds: [fb.id],
			type: 'post',
			userId: sim.userId,
			summary: 'Later',
			scheduleDate: '2027-03-01T00:00:00.000Z',
		});
		sim.control.setClock(new Date(Date.parse(fb.expire) + 1000).toISOString());
		const res = await api.get(`${SP}/${sim.locationId}/accounts`);
		expect(res.data.results.accounts.find((a: { id: string }) => a.id === fb.id).isExpired).toBe(true);
		sim.control.setClock('2027-03-02T00:00:00.000Z');
		const post = (await api.get(`${SP}/${sim.locationId}/posts/${created.data.results.post._id}`)).data.results.post;
		expect(post).toMatchObject({ status: 'failed' });
		expect(post.error).toMatch(/expired/);
	});

	test('a post whose account was deleted fails when due', async () => {
		const li = account(sim, 'linkedin');
		const created = await api.post(`${SP}/${sim.locationId}/posts`, {
			accountIds: [li.id],
			type: 'post',
			userId: sim.userId,
			summary: 'x',
			scheduleDate: '2026-11-28T13:00:00.000Z',
		});
		await api.delete(`${SP}/${sim.locationId}/accounts/${encodeURIComponent(li.id)}`);
		sim.control.advanceClock(2 * 3600000);
		const post = (await api.get(`${SP}/${sim.locationId}/posts/${created.data.results.post._id}`)).data.results.post;
		expect(post.error).toBe('Social account not found or disconnected');
	});

	test('delete removes the account and takes it out of every group', async () => {
		const fb = account(sim, 'facebook');
		const res = await api.delete(`${SP}/${sim.locationId}/accounts/${encodeURIComponent(fb.id)}`);
		expect(res.status).toBe(200);
		expect(res.data.results).toEqual({ locationId: sim.locationId, id: fb.id });
		const after = await api.get(`${SP}/${sim.locationId}/accounts`);
		expect(after.data.results.accounts.some((a: { id: string }) => a.id === fb.id)).toBe(false);
		for (const g of after.data.results.groups) expect(g.accountIds).not.toContain(fb.id);
		expect((await api.delete(`${SP}/${sim.locationId}/accounts/${encodeURIComponent(fb.id)}`)).status).toBe(404);
	});
});

describe('OAuth connect flow', () => {
	async function start(platform: string, path?: string) {
		const res = await api.get(path ?? `${SP}/oauth/${platform}/start`, { params: { locationId: sim.locationId, userId: sim.userId } });
		expect(res.status).toBe(200);
		expect(String(res.headers['content-type'])).toContain('text/html');
		return oauthAccountId(String(res.data));
	}

	test('start returns the page a browser would see, with the accountId it posts back', async () => {
		const res = await api.get(`${SP}/oauth/facebook/start`, {
			params: { locationId: sim.locationId, userId: sim.userId, page: 'integration' },
		});
		const html = String(res.data);
		expect(html).toContain('"page":"social_media_posting"');
		expect(html).toContain('"actionType":"close"');
		expect(html).toContain('"placement":"integration"');
		const accountId = oauthAccountId(html);
		expect(sim.control.state.oauth.get(accountId)).toMatchObject({ platform: 'facebook', locationId: sim.locationId });
	});

	test('start needs locationId and userId', async () => {
		const res = await api.get(`${SP}/oauth/facebook/start`);
		expect(res.status).toBe(422);
		expect(res.data.message).toEqual(expect.arrayContaining(['locationId should not be null or undefined']));
	});

	test('bluesky start is rejected, unknown platforms are 422', async () => {
		expect((await api.get(`${SP}/oauth/bluesky/start`, { params: { locationId: sim.locationId, userId: sim.userId } })).status).toBe(400);
		expect((await api.get(`${SP}/oauth/myspace/start`, { params: { locationId: sim.locationId, userId: sim.userId } })).status).toBe(422);
	});

	test('facebook: list pages, attach one, it appears in accounts and shows as connected', async () => {
		const accountId = await start('facebook');
		const pages = await api.get(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`);
		expect(pages.status).toBe(200);
		const page = pages.data.results.pages[0];
		expect(page).toMatchObject({ isConnected: false, isOwned: true });
		const attached = await api.post(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`, {
			type: 'page',
			originId: page.id,
			name: page.name,
			avatar: page.avatar,
		});
		expect(attached.status).toBe(201);
		expect(attached.data.results).toMatchObject({
			originId: page.id,
			platform: 'facebook',
			locationId: sim.locationId,
			oAuthId: accountId,
		});
		const accounts = await api.get(`${SP}/${sim.locationId}/accounts`);
		expect(accounts.data.results.accounts.some((a: { name: string }) => a.name === page.name)).toBe(true);
		const again = await api.get(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`);
		expect(again.data.results.pages[0].isConnected).toBe(true);
	});

	test('attaching twice reconnects instead of duplicating', async () => {
		const accountId = await start('linkedin');
		const { data } = await api.get(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${accountId}`);
		const page = data.results.pages[0];
		const body = { type: 'page', originId: page.id, name: page.name, avatar: page.avatar, urn: page.urn };
		await api.post(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${accountId}`, body);
		const count = locationOf(sim).accounts.length;
		await api.post(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${accountId}`, body);
		expect(locationOf(sim).accounts.length).toBe(count);
	});

	test('the attach body is validated per platform', async () => {
		const accountId = await start('linkedin');
		const res = await api.post(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${accountId}`, { type: 'page', originId: 'x' });
		expect(res.status).toBe(422);
		expect(res.data.message).toEqual(expect.arrayContaining(['urn should not be null or undefined']));
	});

	test('an originId the login cannot see is 400', async () => {
		const accountId = await start('facebook');
		const res = await api.post(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`, {
			type: 'page',
			originId: '42',
			name: 'x',
			avatar: 'y',
		});
		expect(res.status).toBe(400);
	});

	test('v2 google/locations works end to end', async () => {
		const accountId = await start('google');
		const res = await api.get(`${SP}/oauth/${sim.locationId}/google/locations/${accountId}`);
		const { location, account: gAccount } = res.data.results.locations;
		expect(location.isConnected).toBe(false);
		const attached = await api.post(`${SP}/oauth/${sim.locationId}/google/locations/${accountId}`, {
			location: { name: location.name, title: location.title },
			account: gAccount,
		});
		expect(attached.status).toBe(201);
		expect(attached.data.results.platform).toBe('google');
	});

	test('v2 instagram start and attach by pageId', async () => {
		const accountId = await start('instagram', `${SP}/oauth/instagram/start`);
		const { data } = await api.get(`${SP}/oauth/${sim.locationId}/instagram/accounts/${accountId}`);
		const ig = data.results.accounts[0];
		const attached = await api.post(`${SP}/oauth/${sim.locationId}/instagram/accounts/${accountId}`, { pageId: ig.pageId });
		expect(attached.status).toBe(201);
		expect(attached.data.results.originId).toBe(ig.id);
	});

	test('tiktok-business has no attach', async () => {
		const accountId = await start('tiktok-business');
		const list = await api.get(`${SP}/oauth/${sim.locationId}/tiktok-business/accounts/${accountId}`);
		expect(list.data.results.profile[0].type).toBe('business');
		const attach = await api.post(`${SP}/oauth/${sim.locationId}/tiktok-business/accounts/${accountId}`, {});
		expect(attach.status).toBe(422);
	});

	test('an unknown or mismatched connection is 404', async () => {
		const accountId = await start('facebook');
		expect((await api.get(`${SP}/oauth/${sim.locationId}/instagram/accounts/${accountId}`)).status).toBe(404);
		expect((await api.get(`${SP}/oauth/${sim.locationId}/facebook/accounts/${'f'.repeat(24)}`)).status).toBe(404);
	});

	test('search filters the listed pages', async () => {
		const accountId = await start('facebook');
		const res = await api.get(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`, { params: { search: 'second' } });
		expect(res.data.results.pages).toHaveLength(1);
		expect(res.data.results.pages[0].name).toMatch(/Second/);
	});

	test('OAuth needs oauth.readonly / oauth.write', async () => {
		const accountId = await start('facebook');
		sim.control.setScopes(sim.token, ['socialplanner/oauth.readonly']);
		const res = await api.post(`${SP}/oauth/${sim.locationId}/facebook/accounts/${accountId}`, {
			type: 'page',
			originId: '1',
			name: 'n',
			avatar: 'a',
		});
		expect(res.status).toBe(403);
		sim.control.setScopes(sim.token, []);
		expect((await api.get(`${SP}/oauth/facebook/start`, { params: { locationId: sim.locationId, userId: sim.userId } })).status).toBe(403);
	});

	test('the control surface plays the browser step: a connect URL in, the window message out (in process and over HTTP)', async () => {
		const url = `${sim.url}${SP}/oauth/linkedin/start?locationId=${sim.locationId}&userId=${sim.userId}&page=integration`;
		const message = sim.control.completeConnect(url);
		expect(message).toMatchObject({
			actionType: 'close',
			page: 'social_media_posting',
			platform: 'linkedin',
			placement: 'integration',
			reconnectAccounts: [],
		});
		const listed = await api.get(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${message.accountId}`);
		expect(listed.status).toBe(200);
		// The login's own profile is attachable like its pages.
		const [me] = listed.data.results.profile;
		const attached = await api.post(`${SP}/oauth/${sim.locationId}/linkedin/accounts/${message.accountId}`, {
			type: 'profile',
			originId: me.id,
			name: me.name,
			avatar: me.avatar,
			urn: me.urn,
		});
		expect(attached.status).toBe(201);
		const overHttp = await api.post('/__sim/oauth/complete', { url, accountId: '65f0c0ffee0000000000abcd' });
		expect(overHttp.data).toMatchObject({ platform: 'linkedin', accountId: '65f0c0ffee0000000000abcd' });
		expect((await api.post('/__sim/oauth/complete', { url: `${sim.url}${SP}/${sim.locationId}/accounts` })).status).toBe(400);
	});
});
