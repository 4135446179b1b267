// The Marketplace: the authorization page, the token endpoint (codes, refresh-token rotation,
// expiry), the agency endpoints (installed locations, the exchange for a location token) and how
// sub-account endpoints treat agency tokens. The first block sends only requests the OAuth specs
// document and checks the answers against them; the second provokes the refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import axios, { type AxiosInstance } from 'axios';
import { startSimulator, CLIENT_LOCATIONS, type Simulator, type TokenAnswer } from '../index';
import { describeWithSimulator } from '../../helpers/simulator';
import { itWithSpec, specProblems } from '../../helpers/spec-check';
import { OpenApiValidator } from '../../helpers/openapi';
import { loadSpecs } from '../../helpers/reference';
import { apiClient } from './client';

const REDIRECT = 'https://n8n.example.com/rest/oauth2-credential/callback';
const SCOPES = 'socialplanner/post.readonly socialplanner/post.write socialplanner/account.readonly oauth.readonly oauth.write';
const [dental, fitness, garden] = CLIENT_LOCATIONS;

/** A client that neither throws on status nor follows redirects. */
const http = (sim: Simulator): AxiosInstance => axios.create({ baseURL: sim.url, validateStatus: () => true, maxRedirects: 0 });

/** A form-encoded POST, as n8n's OAuth client and HighLevel's docs send them. */
async function postForm(sim: Simulator, path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) for (const one of [].concat(value as never)) body.append(key, one);
	return await http(sim).post(path, body.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

const authorization = (sim: Simulator, extra: Record<string, string> = {}) => ({
	response_type: 'code',
	client_id: sim.clientId,
	redirect_uri: REDIRECT,
	scope: SCOPES,
	state: 'n8n-state-123',
	...extra,
});

/** The person's choice on the authorization page; the code from the redirect. */
async function allow(sim: Simulator, target: string, extra: Record<string, string | string[]> = {}): Promise<string> {
	const res = await postForm(sim, '/v2/oauth/chooselocation', { ...authorization(sim), target, decision: 'allow', ...extra });
	expect(res.status).toBe(302);
	const back = new URL(res.headers.location);
	expect(back.searchParams.get('state')).toBe('n8n-state-123');
	return back.searchParams.get('code')!;
}

const clientFields = (sim: Simulator) => ({ client_id: sim.clientId, client_secret: sim.clientSecret });

async function exchangeCode(sim: Simulator, code: string): Promise<TokenAnswer> {
	const res = await postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
	expect(res.status).toBe(200);
	return res.data;
}

const refresh = (sim: Simulator, refreshToken: string) =>
	postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'refresh_token', refresh_token: refreshToken });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, Version: '2021-07-28' });

const installed = (sim: Simulator, token: string, query: Record<string, string> = {}) =>
	http(sim).get('/oauth/installedLocations', { params: { companyId: sim.companyId, appId: sim.appId, ...query }, headers: bearer(token) });

const exchange = (sim: Simulator, token: string, locationId: string, companyId = sim.companyId) =>
	postForm(sim, '/oauth/locationToken', { companyId, locationId }, bearer(token));

const accountsOf = (sim: Simulator, token: string, locationId: string) =>
	http(sim).get(`/social-media-posting/${locationId}/accounts`, { headers: bearer(token) });

const specs = loadSpecs();
const validator = specs ? new OpenApiValidator(specs) : undefined;
/** How an answer departs from the operation's documented answer. */
const answerProblems = (file: string, method: string, path: string, status: number, body: unknown) =>
	validator!.responseErrors(file, method, path, status, body);

describeWithSimulator(
	'the Marketplace, with requests the OAuth specs document',
	(sim) => {
		describe('the authorization page', () => {
			test('shows the app, the scopes it asks for, the agency and each of its sub-accounts', async () => {
				const res = await http(sim()).get('/v2/oauth/chooselocation', { params: authorization(sim()) });
				expect(res.status).toBe(200);
				expect(res.headers['content-type']).toMatch(/^text\/html/);
				expect(res.data).toContain('Hoop Social Sync');
				expect(res.data).toContain('oauth.write');
				expect(res.data).toContain('Agency: <strong>Hoop Marketing</strong>');
				for (const location of CLIENT_LOCATIONS)
					expect(res.data).toContain(`Sub-account: <strong>${location.name.replace('&', '&amp;')}</strong>`);
			});

			test('also answers at /oauth/chooselocation (the URL older docs and n8n’s HighLevel credential use)', async () => {
				const res = await http(sim()).get('/oauth/chooselocation', { params: authorization(sim()) });
				expect(res.status).toBe(200);
				expect(res.data).toContain('Choose where to install it');
			});

			test('a person who cancels is sent back with error=access_denied and the state', async () => {
				const res = await postForm(sim(), '/v2/oauth/chooselocation', { ...authorization(sim()), decision: 'cancel' });
				expect(res.status).toBe(302);
				const back = new URL(res.headers.location);
				expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
				expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state: 'n8n-state-123' });
			});
		});

		describe('the token endpoint', () => {
			itWithSpec('a sub-account install’s code gives a Location token: its location, company and user, no approved locations', async () => {
				const answer = await exchangeCode(sim(), await allow(sim(), `location:${sim().locationId}`));
				expect(answer).toMatchObject({
					token_type: 'Bearer',
					expires_in: 86399,
					scope: SCOPES,
					userType: 'Location',
					locationId: sim().locationId,
					companyId: sim().companyId,
					userId: sim().userId,
					isBulkInstallation: false,
				});
				expect(answer.approvedLocations).toBeUndefined();
				expect(answerProblems('oauth.json', 'POST', '/oauth/token', 200, answer)).toEqual([]);
				const accounts = await accountsOf(sim(), answer.access_token, sim().locationId);
				expect(accounts.status).toBe(200);
			});

			itWithSpec('an agency install’s code gives a Company token naming the sub-accounts the person ticked', async () => {
				const code = await allow(sim(), `company:${sim().companyId}`, {
					approvedLocations: [dental.id, fitness.id],
					installToFutureLocations: 'true',
				});
				const answer = await exchangeCode(sim(), code);
				expect(answer).toMatchObject({
					userType: 'Company',
					companyId: sim().companyId,
					approvedLocations: [dental.id, fitness.id],
					installToFutureLocations: true,
					approveAllLocations: false,
					isBulkInstallation: true,
				});
				expect(answer.locationId).toBeUndefined();
				expect(answerProblems('oauth.json', 'POST', '/oauth/token', 200, answer)).toEqual([]);
			});

			test('a refresh answers a new access token and a new refresh token, and the old refresh token is refused after it', async () => {
				const first = sim().control.connect({ scopes: SCOPES.split(' ') });
				const res = await refresh(sim(), first.refresh_token);
				expect(res.status).toBe(200);
				expect(res.data.access_token).not.toBe(first.access_token);
				expect(res.data.refresh_token).not.toBe(first.refresh_token);
				expect(res.data).toMatchObject({ userType: 'Location', locationId: sim().locationId, scope: SCOPES });
				expect((await accountsOf(sim(), res.data.access_token, sim().locationId)).status).toBe(200);

				const again = await refresh(sim(), first.refresh_token);
				expect(again.status).toBe(400);
				expect(again.data).toMatchObject({ statusCode: 400, message: 'Invalid grant: refresh token is invalid' });
				expect((await refresh(sim(), res.data.refresh_token)).status).toBe(200);
				expect(sim().control.grants()).toEqual([expect.objectContaining({ userType: 'Location', refreshes: 2, refusedRefreshes: 1 })]);
			});

			test('an access token stops working when it expires on the token clock; the refreshed one works', async () => {
				sim().control.setOAuth({ accessTokenSeconds: 60 });
				const first = sim().control.connect();
				expect(first.expires_in).toBe(60);
				expect((await accountsOf(sim(), first.access_token, sim().locationId)).status).toBe(200);
				sim().control.advanceTokenClock(61_000);
				const expired = await accountsOf(sim(), first.access_token, sim().locationId);
				expect(expired.status).toBe(401);
				expect(expired.data.message).toBe('Invalid token: access token is invalid');
				const renewed = await refresh(sim(), first.refresh_token);
				expect((await accountsOf(sim(), renewed.data.access_token, sim().locationId)).status).toBe(200);
			});

			test('another holder of the same refresh token refreshing first leaves the held one used up', async () => {
				const held = sim().control.connect();
				expect(sim().control.isCurrentRefreshToken(held.refresh_token)).toBe(true);
				expect(sim().control.refreshElsewhere()).toBe(1);
				expect(sim().control.isCurrentRefreshToken(held.refresh_token)).toBe(false);
				expect((await refresh(sim(), held.refresh_token)).status).toBe(400);
			});

			itWithSpec('with Version: v3 the fields are camelCase (oauth-v3.json)', async () => {
				const code = sim().control.authorize({ redirectUri: REDIRECT }).code;
				const res = await postForm(
					sim(),
					'/oauth/token',
					{ clientId: sim().clientId, clientSecret: sim().clientSecret, grantType: 'authorization_code', code, redirectUri: REDIRECT },
					{ Version: 'v3' },
				);
				expect(res.status).toBe(200);
				expect(res.data).toMatchObject({ tokenType: 'Bearer', userType: 'Location', locationId: sim().locationId });
				expect(typeof res.data.accessToken).toBe('string');
				expect(answerProblems('oauth-v3.json', 'POST', '/oauth/token', 200, res.data)).toEqual([]);
			});
		});

		describe('the agency endpoints', () => {
			const agencyToken = (options = {}) => sim().control.connect({ userType: 'Company', ...options }).access_token;

			itWithSpec('installed locations page with skip and limit; the count is every location that matches', async () => {
				const token = agencyToken({ approvedLocations: [sim().locationId, dental.id, fitness.id, garden.id] });
				const pages = [];
				for (let skip = 0; skip < 6; skip += 2) {
					const res = await installed(sim(), token, { isInstalled: 'true', skip: String(skip), limit: '2' });
					expect(res.status).toBe(200);
					expect(answerProblems('oauth.json', 'GET', '/oauth/installedLocations', 200, res.data)).toEqual([]);
					expect(res.data.count).toBe(4);
					pages.push(res.data.locations.map((location: { _id: string }) => location._id));
				}
				expect(pages.map((page) => page.length)).toEqual([2, 2, 0]);
				expect(pages.flat().sort()).toEqual([sim().locationId, dental.id, fitness.id, garden.id].sort());
			});

			test('installed locations: the not-installed ones with isInstalled=false, all of them without it, found by name, one by locationId', async () => {
				const token = agencyToken({ approvedLocations: [dental.id] });
				const names = async (query: Record<string, string>) =>
					(await installed(sim(), token, query)).data.locations.map((location: { name: string; isInstalled: boolean }) => [
						location.name,
						location.isInstalled,
					]);
				expect(await names({ isInstalled: 'false', limit: '100' })).not.toContainEqual([dental.name, true]);
				expect((await names({ limit: '100' })).length).toBe(6);
				expect(await names({ query: 'smile' })).toEqual([[dental.name, true]]);
				expect(await names({ locationId: fitness.id })).toEqual([[fitness.name, false]]);
			});

			itWithSpec('v3 installed locations page with pageSize and the next page’s token', async () => {
				const token = agencyToken();
				const seen: string[] = [];
				let pageToken: string | undefined;
				do {
					const res = await http(sim()).get('/oauth/installed-locations', {
						params: { companyId: sim().companyId, appId: sim().appId, pageSize: 4, ...(pageToken ? { pageToken } : {}) },
						headers: { ...bearer(token), Version: 'v3' },
					});
					expect(res.status).toBe(200);
					expect(answerProblems('oauth-v3.json', 'GET', '/oauth/installed-locations', 200, res.data)).toEqual([]);
					seen.push(...res.data.items.map((item: { _id: string }) => item._id));
					pageToken = res.data.pagination.nextPageToken;
				} while (pageToken);
				expect(seen).toHaveLength(6);
				expect(new Set(seen).size).toBe(6);
			});

			itWithSpec('the exchange gives a location token that reads that sub-account and no other', async () => {
				const token = agencyToken();
				const res = await exchange(sim(), token, dental.id);
				expect(res.status).toBe(200);
				expect(res.data).toMatchObject({ token_type: 'Bearer', locationId: dental.id, appId: sim().appId, expires_in: 86399 });
				expect(answerProblems('oauth.json', 'POST', '/oauth/locationToken', 200, res.data)).toEqual([]);
				const own = await accountsOf(sim(), res.data.access_token, dental.id);
				expect(own.status).toBe(200);
				expect(own.data.results.accounts.map((account: { name: string }) => account.name)).toEqual([
					'Bright Smile Dental (facebook)',
					'Bright Smile Dental (instagram)',
				]);
				const other = await accountsOf(sim(), res.data.access_token, fitness.id);
				expect(other.status).toBe(403);
			});

			test('a post created in one sub-account is not seen from another', async () => {
				const token = agencyToken();
				const dentalToken = (await exchange(sim(), token, dental.id)).data.access_token;
				const fitnessToken = (await exchange(sim(), token, fitness.id)).data.access_token;
				const list = async (as: string, locationId: string) =>
					(
						await http(sim()).post(
							`/social-media-posting/${locationId}/posts/list`,
							{
								skip: '0',
								limit: '50',
								type: 'all',
								includeUsers: 'false',
								fromDate: '2000-01-01T00:00:00.000Z',
								toDate: '2100-01-01T00:00:00.000Z',
							},
							{ headers: bearer(as) },
						)
					).data.results.posts.map((post: { summary: string }) => post.summary);
				const created = await http(sim()).post(
					`/social-media-posting/${dental.id}/posts`,
					{
						accountIds: [sim().control.state.locations.get(dental.id)!.accounts[0].id],
						summary: 'Dental: free whitening in May',
						type: 'post',
						status: 'draft',
						userId: sim().control.state.locations.get(dental.id)!.users[0].id,
					},
					{ headers: bearer(dentalToken) },
				);
				expect(created.status).toBe(201);
				expect(await list(dentalToken, dental.id)).toContain('Dental: free whitening in May');
				expect(await list(fitnessToken, fitness.id)).not.toContain('Dental: free whitening in May');
				expect(await list(fitnessToken, fitness.id)).toContain("Peak Fitness Studio: this week's offer.");
			});

			test('location tokens expire too, and refresh with the refresh token the exchange gave', async () => {
				sim().control.setOAuth({ locationTokenSeconds: 30 });
				const res = await exchange(sim(), agencyToken(), dental.id);
				expect(res.data.expires_in).toBe(30);
				sim().control.advanceTokenClock(31_000);
				expect((await accountsOf(sim(), res.data.access_token, dental.id)).status).toBe(401);
				const renewed = await refresh(sim(), res.data.refresh_token);
				expect(renewed.status).toBe(200);
				expect(renewed.data).toMatchObject({ userType: 'Location', locationId: dental.id, expires_in: 30 });
				expect((await accountsOf(sim(), renewed.data.access_token, dental.id)).status).toBe(200);
			});

			test('a location installed later is listed when the agency install covers future locations', async () => {
				const token = agencyToken({ installToFutureLocations: true });
				const id = sim().control.addLocation({ name: 'Late Arrival Salon' });
				const res = await installed(sim(), token, { locationId: id });
				expect(res.data.locations).toEqual([expect.objectContaining({ _id: id, name: 'Late Arrival Salon', isInstalled: true })]);
				expect((await exchange(sim(), token, id)).status).toBe(200);
			});
		});
	},
	{ afterReset: (sim) => sim.control.reset('agency') },
);

describe('the Marketplace refuses', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, seed: 'agency' });
	});
	beforeEach(() => sim.control.reset('agency'));
	afterAll(async () => await sim.stop());

	describe('on the authorization page, without redirecting', () => {
		test.each([
			['an unknown client ID', { client_id: 'nobody-x' }, 'No Marketplace app has the client ID'],
			['a response type other than code', { response_type: 'token' }, 'response_type must be code'],
			['a scope the app was not given', { scope: 'socialplanner/post.readonly contacts.write' }, 'not given these scopes: contacts.write'],
			['a redirect URI that is no URL', { redirect_uri: 'not a url' }, 'redirect_uri is missing or not a URL'],
		])('%s', async (_label, change, message) => {
			const res = await http(sim).get('/v2/oauth/chooselocation', { params: authorization(sim, change) });
			expect(res.status).toBe(400);
			expect(res.data).toContain(message);
		});

		test('a redirect URI not registered for the app, once the app has registered ones', async () => {
			sim.control.setOAuth({ redirectUris: ['https://other.example.com/callback'] });
			const res = await http(sim).get('/v2/oauth/chooselocation', { params: authorization(sim) });
			expect(res.status).toBe(400);
			expect(res.data).toContain('is not one of this app&#39;s redirect URIs');
			sim.control.setOAuth({ redirectUris: [REDIRECT] });
			expect((await http(sim).get('/v2/oauth/chooselocation', { params: authorization(sim) })).status).toBe(200);
		});
	});

	describe('at the token endpoint, with the v3 spec’s messages', () => {
		test.each([
			['a missing client ID', { client_id: '' }, 'Missing parameter: client_id'],
			['a wrong client secret', { client_secret: 'guess' }, 'Invalid parameter: client_secret'],
			['an unknown grant type', { grant_type: 'password' }, 'Invalid parameter: grant_type'],
		])('%s', async (_label, change, message) => {
			const res = await postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'refresh_token', refresh_token: 'x', ...change });
			expect(res.status).toBe(400);
			expect(res.data).toMatchObject({ statusCode: 400, message });
		});

		test('a code a second time, or after it expired', async () => {
			const { code } = sim.control.authorize({ redirectUri: REDIRECT });
			expect((await postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'authorization_code', code })).status).toBe(200);
			const again = await postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'authorization_code', code });
			expect(again.data).toMatchObject({ statusCode: 400, message: 'Invalid grant: authorization code is invalid' });
			const late = sim.control.authorize({ redirectUri: REDIRECT }).code;
			sim.control.advanceTokenClock(601_000);
			expect((await postForm(sim, '/oauth/token', { ...clientFields(sim), grant_type: 'authorization_code', code: late })).status).toBe(
				400,
			);
		});

		test('a code with another redirect URI than the page was opened with', async () => {
			const { code } = sim.control.authorize({ redirectUri: REDIRECT });
			const res = await postForm(sim, '/oauth/token', {
				...clientFields(sim),
				grant_type: 'authorization_code',
				code,
				redirect_uri: 'https://evil.example.com/cb',
			});
			expect(res.data).toMatchObject({ statusCode: 400, message: 'Invalid parameter: redirect_uri' });
		});

		test('a used refresh token in RFC 6749’s shape when tokenErrors is "oauth"', async () => {
			sim.control.setOAuth({ tokenErrors: 'oauth' });
			const held = sim.control.connect();
			await refresh(sim, held.refresh_token);
			const res = await refresh(sim, held.refresh_token);
			expect(res.status).toBe(400);
			expect(res.data).toMatchObject({ error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' });
		});

		test('a refresh for a sub-account that is not active (paused, cancelled)', async () => {
			const held = sim.control.connect();
			sim.control.setLocationActive(sim.locationId, false);
			expect((await refresh(sim, held.refresh_token)).data).toMatchObject({ statusCode: 400, message: 'Location is not active' });
			sim.control.setLocationActive(sim.locationId, true);
			expect((await refresh(sim, held.refresh_token)).status).toBe(200);
		});

		test('the refresh token of an uninstalled app, and its access token', async () => {
			const held = sim.control.connect();
			sim.control.uninstallApp(sim.locationId);
			expect((await accountsOf(sim, held.access_token, sim.locationId)).status).toBe(401);
			expect((await refresh(sim, held.refresh_token)).status).toBe(400);
		});

		test('the request log keeps neither the client secret nor the code nor the refresh token', async () => {
			const held = sim.control.connect();
			await refresh(sim, held.refresh_token);
			const logged = JSON.stringify(sim.control.requests());
			for (const secret of [sim.clientSecret, held.refresh_token]) expect(logged).not.toContain(secret);
			expect(sim.control.requests().at(-1)!.body).toMatchObject({
				grant_type: 'refresh_token',
				client_secret: '***',
				refresh_token: '***',
			});
		});
	});

	describe('on the agency endpoints', () => {
		const agencyToken = (options = {}) => sim.control.connect({ userType: 'Company', ...options }).access_token;

		test('installed locations without companyId or appId (422), for another company (403), for another app (400; v3: 404)', async () => {
			const token = agencyToken();
			const missing = await http(sim).get('/oauth/installedLocations', { headers: bearer(token) });
			expect(missing.status).toBe(422);
			expect(missing.data.message).toEqual(
				expect.arrayContaining(['companyId should not be null or undefined', 'appId should not be null or undefined']),
			);
			expect((await installed(sim, token, { companyId: 'someoneElse' })).status).toBe(403);
			expect((await installed(sim, token, { appId: 'abc' })).data).toMatchObject({
				statusCode: 400,
				message: "The requested App 'abc' was not found.",
			});
			const v3 = await http(sim).get('/oauth/installed-locations', {
				params: { companyId: sim.companyId, appId: 'abc' },
				headers: { ...bearer(token), Version: 'v3' },
			});
			expect(v3.status).toBe(404);
			expect(v3.data.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
		});

		test('the exchange for a sub-account the app is not installed in', async () => {
			const res = await exchange(sim, agencyToken({ approvedLocations: [dental.id] }), fitness.id);
			expect(res.status).toBe(400);
			expect(res.data.message).toBe('This app is not installed in this location');
		});

		test('the exchange for another company, or for a location outside the agency', async () => {
			sim.control.seed({ locationId: 'hpSimLocStranger000', companyId: 'hpSimCoStranger00000', name: 'Stranger Co' });
			const token = agencyToken();
			expect((await exchange(sim, token, dental.id, 'hpSimCoStranger00000')).status).toBe(403);
			const outside = await exchange(sim, token, 'hpSimLocStranger000');
			expect(outside.status).toBe(403);
			expect(outside.data.message).toBe('The token does not have access to this location');
		});

		test('the exchange without companyId and locationId (422)', async () => {
			const res = await postForm(sim, '/oauth/locationToken', {}, bearer(agencyToken()));
			expect(res.status).toBe(422);
			expect(res.data.message).toEqual(['companyId should not be empty', 'locationId should not be empty']);
		});

		test('the exchange with a token without oauth.write: 403, or 401 with scopeRefusal "unauthorized"', async () => {
			const token = agencyToken({ scopes: ['socialplanner/post.readonly', 'oauth.readonly'] });
			const res = await exchange(sim, token, dental.id);
			expect(res.status).toBe(403);
			expect(res.data.message).toBe('The token is not authorized for this scope.');
			sim.control.setOAuth({ scopeRefusal: 'unauthorized' });
			expect((await exchange(sim, token, dental.id)).status).toBe(401);
		});

		test.each([
			[
				'a location OAuth token',
				(s: Simulator) => s.control.connect().access_token,
				'This authClass type is not allowed to access this scope.',
			],
			['a sub-account’s Private Integration token', (s: Simulator) => s.token, "Token's user type mismatch!"],
			[
				'the agency’s Private Integration token',
				(s: Simulator) => s.agencyToken,
				'This authClass type is not allowed to access this scope.',
			],
		])('the exchange and the installed locations with %s (401)', async (_label, tokenOf, message) => {
			const token = tokenOf(sim);
			for (const res of [await exchange(sim, token, dental.id), await installed(sim, token)]) {
				expect(res.status).toBe(401);
				expect(res.data).toMatchObject({ statusCode: 401, message });
			}
		});

		test('a 201 for the exchange when locationTokenStatus is 201', async () => {
			sim.control.setOAuth({ locationTokenStatus: 201 });
			expect((await exchange(sim, agencyToken(), dental.id)).status).toBe(201);
		});
	});

	describe('on sub-account endpoints, agency tokens', () => {
		test('an agency OAuth token: 401 "This authClass type is not allowed…"; 403 with companyTokenRefusal "forbidden"', async () => {
			const token = sim.control.connect({ userType: 'Company' }).access_token;
			const res = await accountsOf(sim, token, sim.locationId);
			expect(res.status).toBe(401);
			expect(res.data).toMatchObject({ statusCode: 401, message: 'This authClass type is not allowed to access this scope.' });
			sim.control.setOAuth({ companyTokenRefusal: 'forbidden' });
			expect((await accountsOf(sim, token, sim.locationId)).status).toBe(403);
		});

		test('the agency’s Private Integration token: 401 "Token\'s user type mismatch!"', async () => {
			const res = await accountsOf(sim, sim.agencyToken, sim.locationId);
			expect(res.status).toBe(401);
			expect(res.data.message).toBe("Token's user type mismatch!");
		});
	});

	itWithSpec('the spec check reads a form body, the query and the Version header of the OAuth endpoints', async () => {
		const held = sim.control.connect({ userType: 'Company' });
		await installed(sim, held.access_token);
		await refresh(sim, held.refresh_token);
		const [listed, refreshed] = sim.control.requests().slice(-2);
		expect([listed, refreshed].map(specProblems)).toEqual([[], []]);
		expect(specProblems({ ...listed, query: { companyId: sim.companyId, page: '2' } })).toEqual([
			'GET /oauth/installedLocations: query parameter appId is required',
			'GET /oauth/installedLocations: query parameter page is not documented',
		]);
		expect(specProblems({ ...listed, headers: { ...listed.headers, version: '2023-02-21' } })).toEqual([
			'GET /oauth/installedLocations: Version "2023-02-21" is not one of 2021-07-28',
		]);
		expect(specProblems({ ...refreshed, body: { client_id: sim.clientId, grant_type: 'refresh_token' } })).toEqual([
			"POST /oauth/token:  must have required property 'client_secret'",
		]);
	});

	test('the rate limit counts per app and location: two tokens of the same sub-account share its window', async () => {
		sim.control.setRateLimit({ max: 2 });
		const first = sim.control.connect();
		const second = await refresh(sim, first.refresh_token);
		expect((await accountsOf(sim, first.access_token, sim.locationId)).status).toBe(200);
		const shared = await accountsOf(sim, second.data.access_token, sim.locationId);
		expect(shared.headers['x-ratelimit-remaining']).toBe('0');
		expect((await accountsOf(sim, second.data.access_token, sim.locationId)).status).toBe(429);
		// The sub-account's PIT is its own client: its own window.
		expect((await apiClient(sim).get(`/social-media-posting/${sim.locationId}/accounts`)).status).toBe(200);
	});
});
