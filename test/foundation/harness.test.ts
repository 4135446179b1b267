import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NodeApiError } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { startRecordingServer, type RecordedRequest } from '../helpers/recording-server';

const accounts = [
	{ id: 'acc-1', name: 'Bakery Page', platform: 'facebook' },
	{ id: 'acc-2', name: 'Bakery IG', platform: 'instagram' },
	{ id: 'acc-3', name: 'Bakery GBP', platform: 'google' },
];

describe('the n8n-core harness runs the compiled node over real HTTP', () => {
	let server: Awaited<ReturnType<typeof startRecordingServer>>;

	beforeAll(async () => {
		server = await startRecordingServer((request: RecordedRequest) =>
			request.url === '/oauth/token'
				? {
						status: 200,
						body: {
							access_token: 'oauth-fresh',
							refresh_token: 'refresh-2',
							token_type: 'Bearer',
							expires_in: 86399,
							locationId: 'oauthLoc',
						},
					}
				: ['Bearer expired', 'Bearer oauth-expired'].includes(String(request.headers.authorization))
					? { status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' } }
					: { status: 200, body: { success: true, statusCode: 200, results: { accounts, groups: [] } } },
		);
	});
	afterAll(async () => await server.close());

	/** A HoopAI OAuth2 credential whose token endpoint is the recording server. */
	const oauthCredentials = (oauthTokenData: Record<string, string>) => ({
		type: 'hoopAiOAuth2Api',
		data: {
			grantType: 'authorizationCode',
			authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			accessTokenUrl: `${server.url}/oauth/token`,
			clientId: 'client',
			clientSecret: 'secret',
			scope: 'socialplanner/account.readonly',
			authentication: 'body',
			apiVersion: '2021-07-28',
			baseUrl: server.url,
			oauthTokenData,
		},
	});

	it('sends the token credential as Bearer with the Version header and outputs one item per account (Simplify off: as the API gave it)', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true, simple: false },
			credentials: {
				type: 'hoopAiApi',
				data: { accessToken: 'pit-secret', locationId: 'loc 1', apiVersion: '2021-07-28', baseUrl: server.url },
			},
		});

		expect(error).toBeUndefined();
		const request = server.requests.at(-1)!;
		expect(request.method).toBe('GET');
		expect(request.url).toBe('/social-media-posting/loc%201/accounts');
		expect(request.headers.authorization).toBe('Bearer pit-secret');
		expect(request.headers.version).toBe('2021-07-28');
		expect(items.map((item) => item.json)).toEqual(accounts);
	});

	it('Simplify (the default) leaves out what the API did not give: no account type, no undefined or null', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: {
				type: 'hoopAiApi',
				data: { accessToken: 'pit-secret', locationId: 'loc 1', apiVersion: '2021-07-28', baseUrl: server.url },
			},
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ name: 'Bakery Page', network: 'Facebook', expired: false, id: 'acc-1' });
		expect(Object.keys(items[0].json)).toEqual(['name', 'network', 'expired', 'id']);
	});

	it('applies the Limit to the output', async () => {
		const { items } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: false, limit: 2 },
			credentials: { type: 'hoopAiApi', data: { accessToken: 't', locationId: 'loc1', baseUrl: server.url } },
		});
		expect(items.map((item) => item.json.id)).toEqual(['acc-1', 'acc-2']);
	});

	it('uses the OAuth2 access token and the location of its token data', async () => {
		const { items, error } = await runNode({
			parameters: { authentication: 'oAuth2', resource: 'account', operation: 'getAll', returnAll: true },
			credentials: oauthCredentials({ access_token: 'oauth-access', token_type: 'Bearer', locationId: 'oauthLoc' }),
		});

		expect(error).toBeUndefined();
		const request = server.requests.at(-1)!;
		expect(request.url).toBe('/social-media-posting/oauthLoc/accounts');
		expect(request.headers.authorization).toBe('Bearer oauth-access');
		expect(request.headers.version).toBe('2021-07-28');
		expect(items).toHaveLength(3);
	});

	it('lets an OAuth2 token’s 401 through to n8n, which refreshes the token and sends the request again', async () => {
		const before = server.requests.length;
		const { items, error, credentialsHelper } = await runNode({
			parameters: { authentication: 'oAuth2', resource: 'account', operation: 'getAll', returnAll: true },
			credentials: oauthCredentials({
				access_token: 'oauth-expired',
				refresh_token: 'refresh-1',
				token_type: 'Bearer',
				locationId: 'oauthLoc',
			}),
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		const sent = server.requests
			.slice(before)
			.map((request) => `${request.method} ${request.url} ${request.headers.authorization ?? ''}`.trim());
		expect(sent).toEqual([
			'GET /social-media-posting/oauthLoc/accounts Bearer oauth-expired',
			'POST /oauth/token',
			'GET /social-media-posting/oauthLoc/accounts Bearer oauth-fresh',
		]);
		expect(credentialsHelper.updatedOauthTokenData.hoopAiOAuth2Api?.oauthTokenData).toEqual(
			expect.objectContaining({ refresh_token: 'refresh-2' }),
		);
	});

	it('turns an API error into a node error, or an error item with continueOnFail', async () => {
		const credentials = { type: 'hoopAiApi', data: { accessToken: 'expired', locationId: 'loc1', baseUrl: server.url } };
		const parameters = { resource: 'account', operation: 'getAll', returnAll: true };

		const failed = await runNode({ parameters, credentials });
		expect(failed.error?.name).toBe('NodeApiError');
		expect((failed.error as NodeApiError).httpCode).toBe('401');

		const continued = await runNode({ parameters, credentials, continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json.error).toBeDefined();
	});
});
