import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions, type TestCredentials } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { itSentOnlyDocumentedRequests, locationOf, tokenCredentials, useSampleSimulator } from '../helpers/simulator';

/**
 * Account Connection → Build Connect Page and its callback: the page a client opens (served by one
 * workflow) and Get Available Accounts / Attach Accounts reading what the page posts (in another
 * workflow), with nothing shared between the two but the credential. The page's script runs in a
 * real browser in the e2e tier (test/e2e/lib/connect-page.js); here: what the page holds, and how
 * the callback side takes good and bad posts.
 */

const CALLBACK_URL = 'https://n8n.example.com/webhook/hoopai-connect-callback';
const PAGE_NETWORKS = ['facebook', 'instagram', 'google', 'linkedin', 'tiktok', 'youtube', 'pinterest', 'threads'];

interface PageConfig {
	callbackUrl: string;
	nonce: string;
	idPattern: string;
	origins: string[];
	agency: string;
	networks: Array<{ platform: string; name: string; url: string }>;
}

/** The data the page's script reads (its JSON script element). */
function pageConfig(html: string): PageConfig {
	const json = /<script type="application\/json" id="connect-config">(.*?)<\/script>/s.exec(html);
	if (!json) throw new Error('The page has no connect-config');
	return JSON.parse(json[1]) as PageConfig;
}

/** What n8n's Webhook node (POST, JSON) outputs for what the page posted. */
function webhookItem(body: unknown): IDataObject {
	return {
		headers: { host: 'n8n.example.com', 'content-type': 'application/json', origin: 'null' },
		params: {},
		query: {},
		body: body as IDataObject,
		webhookUrl: CALLBACK_URL,
		executionMode: 'production',
	};
}

describe('Build Connect Page and its callback', () => {
	const sim = useSampleSimulator();
	const figures: Record<string, number | string> = {};
	afterAll(() => printFigures('Connect page', figures));
	afterEach(() => {
		jest.useRealTimers();
	});

	const location = () => locationOf(sim());
	const requestsFrom = () => {
		const from = sim().control.requests().length;
		return () =>
			sim()
				.control.requests()
				.slice(from)
				.map((request) => `${request.method} ${request.path}`);
	};
	const run = async (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		await runNode({ parameters: { resource: 'accountConnection', ...parameters }, credentials: tokenCredentials(sim()), ...options });
	/** The page workflow's node: Build Connect Page, as the example sets it. */
	const buildPage = async (parameters: INodeParameters = {}, credentials?: TestCredentials) => {
		const { items, error } = await run(
			{ operation: 'buildConnectPage', callbackUrl: CALLBACK_URL, agencyName: 'Hoop Marketing', ...parameters },
			credentials ? { credentials } : {},
		);
		expect(error).toBeUndefined();
		const [page] = items;
		return { page, html: String(page.json.html), config: pageConfig(String(page.json.html)) };
	};
	/** The client clicks a network's button and logs in: what HighLevel's window posts back. */
	const logIn = (config: PageConfig, platform: string) =>
		sim().control.completeConnect(config.networks.find((network) => network.platform === platform)!.url);
	/** What the page posts to the callback for that message. */
	const posted = (config: PageConfig, message: { platform: string; accountId: string; reconnectAccounts: string[] }) => ({
		platform: message.platform,
		accountId: message.accountId,
		reconnectAccounts: message.reconnectAccounts,
		nonce: config.nonce,
	});
	const listFromCallback = async (body: unknown, options: Partial<RunNodeOptions> = {}) =>
		await run({ operation: 'getAvailableAccounts', returnAll: true }, { input: [webhookItem(body)], ...options });
	const attach = async (input: IDataObject[], options: Partial<RunNodeOptions> = {}) =>
		await run({ operation: 'attachAccounts' }, { input, ...options });

	it('writes the page as text and as an HTML file: one button per network, in the order chosen, each opening that network’s connect link; nothing is sent', async () => {
		const sent = requestsFrom();
		const networks = ['instagram', 'facebook', 'google'];
		const { page, html, config } = await buildPage({ pageNetworks: networks, logoUrl: 'https://hoopmarketing.example/logo.png' });
		expect(sent()).toEqual([]);
		expect([...html.matchAll(/<button type="button" data-platform="([^"]+)">/g)].map((match) => match[1])).toEqual(networks);
		expect(config.networks.map((network) => [network.platform, network.name])).toEqual([
			['instagram', 'Instagram'],
			['facebook', 'Facebook'],
			['google', 'Google Business Profile'],
		]);
		// Each button's link is the one Get Connect URL builds for that network and user.
		for (const network of config.networks) {
			const link = await run({ operation: 'getConnectUrl', connectPlatform: network.platform });
			expect(network.url).toBe(link.items[0].json.url);
		}
		expect(config).toMatchObject({ callbackUrl: CALLBACK_URL, agency: 'Hoop Marketing', origins: [sim().url] });
		expect(page.json).toMatchObject({
			networks,
			callbackUrl: CALLBACK_URL,
			locationId: sim().locationId,
			userId: sim().userId,
			links: Object.fromEntries(config.networks.map((network) => [network.platform, network.url])),
		});
		const hoursLeft = (Date.parse(String(page.json.expiresAt)) - Date.now()) / 3_600_000;
		expect(hoursLeft).toBeGreaterThan(23.9);
		expect(hoursLeft).toBeLessThanOrEqual(24);
		expect(page.binary!.data).toMatchObject({ mimeType: 'text/html', fileName: 'connect.html' });
		expect(Buffer.from(String(page.binary!.data.data), 'base64').toString('utf8')).toBe(html);
		expect(html).toContain('<h1>Connect your social accounts</h1>');
		expect(html).toContain('<img src="https://hoopmarketing.example/logo.png" alt=""><span>Hoop Marketing</span>');

		// By default every network the API can connect and attach, in the order the API lists them.
		const all = await buildPage({}, undefined);
		expect(all.config.networks.map((network) => network.platform)).toEqual(PAGE_NETWORKS);
		figures['page bytes (8 networks)'] = Buffer.byteLength(all.html);
	});

	it('holds a nonce, but no secret of the credential: not the token, the client secret or the OAuth2 tokens', async () => {
		const { html, config } = await buildPage();
		expect(config.nonce).toMatch(/^\d{10}\.[\w-]{22}\.[\w-]{43}$/);
		expect(html).not.toContain(sim().token);
		const canary = (kind: string) => `${kind}-canary-${Math.random().toString(36).slice(2, 10)}`;
		const secrets = { clientId: canary('cid'), clientSecret: canary('cs'), access: canary('at'), refresh: canary('rt') };
		const oauth: TestCredentials = {
			type: 'hoopAiOAuth2Api',
			data: {
				grantType: 'authorizationCode',
				authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				accessTokenUrl: 'https://services.leadconnectorhq.com/oauth/token',
				clientId: secrets.clientId,
				clientSecret: secrets.clientSecret,
				scope: 'socialplanner/oauth.readonly socialplanner/oauth.write',
				authentication: 'body',
				apiVersion: '2021-07-28',
				baseUrl: sim().url,
				oauthTokenData: {
					access_token: secrets.access,
					refresh_token: secrets.refresh,
					token_type: 'Bearer',
					locationId: sim().locationId,
					userId: sim().userId,
				},
			},
		};
		const viaOAuth = await buildPage({ authentication: 'oAuth2' }, oauth);
		for (const secret of Object.values(secrets)) expect(JSON.stringify(viaOAuth.page)).not.toContain(secret);
		// Two pages, two nonces.
		expect(viaOAuth.config.nonce).not.toBe(config.nonce);
	});

	it('shows what it is given as text, and its policy lets only its own script and style run and only the callback be posted to', async () => {
		const hostile = '<script>alert("agency")</script> & <b>Co</b>';
		const { html, config } = await buildPage({
			agencyName: hostile,
			pageTitle: '</title><script>alert(1)</script>',
			logoUrl: 'https://cdn.example.com/logo.png?"><script>alert(2)</script>',
			pageOptions: { intro: 'Connect <img src=x onerror=alert(3)>' },
		});
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html).not.toMatch(/<(b|img src=x)[ >]/);
		expect(html).toContain('<span>&lt;script&gt;alert(&quot;agency&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;</span>');
		expect(html).toContain('<img src="https://cdn.example.com/logo.png?&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" alt="">');
		// In the script's data the agency name cannot close the element, and reads back as it was.
		expect(config.agency).toBe(hostile);
		const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
		const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
		const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
		expect(policy.split('; ')).toEqual([
			"default-src 'none'",
			`script-src ${sha256(script)}`,
			`style-src ${sha256(style)}`,
			'img-src https://cdn.example.com',
			'connect-src https://n8n.example.com',
			"base-uri 'none'",
			"form-action 'none'",
		]);
		// The script shows only text: it never writes HTML.
		expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
		expect(script).toContain("message.page !== 'social_media_posting' || message.actionType !== 'close'");
		expect(script).toContain('event.source !== pending.window');
	});

	it('two workflows, nothing shared but the credential: the callback → Get Available Accounts → Attach Accounts attaches the login’s pages, and Account → Get Many lists them', async () => {
		const { config } = await buildPage();
		const message = logIn(config, 'facebook');
		const sent = requestsFrom();
		const listed = await listFromCallback(posted(config, message));
		expect(listed.error).toBeUndefined();
		const pages = listed.items.map((item) => item.json);
		expect(pages).toHaveLength(2);
		for (const page of pages)
			expect(page).toMatchObject({
				platform: 'facebook',
				type: 'page',
				oauthAccountId: message.accountId,
				isConnected: false,
				nonce: config.nonce,
			});

		const attached = await attach(pages);
		expect(attached.error).toBeUndefined();
		expect(attached.items.map((item) => [item.json.name, item.json.network, item.json.type])).toEqual(
			pages.map((page) => [page.name, 'Facebook', 'page']),
		);
		expect(sent()).toEqual([
			`GET /social-media-posting/oauth/${sim().locationId}/facebook/accounts/${message.accountId}`,
			...pages.map(() => `POST /social-media-posting/oauth/${sim().locationId}/facebook/accounts/${message.accountId}`),
			// Simplify reads the attached accounts back once, as Account → Get Many lists them.
			`GET /social-media-posting/${sim().locationId}/accounts`,
		]);
		const all = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true, simple: false },
			credentials: tokenCredentials(sim()),
		});
		expect(
			all.items
				.map((item) => item.json)
				.filter((account) => account.oauthId === message.accountId)
				.map((account) => account.name)
				.sort(),
		).toEqual(pages.map((page) => page.name).sort());
		figures['callback → attached (requests)'] = sent().length;
	});

	it('Attach Accounts also takes the callback straight from the Webhook item (every page of that login), and skips those connected already', async () => {
		const { config } = await buildPage({ pageNetworks: ['linkedin'] });
		const message = logIn(config, 'linkedin');
		const first = await attach([webhookItem(posted(config, message))]);
		expect(first.error).toBeUndefined();
		// LinkedIn: the login's two pages and its own profile.
		expect(first.items.map((item) => item.json.type).sort()).toEqual(['page', 'page', 'profile']);
		const sent = requestsFrom();
		const again = await attach([webhookItem(posted(config, message))]);
		expect(again.items).toEqual([]);
		expect(sent()).toEqual([`GET /social-media-posting/oauth/${sim().locationId}/linkedin/accounts/${message.accountId}`]);
	});

	it('the Platform and ID Below choice still lists a login given by hand', async () => {
		const { config } = await buildPage();
		const message = logIn(config, 'youtube');
		const { items, error } = await run({
			operation: 'getAvailableAccounts',
			loginFrom: 'fields',
			availablePlatform: 'youtube',
			oauthAccountId: message.accountId,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.platform)).toEqual(['youtube', 'youtube']);
		expect(items.every((item) => item.json.nonce === undefined)).toBe(true);
	});

	describe('bad callbacks are refused before any request, with nothing attached', () => {
		type Case = [string, (config: PageConfig, message: ReturnType<typeof logIn>) => unknown, RegExp];
		/** The nonce with one character of its signature changed. */
		const tamper = (nonce: string) => {
			const at = nonce.length - 20;
			return `${nonce.slice(0, at)}${nonce[at] === 'A' ? 'B' : 'A'}${nonce.slice(at + 1)}`;
		};
		const CASES: Case[] = [
			[
				'a body of another shape (HighLevel’s whole message)',
				(config, message) => ({ ...message, nonce: config.nonce }),
				/is not what the connect page posts \(it has actionType, page, placement, which the page never sends\)/,
			],
			[
				'a body without platform',
				(config, message) => ({ accountId: message.accountId, nonce: config.nonce }),
				/is not what the connect page posts \(platform is missing\)/,
			],
			[
				'a body that is text, not JSON',
				() => 'platform=facebook&accountId=65f0c0de0000000000000001',
				/is not what the connect page posts \(its body is platform=facebook/,
			],
			['a body that is a list', (config, message) => [posted(config, message)], /is not what the connect page posts \(its body is a list/],
			[
				'reconnectAccounts that is not a list of IDs',
				(config, message) => ({ ...posted(config, message), reconnectAccounts: ['../x'] }),
				/reconnectAccounts is \["\.\.\/x"\], not a list of IDs/,
			],
			[
				'an accountId with a slash',
				(config, message) => ({ ...posted(config, message), accountId: `${message.accountId}/../other` }),
				/the accountId "[0-9a-f]{24}\/\.\.\/other" is not one ID/,
			],
			[
				'an accountId that is a number',
				(config, message) => ({ ...posted(config, message), accountId: 42 }),
				/the accountId 42 is not one ID/,
			],
			[
				'no nonce',
				(config, message) => ({ platform: message.platform, accountId: message.accountId, reconnectAccounts: [] }),
				/the nonce is missing or not one a connect page gives/,
			],
			[
				'a nonce with a changed signature',
				(config, message) => ({ ...posted(config, message), nonce: tamper(config.nonce) }),
				/the nonce is not one this location's connect page gave/,
			],
			[
				'a nonce with a later expiry',
				(config, message) => ({
					...posted(config, message),
					nonce: config.nonce.replace(/^\d+/, (expiry) => String(Number(expiry) + 86400)),
				}),
				/the nonce is not one this location's connect page gave/,
			],
			[
				'the network Bluesky, which the API cannot connect',
				(config, message) => ({ ...posted(config, message), platform: 'bluesky' }),
				/the network "bluesky" cannot be connected through the API/,
			],
			[
				'the network X (Twitter), which HighLevel stopped',
				(config, message) => ({ ...posted(config, message), platform: 'twitter' }),
				/the network "twitter" cannot be connected through the API/,
			],
			[
				'the network TikTok Business, which cannot be attached',
				(config, message) => ({ ...posted(config, message), platform: 'tiktok-business' }),
				/the network "tiktok-business" cannot be connected through the API/,
			],
		];

		figures['bad callbacks refused (cases)'] = CASES.length + 3;

		it.each(CASES)('%s', async (_name, body, message) => {
			const { config } = await buildPage();
			const login = logIn(config, 'facebook');
			const accountsBefore = location().accounts.length;
			const sent = requestsFrom();
			const listed = await listFromCallback(body(config, login));
			const attached = await attach([webhookItem(body(config, login))]);
			for (const [result, label] of [
				[listed, 'Login From'],
				[attached, 'Accounts to Attach'],
			] as const) {
				expect(result.error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(message) });
				expect(result.error!.message.startsWith(`${label}: `)).toBe(true);
			}
			expect(sent()).toEqual([]);
			expect(location().accounts).toHaveLength(accountsBefore);
		});

		it('a nonce of another location, or of another credential of this location', async () => {
			const other = await buildPage({}, tokenCredentials(sim(), { accessToken: sim().otherToken, locationId: sim().otherLocationId }));
			const colleague = 'pit-second-integration-token';
			sim().control.addToken({ token: colleague, locationId: sim().locationId });
			const second = await buildPage({}, tokenCredentials(sim(), { accessToken: colleague }));
			const { config } = await buildPage();
			const login = logIn(config, 'facebook');
			const sent = requestsFrom();
			for (const nonce of [other.config.nonce, second.config.nonce]) {
				const listed = await listFromCallback({ ...posted(config, login), nonce });
				expect(listed.error?.message).toBe(
					"Login From: the nonce is not one this location's connect page gave; open the connect page again (its link gives a new one) and connect the network once more",
				);
			}
			// The page's own nonce, for comparison, is taken.
			expect((await listFromCallback(posted(config, login))).error).toBeUndefined();
			expect(sent()).toEqual([`GET /social-media-posting/oauth/${sim().locationId}/facebook/accounts/${login.accountId}`]);
		});

		it('a page past its time (Valid For, 24 hours by default)', async () => {
			const { config } = await buildPage({ pageOptions: { validHours: 2 } });
			const login = logIn(config, 'facebook');
			jest.useFakeTimers({
				doNotFake: [
					'nextTick',
					'setImmediate',
					'setTimeout',
					'setInterval',
					'clearTimeout',
					'clearInterval',
					'clearImmediate',
					'queueMicrotask',
					'hrtime',
					'performance',
				],
			});
			jest.setSystemTime(Date.now() + 2 * 3_600_000 + 60_000);
			const sent = requestsFrom();
			const listed = await listFromCallback(posted(config, login));
			expect(listed.error?.message).toMatch(/^Login From: the connect page expired at \d{4}-\d\d-\d\dT/);
			expect(sent()).toEqual([]);
		});

		it('Attach Accounts checks the nonce Get Available Accounts passed on', async () => {
			const { config } = await buildPage();
			const login = logIn(config, 'facebook');
			const pages = (await listFromCallback(posted(config, login))).items.map((item) => item.json);
			const sent = requestsFrom();
			const refused = await attach(pages.map((page) => ({ ...page, nonce: tamper(config.nonce) })));
			expect(refused.error?.message).toBe(
				"Accounts to Attach: the nonce is not one this location's connect page gave; open the connect page again (its link gives a new one) and connect the network once more",
			);
			expect(sent()).toEqual([]);
		});

		it('with On Error: Continue, the refusal becomes an error item that Attach Accounts passes on for Respond to Webhook to show', async () => {
			const { config } = await buildPage();
			const login = logIn(config, 'facebook');
			const listed = await listFromCallback({ ...posted(config, login), accountId: 'a/b' }, { continueOnFail: true });
			expect(listed.items.map((item) => item.json)).toEqual([
				{ error: 'Login From: the accountId "a/b" is not one ID; connect the network again from the connect page' },
			]);
			const passed = await attach(
				listed.items.map((item: INodeExecutionData) => item.json),
				{ continueOnFail: true },
			);
			expect(passed.items.map((item) => item.json)).toEqual([
				{ error: 'Login From: the accountId "a/b" is not one ID; connect the network again from the connect page' },
			]);
		});
	});

	itSentOnlyDocumentedRequests(sim);
});
