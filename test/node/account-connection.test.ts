import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions } from '../harness/n8n';
import { restoreSendSettings, tuneSendSettings } from '../harness/send-path';
import { loadSpecs } from '../helpers/reference';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';
import { itWithSpec, specProblems } from '../helpers/spec-check';
import type { LoggedRequest } from '../simulator';

// X (Twitter) and Bluesky are not offered: HighLevel stopped X on 2024-12-04, Bluesky's start answers
// "not supported" (API-NOTES §3.3).
const V2_PLATFORMS = ['google', 'facebook', 'instagram', 'linkedin', 'tiktok', 'tiktok-business'];
const GENERIC_PLATFORMS = ['youtube', 'pinterest', 'threads'];
const CONNECTABLE = [...V2_PLATFORMS, ...GENERIC_PLATFORMS];
const UNIFORM = ['id', 'name', 'platform', 'type', 'avatar', 'isConnected', 'oauthAccountId'];
// The DTO each attach body must match: v3's per-platform DTOs.
const ATTACH_DTO: Record<string, [string, string]> = {
	facebook: ['social-planner-v3.json', 'AttachFBAccountDTO'],
	instagram: ['social-planner-v3.json', 'AttachIGAccountDTO'],
	google: ['social-planner-v3.json', 'AttachGMBLocationDTO'],
	linkedin: ['social-planner-v3.json', 'AttachLinkedinAccountDTO'],
	tiktok: ['social-planner-v3.json', 'AttachTiktokAccountDTO'],
	youtube: ['social-planner-v3.json', 'AttachYoutubeAccountResponseDTO'],
	pinterest: ['social-planner-v3.json', 'AttachPinterestAccountDTO'],
	threads: ['social-planner-v3.json', 'AttachThreadsAccountDTO'],
};
const specs = loadSpecs();

describeWithSimulator('Account Connection resource (OAuth connect flow)', (sim) => {
	const figures: Record<string, number> = {};
	beforeAll(() => tuneSendSettings({ backoffMs: 5, attemptTimeoutMs: 1_500 }));
	afterAll(() => {
		restoreSendSettings();
		printFigures('Account Connection', figures);
	});

	// What the tests build or send but the simulator does not check: checked against the spec last.
	const startUrls: URL[] = [];
	const attachBodies: Record<string, IDataObject> = {};

	const location = () => locationOf(sim());
	const run = async (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		await runNode({ parameters: { resource: 'accountConnection', ...parameters }, credentials: tokenCredentials(sim()), ...options });
	const logFrom = () => {
		const from = sim().control.requests().length;
		return () => sim().control.requests().slice(from);
	};
	/** The browser step, as the simulator's control surface plays it. */
	const connect = (platform: string) =>
		sim().control.completeConnect(
			`${sim().url}/social-media-posting/oauth/${platform}/start?locationId=${sim().locationId}&userId=${sim().userId}`,
		).accountId;
	const available = async (platform: string, oauthAccountId: string, extra: INodeParameters = {}) => {
		const { items, error } = await run({
			operation: 'getAvailableAccounts',
			loginFrom: 'fields',
			availablePlatform: platform,
			oauthAccountId,
			returnAll: true,
			...extra,
		});
		expect(error).toBeUndefined();
		return items.map((item) => item.json);
	};

	describe('Get Connect URL', () => {
		it('builds the start URL (v2 per-platform path for the six v2 networks it connects, the generic path for the others) and sends nothing', async () => {
			const log = logFrom();
			for (const platform of [...V2_PLATFORMS, ...GENERIC_PLATFORMS]) {
				const { items, error } = await run({
					operation: 'getConnectUrl',
					connectPlatform: platform,
					connectOptions: { page: 'integration', reconnect: true },
				});
				expect(error).toBeUndefined();
				const [output] = items.map((item) => item.json);
				const url = new URL(String(output.url));
				expect(`${url.origin}${url.pathname}`).toBe(`${sim().url}/social-media-posting/oauth/${platform}/start`);
				expect(Object.fromEntries(url.searchParams)).toEqual({
					locationId: sim().locationId,
					userId: sim().userId,
					page: 'integration',
					reconnect: 'true',
				});
				expect(output).toMatchObject({
					platform,
					path: V2_PLATFORMS.includes(platform) ? 'v2 per-platform' : 'v3 generic',
					reconnect: true,
				});
				expect(output.whatComesBack).toMatch(/accountId/);
				startUrls.push(url);
				expect(output).not.toHaveProperty('notice');
			}
			expect(log()).toEqual([]);
			figures['Get Connect URL: networks, no request sent'] = V2_PLATFORMS.length + GENERIC_PLATFORMS.length;
		});

		it('uses the chosen user, leaves out page and reconnect when unset, and needs a user', async () => {
			const other = location().users.find((user: IDataObject) => user.id !== sim().userId) ?? location().users[0];
			const { items } = await run({ operation: 'getConnectUrl', connectPlatform: 'facebook', connectUserId: other.id });
			expect(Object.fromEntries(new URL(String(items[0].json.url)).searchParams)).toEqual({
				locationId: sim().locationId,
				userId: other.id,
			});
			const noUser = await runNode({
				parameters: { resource: 'accountConnection', operation: 'getConnectUrl', connectPlatform: 'facebook' },
				credentials: tokenCredentials(sim(), { userId: '' }),
			});
			expect(noUser.error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(/^User Name or ID: required/) });
		});
	});

	it('scenario: connect URL → the browser step → Get Available Accounts → Attach → the account is listed and can be posted to', async () => {
		const link = await run({ operation: 'getConnectUrl', connectPlatform: 'facebook' });
		const message = sim().control.completeConnect(String(link.items[0].json.url));
		expect(message).toMatchObject({ actionType: 'close', page: 'social_media_posting', platform: 'facebook' });

		const pages = await available('facebook', message.accountId);
		expect(pages).toHaveLength(2);
		for (const page of pages) {
			expect(page).toMatchObject({
				platform: 'facebook',
				type: 'page',
				isConnected: false,
				oauthAccountId: message.accountId,
				isOwned: true,
			});
			expect(typeof page.avatar).toBe('string');
		}

		const log = logFrom();
		const attached = await run({ operation: 'attachAccounts', attachFrom: 'input' }, { input: pages });
		expect(attached.error).toBeUndefined();
		// Simplify (on by default): each attached account as Account → Get Many lists it, read back once.
		expect(attached.items.map((item) => item.json)).toEqual(
			pages.map((page) => ({ name: page.name, network: 'Facebook', type: 'page', expired: false, id: expect.any(String) })),
		);
		expect(log().map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			...pages.map(() => `POST /social-media-posting/oauth/${sim().locationId}/facebook/accounts/${message.accountId} 201`),
			`GET /social-media-posting/${sim().locationId}/accounts 200`,
		]);
		expect(
			log()
				.map((request) => request.body)
				.slice(0, pages.length),
		).toEqual(pages.map((page) => ({ type: 'page', originId: page.id, name: page.name, avatar: page.avatar })));

		const listed = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true, simple: false },
			credentials: tokenCredentials(sim()),
		});
		const newAccounts = listed.items.map((item) => item.json).filter((account) => account.oauthId === message.accountId);
		expect(newAccounts.map((account) => account.name).sort()).toEqual(pages.map((page) => page.name).sort());
		const simplified = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: tokenCredentials(sim()),
		});
		const attachedIds = attached.items.map((item) => item.json.id);
		expect(simplified.items.map((item) => item.json).filter((account) => attachedIds.includes(account.id))).toEqual(
			attached.items.map((item) => item.json),
		);

		const post = await runNode({
			parameters: {
				resource: 'post',
				operation: 'create',
				accountIds: [String(newAccounts[0].id)],
				summary: 'Hello from a freshly connected page',
				status: 'draft',
			},
			credentials: tokenCredentials(sim()),
		});
		expect(post.error).toBeUndefined();
		expect(location().posts.find((candidate: IDataObject) => candidate._id === post.items[0].json.id)?.accountIds).toEqual([
			newAccounts[0].id,
		]);

		// Listed again, the pages show as connected, and attaching them again sends nothing.
		const again = await available('facebook', message.accountId);
		expect(again.every((page) => page.isConnected)).toBe(true);
		const second = logFrom();
		const none = await run({ operation: 'attachAccounts', attachFrom: 'input' }, { input: again });
		expect(none.items).toEqual([]);
		expect(second()).toEqual([]);
	});

	it('every network: one uniform item per page/profile/location, listed and attached on its path with its network’s body', async () => {
		const bodies: Record<string, IDataObject> = {};
		for (const platform of CONNECTABLE) {
			const oauthAccountId = connect(platform);
			const log = logFrom();
			const accounts = await available(platform, oauthAccountId);
			const [listRequest] = log();
			const segment = platform === 'google' ? 'locations' : 'accounts';
			expect(listRequest.path).toBe(`/social-media-posting/oauth/${sim().locationId}/${platform}/${segment}/${oauthAccountId}`);
			expect(accounts.length).toBeGreaterThan(0);
			for (const account of accounts) {
				expect(Object.keys(account).slice(0, UNIFORM.length)).toEqual(UNIFORM);
				expect(account).toMatchObject({ platform, oauthAccountId, id: expect.any(String), name: expect.any(String), isConnected: false });
			}
			if (platform === 'tiktok-business') continue;
			const attachLog = logFrom();
			const { items, error } = await run({ operation: 'attachAccounts', attachFrom: 'input' }, { input: accounts });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(accounts.length);
			const [attach] = attachLog();
			expect(`${attach.method} ${attach.path} ${attach.status}`).toBe(
				`POST /social-media-posting/oauth/${sim().locationId}/${platform}/${segment}/${oauthAccountId} 201`,
			);
			bodies[platform] = attach.body as IDataObject;
		}
		Object.assign(attachBodies, bodies);
		expect(Object.keys(bodies).sort()).toEqual(Object.keys(ATTACH_DTO).sort());
		expect(bodies.google).toEqual({
			location: expect.objectContaining({ name: expect.any(String), title: expect.any(String) }),
			account: expect.objectContaining({ accountName: expect.any(String), vettedState: expect.any(String) }),
		});
		expect(bodies.linkedin).toMatchObject({ type: 'page', urn: expect.stringMatching(/^urn:li:/) });
		expect(bodies.instagram).toMatchObject({ pageId: expect.any(String) });
		figures['networks listed'] = CONNECTABLE.length;
	});

	it('Search: sent to the API on the generic path, applied by the node on the v2 paths; Limit and Return All', async () => {
		const youtube = connect('youtube');
		const log = logFrom();
		const found = await available('youtube', youtube, { availableSearch: 'second' });
		expect(found.map((account) => account.name)).toEqual(['YouTube Second Page']);
		expect(log()[0].query).toEqual({ search: 'second' });

		const facebook = connect('facebook');
		const v2Log = logFrom();
		const filtered = await available('facebook', facebook, { availableSearch: 'MAIN' });
		expect(filtered.map((account) => account.name)).toEqual(['Facebook Main Page']);
		expect(v2Log()[0].query).toEqual({});

		const limited = await run({
			operation: 'getAvailableAccounts',
			loginFrom: 'fields',
			availablePlatform: 'facebook',
			oauthAccountId: facebook,
			returnAll: false,
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('Attach By ID reads the login’s accounts and attaches those named; an ID it cannot attach stops before any attach', async () => {
		const oauthAccountId = connect('linkedin');
		const [page, second] = await available('linkedin', oauthAccountId);
		const log = logFrom();
		const { items, error } = await run({
			operation: 'attachAccounts',
			attachFrom: 'id',
			attachPlatform: 'linkedin',
			attachOauthAccountId: oauthAccountId,
			attachIds: page.id as string,
			simple: false,
		});
		expect(error).toBeUndefined();
		// Simplify off: the API's answer as it is.
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ originId: page.id, platform: 'linkedin', type: 'page', oldId: '', meta: expect.anything() }),
		]);
		expect(log().map((request) => request.method)).toEqual(['GET', 'POST']);

		const bad = logFrom();
		const refused = await run({
			operation: 'attachAccounts',
			attachFrom: 'id',
			attachPlatform: 'linkedin',
			attachOauthAccountId: oauthAccountId,
			attachIds: `${second.id as string}, 999`,
		});
		expect(refused.error).toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringMatching(/^Page, Profile or Location IDs: "999" is not one this LinkedIn login can attach/),
		});
		expect(bad().map((request) => request.method)).toEqual(['GET']);
	});

	it('Attach By ID takes Google’s location names (locations/…) as Get Available Accounts lists them', async () => {
		const oauthAccountId = connect('google');
		const [location] = await available('google', oauthAccountId);
		expect(location.id).toMatch(/^locations\//);
		const { items, error } = await run({
			operation: 'attachAccounts',
			attachFrom: 'id',
			attachPlatform: 'google',
			attachOauthAccountId: oauthAccountId,
			attachIds: String(location.id),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ name: location.name, network: 'Google Business Profile', type: 'location', expired: false, id: expect.any(String) },
		]);
	});

	it('TikTok Business cannot be attached: the node says so and sends nothing', async () => {
		const oauthAccountId = connect('tiktok-business');
		const accounts = await available('tiktok-business', oauthAccountId);
		const log = logFrom();
		const fromInput = await run({ operation: 'attachAccounts', attachFrom: 'input' }, { input: accounts });
		expect(fromInput.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Accounts to Attach: TikTok Business accounts cannot be attached through the API; attach them in HoopAI',
		});
		const byId = await run({
			operation: 'attachAccounts',
			attachFrom: 'id',
			attachPlatform: 'tiktok-business',
			attachOauthAccountId: oauthAccountId,
			attachIds: String(accounts[0].id),
		});
		expect(byId.error?.message).toBe(
			'Accounts to Attach: TikTok Business accounts cannot be attached through the API; attach them in HoopAI',
		);
		expect(log()).toEqual([]);
	});

	it('input items that are not available accounts stop with an error naming the field, nothing sent', async () => {
		const log = logFrom();
		const { error } = await run({ operation: 'attachAccounts', attachFrom: 'input' }, { input: [{ name: 'Just a name' }] });
		expect(error).toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringMatching(/^Accounts to Attach: input item 1 is not an available account/),
		});
		const noId = await run({
			operation: 'getAvailableAccounts',
			loginFrom: 'fields',
			availablePlatform: 'facebook',
			oauthAccountId: '../accounts',
		});
		expect(noId.error?.name).toBe('NodeOperationError');
		expect(log()).toEqual([]);
	});

	it('the API’s errors are shown as they are (e.g. an unknown login)', async () => {
		const unknownLogin = '65f0c0de00000000000000ff';
		const { error } = await run({
			operation: 'getAvailableAccounts',
			loginFrom: 'fields',
			availablePlatform: 'instagram',
			oauthAccountId: unknownLogin,
		});
		expect(error).toMatchObject({ name: 'NodeApiError', message: 'OAuth account not found', httpCode: '404' });
	});

	it('a workflow saved with Platform X (Twitter) or Bluesky stops saying why and what to choose, nothing sent', async () => {
		const someLogin = '65f0c0de00000000000000ff';
		const log = logFrom();
		const choose =
			/; choose one of Facebook, Google Business Profile, Instagram, LinkedIn, Pinterest, Threads, TikTok, TikTok Business and YouTube$/;
		const cases: Array<[INodeParameters, RegExp]> = [
			[
				{ operation: 'getConnectUrl', connectPlatform: 'twitter' },
				/^Platform: X \(Twitter\) can no longer be connected \(HighLevel stopped supporting X \(Twitter\) on 2024-12-04\)/,
			],
			[
				{
					operation: 'getAvailableAccounts',
					loginFrom: 'fields',
					availablePlatform: 'bluesky',
					oauthAccountId: someLogin,
				},
				/^Platform: Bluesky can no longer be connected \(the API answers that Bluesky is not supported yet\)/,
			],
			[
				{ operation: 'attachAccounts', attachFrom: 'id', attachPlatform: 'twitter', attachOauthAccountId: someLogin, attachIds: 'x' },
				/^Platform: X \(Twitter\) can no longer be connected/,
			],
		];
		for (const [parameters, message] of cases) {
			const { error } = await run(parameters);
			expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(message) });
			expect(error?.message).toMatch(choose);
		}
		expect(log()).toEqual([]);
		figures['saved Platforms no longer offered, refused'] = cases.length;
	});

	describe('an attach is never sent twice', () => {
		it('one whose answer was lost is looked up in the location’s accounts and found, not sent again', async () => {
			const oauthAccountId = connect('facebook');
			const [page] = await available('facebook', oauthAccountId);
			sim().control.injectFaults({ next: { kind: 'lostAnswer' } });
			const log = logFrom();
			const { items, error } = await run({ operation: 'attachAccounts', attachFrom: 'input', simple: false }, { input: [page] });
			expect(error).toBeUndefined();
			expect(
				log().map((request) => `${request.method} ${request.path.replace(/^.*\/oauth\/.*/, 'attach')} ${request.fault ?? request.status}`),
			).toEqual(['POST attach lostAnswer', `GET /social-media-posting/${sim().locationId}/accounts 200`]);
			const stored = location().accounts.filter((account: IDataObject) => account.oauthId === oauthAccountId);
			expect(stored).toHaveLength(1);
			expect(items.map((item) => item.json.id)).toEqual([stored[0].id]);
		});

		it('one that did not arrive (a 503) is looked up, not found, and sent once more', async () => {
			const oauthAccountId = connect('instagram');
			const [account] = await available('instagram', oauthAccountId);
			sim().control.injectFaults({ next: { kind: 'error', status: 503 } });
			const log = logFrom();
			const { items, error } = await run({ operation: 'attachAccounts', attachFrom: 'input', simple: false }, { input: [account] });
			expect(error).toBeUndefined();
			expect(log().map((request) => `${request.method} ${request.fault ?? request.status}`)).toEqual(['POST error', 'GET 200', 'POST 201']);
			expect(location().accounts.filter((candidate: IDataObject) => candidate.oauthId === oauthAccountId)).toHaveLength(1);
			expect(items).toHaveLength(1);
		});
	});

	itWithSpec('the start URLs are requests the spec documents, and each attach body is valid for its network’s DTO', () => {
		expect(startUrls).toHaveLength(V2_PLATFORMS.length + GENERIC_PLATFORMS.length);
		expect(Object.keys(attachBodies).sort()).toEqual(Object.keys(ATTACH_DTO).sort());
		// v3's generic path, or v2's for the networks v3 has no start path for.
		for (const url of startUrls) {
			expect(
				specProblems({ method: 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) } as unknown as LoggedRequest),
			).toEqual([]);
		}
		// Each body sends what its DTO requires and nothing it does not document.
		for (const [platform, body] of Object.entries(attachBodies)) {
			const [file, dto] = ATTACH_DTO[platform];
			const schema = specs![file].components.schemas[dto];
			expect({ platform, extra: Object.keys(body).filter((key) => !(key in schema.properties)) }).toEqual({ platform, extra: [] });
			expect({ platform, missing: (schema.required ?? []).filter((key: string) => !(key in body)) }).toEqual({ platform, missing: [] });
		}
		figures['attach bodies checked against their DTO'] = Object.keys(attachBodies).length;
	});
});
