import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INode,
	type INodeParameters,
	type INodeTypes,
} from 'n8n-workflow';
import { testCredential } from '../harness/n8n';
import { loadPackage } from '../harness/package-classes';
import { startRecordingServer, type RecordedRequest } from '../helpers/recording-server';
import { readReferenceText } from '../helpers/reference';
import { itWithSpec } from '../helpers/spec-check';

const GOOD_TOKEN = 'pit-good';

describe('HoopAI API credential test request (as n8n’s credential tester runs it)', () => {
	let server: Awaited<ReturnType<typeof startRecordingServer>>;

	beforeAll(async () => {
		server = await startRecordingServer((request: RecordedRequest) => {
			if (request.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
				return { status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' } };
			}
			if (!request.url.startsWith('/social-media-posting/myLocation/')) {
				return { status: 403, body: { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' } };
			}
			if (request.url.startsWith('/social-media-posting/myLocation/') && request.headers.version === 'broken') {
				return { status: 502, statusText: 'Bad Gateway', body: 'upstream down' };
			}
			if (request.headers.version !== '2021-07-28') {
				return {
					status: 400,
					statusText: 'Version header is not valid',
					body: { statusCode: 400, message: 'Version header is not valid' },
				};
			}
			return { status: 200, body: { success: true, statusCode: 200, results: { accounts: [], groups: [] } } };
		});
	});
	afterAll(async () => await server.close());

	const credentials = (data: Record<string, string>) => ({
		type: 'hoopAiApi',
		data: { accessToken: GOOD_TOKEN, locationId: 'myLocation', apiVersion: '2021-07-28', baseUrl: server.url, ...data },
	});

	it('passes with a token and location the API accepts, by listing the location’s accounts', async () => {
		await expect(testCredential(credentials({}))).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		const request = server.requests.at(-1)!;
		expect(request.method).toBe('GET');
		expect(request.url).toBe('/social-media-posting/myLocation/accounts');
		expect(request.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
		expect(request.headers.version).toBe('2021-07-28');
	});

	it('fails with the API’s invalid-token message when the API answers 401', async () => {
		const result = await testCredential(credentials({ accessToken: 'wrong' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Invalid token: access token is invalid');
		expect(result.message).not.toContain('wrong');
	});

	it('fails naming the Location ID when the token cannot access the location (403)', async () => {
		const result = await testCredential(credentials({ locationId: 'someoneElse' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Location ID');
	});

	it('fails pointing at the Location ID and API Version when the API answers 400', async () => {
		const result = await testCredential(credentials({ apiVersion: '1999-01-01' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('API Version') });
	});

	it('fails with the HTTP status text for errors without a rule', async () => {
		await expect(testCredential(credentials({ apiVersion: 'broken' }))).resolves.toEqual({
			status: 'Error',
			message: 'Bad Gateway',
		});
	});

	it('fails with the connection error when the host does not answer', async () => {
		const result = await testCredential(credentials({ baseUrl: 'http://127.0.0.1:9' }));
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});

describe('HoopAI OAuth2 credential', () => {
	let oauth: ICredentialType;
	let defaults: Record<string, unknown>;

	beforeAll(async () => {
		oauth = (await loadPackage()).credentialTypes.hoopAiOAuth2Api;
		defaults = Object.fromEntries(oauth.properties.map((property) => [property.name, property.default]));
	});

	/**
	 * The credential's data as n8n's CredentialsHelper resolves it (applyDefaultsAndOverwrites):
	 * defaults filled in, hidden fields pinned to their defaults, expressions resolved with `$self`.
	 */
	async function resolved(data: INodeParameters): Promise<ICredentialDataDecryptedObject> {
		const stored = { ...data };
		for (const property of oauth.properties) if (property.type === 'hidden') delete stored[property.name];
		const filled = NodeHelpers.getNodeParameters(oauth.properties, stored, true, false, null, null) as INodeParameters;
		const node: INode = { id: 'mock', name: 'mock', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };
		const nodeTypes = {
			getByName: () => undefined,
			getByNameAndVersion: () => undefined,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		await workflow.expression.acquireIsolate();
		try {
			return workflow.expression.getComplexParameterValue(
				node,
				filled,
				'internal',
				{},
				undefined,
				undefined,
				filled,
			) as ICredentialDataDecryptedObject;
		} finally {
			await workflow.expression.releaseIsolate();
		}
	}

	it('extends n8n’s OAuth2 credential with body authentication', () => {
		expect(oauth.extends).toEqual(['oAuth2Api']);
		expect(defaults.grantType).toBe('authorizationCode');
		expect(defaults.authentication).toBe('body');
	});

	it('offers the standard and the white-label marketplace, and any other address', () => {
		const marketplace = oauth.properties.find((property) => property.name === 'marketplace');
		expect(marketplace?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual([
			'https://marketplace.gohighlevel.com',
			'https://marketplace.leadconnectorhq.com',
			'custom',
		]);
	});

	it.each([
		[{}, 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation', 'https://services.leadconnectorhq.com/oauth/token'],
		[
			{ marketplace: 'https://marketplace.leadconnectorhq.com' },
			'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
			'https://services.leadconnectorhq.com/oauth/token',
		],
		[
			{ marketplace: 'custom', marketplaceUrl: 'http://127.0.0.1:4010/', baseUrl: 'http://127.0.0.1:4010' },
			'http://127.0.0.1:4010/v2/oauth/chooselocation',
			'http://127.0.0.1:4010/oauth/token',
		],
		// A stored Authorization URL (as the Marketplace field used to be) is pinned back to the choice.
		[
			{ authUrl: 'https://stale.example.com/x' },
			'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			'https://services.leadconnectorhq.com/oauth/token',
		],
	])('with %j n8n builds the authorization URL %s and the token URL %s', async (data, authUrl, accessTokenUrl) => {
		const credential = await resolved(data);
		expect(credential.authUrl).toBe(authUrl);
		expect(credential.accessTokenUrl).toBe(accessTokenUrl);
	});

	itWithSpec(
		'asks by default for every Social Planner scope of Scopes.md plus media and users',
		() => {
			const documented = new Set(readReferenceText('Scopes.md')!.match(/socialplanner\/[a-z]+\.[a-z]+/g));
			expect(documented.size).toBeGreaterThanOrEqual(10);
			const requested = String(defaults.scope).split(' ');
			expect(requested.sort()).toEqual([...documented, 'medias.write', 'medias.readonly', 'users.readonly'].sort());
		},
		{ needs: 'Scopes.md' },
	);
});
