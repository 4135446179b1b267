import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, loadOptions, Poller, runNode, testCredential, type TestCredentials } from '../harness/n8n';
import { forgetRateLimits, restoreSendSettings, tuneSendSettings } from '../harness/send-path';
import { startRecordingServer, type RecordedRequest, type Reply } from '../helpers/recording-server';
import { printFigures } from '../helpers/report';
import { captureLogs, safeJson, secretForms } from '../helpers/secrets';
import { itSentOnlyDocumentedRequests, locationOf, useSampleSimulator, type Simulator } from '../helpers/simulator';
import type { FaultConfig } from '../simulator';

/**
 * R4 canary. Every operation of the action node, every dropdown and list search, the credential
 * test and the trigger (polls and Fetch Test Event) run with unique canary secrets — on success,
 * on API errors, when a gateway echoes the request back (token unredacted), on connection resets
 * and through OAuth2 token refreshes — and every place a secret could surface is searched for
 * them, as is and encoded (JSON, URL, base64): output items, thrown errors (message,
 * description, JSON, context, messages, stack, cause), the error as n8n stores it for an
 * execution, Continue On Fail items, and the logs (n8n's LoggerProxy, n8n-core's Logger, console).
 */

const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
// Some with `+ / =`, so their URL-encoded and base64 forms differ from the raw text.
const CANARY = {
	token: `pit-canary-${unique}-tok`,
	accessToken: `canaryAT.${unique}.access`,
	refreshedAccessToken: `canaryAT2.${unique}.fresh`,
	refreshToken: `canaryRT+${unique}/refresh=`,
	clientId: `canaryCID-${unique}-client`,
	clientSecret: `canaryCS+${unique}/secret=`,
};
const FORMS = Object.entries(CANARY).flatMap(([secret, value]) => secretForms(value).map((form) => ({ secret, ...form })));

interface Place {
	/** Operation / credential / scenario / what was looked at. */
	where: string;
	credential: string;
	scenario: string;
	kind: string;
	text: string;
}
interface Hit {
	where: string;
	secret: string;
	form: string;
}

function hitsIn(places: Place[]): Hit[] {
	return places.flatMap((place) =>
		FORMS.filter((form) => place.text.includes(form.text)).map((form) => ({ where: place.where, secret: form.secret, form: form.form })),
	);
}

/**
 * Places only the send path keeps clean (shared/send.ts `cleanError`): both come from the error
 * n8n-core's HTTP helper throws, which the send path makes again instead of passing it on.
 */
const SEND_PATH_PLACES: Record<string, (place: Place) => boolean> = {
	// n8n-core wraps its raw error as the NodeApiError's non-enumerable `cause`: axios's, whose
	// config holds the request headers (Authorization), or client-oauth2's, holding the token
	// endpoint's answer. n8n neither shows nor stores a cause (toJSON keeps its name and message),
	// but whatever serialises the error in full does.
	'the HTTP helper’s raw error kept as cause': (place) =>
		place.kind === 'cause JSON' && ['connection reset', 'HTTP 401', 'refresh echo', 'echo 401'].includes(place.scenario),
	// OAuth2 lets a 401 through to n8n (to refresh the token); when the retry is refused too,
	// n8n-core builds the NodeApiError from the raw answer (description = its message, context.data
	// = its body), so an answer echoing the request shows and stores the refreshed token.
	'OAuth2: n8n-core’s error for a 401 made from the raw answer': (place) => place.credential === 'oauth2' && place.scenario === 'echo 401',
};
const cleanedBySendPath = (place: Place) => Object.values(SEND_PATH_PLACES).some((matches) => matches(place));

type ErrorLike = Error & IDataObject;

/** Every way an error is shown, stored or logged. */
function errorTexts(error: ErrorLike): Array<[kind: string, text: string]> {
	const texts: Array<[string, string]> = [
		['message', String(error.message)],
		['description', String(error.description ?? '')],
		['JSON', safeJson(error)],
		// What WorkflowExecute keeps for the run and saves: the error's own enumerable fields.
		['as n8n stores it', safeJson({ ...error, message: error.message, stack: error.stack })],
		['context', safeJson(error.context)],
		['messages', safeJson(error.messages)],
		['stack', String(error.stack ?? '')],
	];
	const cause = (error as { cause?: unknown }).cause;
	if (cause !== undefined) texts.push(['cause JSON', safeJson(cause)], ['cause message', String((cause as Error).message ?? cause)]);
	return texts;
}

// The error WorkflowExecute caught from the node, before it keeps a copy of it for the run.
const thrown: ErrorLike[] = [];
type Reporter = { reportNodeExecutionError: (this: unknown, error: ErrorLike, ...rest: unknown[]) => unknown };
const reporter = WorkflowExecute.prototype as unknown as Reporter;
const reportNodeExecutionError = reporter.reportNodeExecutionError;
const reportSpy = jest.spyOn(reporter, 'reportNodeExecutionError').mockImplementation(function (
	this: unknown,
	error: ErrorLike,
	...rest: unknown[]
) {
	thrown.push(error);
	return reportNodeExecutionError.call(this, error, ...rest);
});

describe('secrets canary: no token, OAuth token or client secret in outputs, errors or logs', () => {
	const sim = useSampleSimulator((started) => prepare(started));
	let tokenServer: Awaited<ReturnType<typeof startRecordingServer>>;
	let tokenEndpoint: (request: RecordedRequest) => Reply;
	let logs: ReturnType<typeof captureLogs>;
	const places: Place[] = [];

	beforeAll(async () => {
		// The retries after resets, 5xx and 429s run as in production, only without the waits.
		tuneSendSettings({ backoffMs: 1, maxRateLimitWaitMs: 10 });
		tokenServer = await startRecordingServer((request) => tokenEndpoint(request));
		logs = captureLogs();
	});
	afterAll(async () => {
		restoreSendSettings();
		logs.stop();
		reportSpy.mockRestore();
		await tokenServer.close();
	});

	/** The canary tokens are valid; limits out of the way (the 429 scenarios set their own). */
	function prepare(started: Simulator) {
		started.control.setRateLimit({ max: 1_000_000, daily: 10_000_000, intervalMs: 10 });
		for (const token of [CANARY.token, CANARY.accessToken, CANARY.refreshedAccessToken]) {
			started.control.addToken({ token, locationId: started.locationId });
		}
	}

	const tokenCredential = (): TestCredentials => ({
		type: 'hoopAiApi',
		data: { accessToken: CANARY.token, locationId: sim().locationId, userId: sim().userId, apiVersion: '2021-07-28', baseUrl: sim().url },
	});
	const oauthCredential = (accessToken: string): TestCredentials => ({
		type: 'hoopAiOAuth2Api',
		data: {
			grantType: 'authorizationCode',
			authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			accessTokenUrl: `${tokenServer.url}/oauth/token`,
			clientId: CANARY.clientId,
			clientSecret: CANARY.clientSecret,
			scope: 'socialplanner/post.readonly',
			authentication: 'body',
			apiVersion: '2021-07-28',
			baseUrl: sim().url,
			oauthTokenData: {
				access_token: accessToken,
				refresh_token: CANARY.refreshToken,
				token_type: 'Bearer',
				locationId: sim().locationId,
				userId: sim().userId,
			},
		},
	});

	const refreshOk = (): Reply => ({
		status: 200,
		body: {
			access_token: CANARY.refreshedAccessToken,
			refresh_token: CANARY.refreshToken,
			token_type: 'Bearer',
			expires_in: 86399,
			locationId: sim().locationId,
		},
	});
	/** A token endpoint that echoes the refresh request: client ID, secret and refresh token. */
	const refreshEcho = (request: RecordedRequest): Reply => ({
		status: 400,
		body: {
			error: 'invalid_request',
			error_description: `echo: ${safeJson(request.headers)} ${String(request.body)}`,
			request: { headers: request.headers, body: request.body },
		},
	});

	interface Scenario {
		name: string;
		/** What goes wrong (faults, limits), applied after the simulator's reset. */
		apply?: (started: Simulator) => void;
		/** OAuth2 only: an access token the API refuses, so n8n refreshes it. */
		staleToken?: boolean;
		/** How the OAuth2 token endpoint answers a refresh. */
		token?: (request: RecordedRequest) => Reply;
	}
	const faults = (config: FaultConfig) => (started: Simulator) => started.control.injectFaults(config);
	const SCENARIOS: Scenario[] = [
		{ name: 'success' },
		...[401, 403, 404, 422, 500].map((status) => ({ name: `HTTP ${status}`, apply: faults({ errorRate: 1, errorStatus: status }) })),
		{ name: 'HTTP 429', apply: faults({ rateLimitRate: 1 }) },
		{ name: 'HTTP 429 daily limit', apply: (started: Simulator) => started.control.setRateLimit({ daily: 0 }) },
		...[400, 401, 422, 500].map((status) => ({ name: `echo ${status}`, apply: faults({ echoRate: 1, errorStatus: status }) })),
		{ name: 'connection reset', apply: faults({ resetRate: 1 }) },
		{ name: 'refresh', staleToken: true },
		{ name: 'refresh echo', staleToken: true, token: refreshEcho },
	];
	const credentialsFor = (scenario: Scenario) => [
		...(scenario.staleToken ? [] : [{ name: 'token', credentials: tokenCredential() }]),
		{ name: 'oauth2', credentials: oauthCredential(scenario.staleToken ? 'canary-stale-access-token' : CANARY.accessToken) },
	];
	const authenticationOf = (credentials: TestCredentials): INodeParameters =>
		credentials.type === 'hoopAiOAuth2Api' ? { authentication: 'oAuth2' } : {};

	type RecordText = (what: string, kind: string, text: string) => void;
	type RecordError = (what: string, error: ErrorLike) => void;

	/**
	 * Runs `run` once per scenario and credential on a fresh simulator, recording what it hands
	 * over, the errors WorkflowExecute caught and the log lines written meanwhile. The scenario's
	 * faults are applied first, unless `run` applies them itself (`appliesFaults`).
	 */
	async function eachScenario(
		label: string,
		run: (credentials: TestCredentials, record: RecordText, recordError: RecordError, scenario: Scenario) => Promise<void>,
		appliesFaults = false,
	) {
		for (const scenario of SCENARIOS) {
			for (const { name, credentials } of credentialsFor(scenario)) {
				sim().control.reset('sample');
				forgetRateLimits();
				prepare(sim());
				tokenEndpoint = scenario.token ?? refreshOk;
				if (!appliesFaults) scenario.apply?.(sim());
				const prefix = `${label} / ${name} / ${scenario.name}`;
				const record: RecordText = (what, kind, text) =>
					places.push({ where: `${prefix} / ${what}${kind}`, credential: name, scenario: scenario.name, kind, text });
				const recordError: RecordError = (what, error) => {
					for (const [kind, text] of errorTexts(error)) record(`${what} `, kind, text);
				};
				const [thrownBefore, logsBefore] = [thrown.length, logs.lines.length];
				await run(credentials, record, recordError, scenario);
				for (const error of thrown.slice(thrownBefore)) recordError('thrown error', error);
				for (const line of logs.lines.slice(logsBefore)) record('', 'log line', line);
			}
		}
	}

	/** One operation of the action node in every scenario, with and without Continue On Fail. */
	async function runOperation(parameters: INodeParameters) {
		await eachScenario(
			`${String(parameters.resource)}.${String(parameters.operation)}`,
			async (credentials, record, recordError, scenario) => {
				for (const continueOnFail of scenario.name === 'success' ? [false] : [false, true]) {
					const how = continueOnFail ? 'continue on fail / ' : '';
					const result = await runNode({ parameters: { ...authenticationOf(credentials), ...parameters }, credentials, continueOnFail });
					record(how, 'output items', safeJson(result.items));
					if (result.error) record(how, 'stored execution error', safeJson(result.error));
					for (const [index, item] of result.items.entries()) {
						if (item.error) recordError(`${how}item ${index} error`, item.error as unknown as ErrorLike);
					}
				}
			},
		);
	}

	const location = () => locationOf(sim());
	const account = (platform: string) =>
		location().accounts.find((candidate: IDataObject) => candidate.platform === platform && !candidate.isExpired) as IDataObject;
	const ref = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });

	it('an echoed request still says what went wrong, with the credentials as ***', async () => {
		sim().control.injectFaults({
			next: [
				{ kind: 'echo', status: 400 },
				{ kind: 'echo', status: 422 },
			],
		});
		const parameters = { resource: 'account', operation: 'getAll', returnAll: true };
		const [text, lines] = [
			await runNode({ parameters, credentials: tokenCredential() }),
			await runNode({ parameters, credentials: tokenCredential() }),
		];
		expect(text.error?.message).toContain(`GET /social-media-posting/${sim().locationId}/accounts`);
		expect(text.error?.message).toContain('authorization: ***');
		expect(text.error?.description).toMatch(/^traceId: \S+$/);
		expect((text.error as unknown as IDataObject).httpCode).toBe('400');
		expect(lines.error?.description).toContain('- authorization: ***');
		expect(lines.error?.description).toMatch(/traceId: \S+$/);
		expect(
			hitsIn([
				{ where: 'echo', credential: 'token', scenario: 'echo', kind: 'stored execution error', text: safeJson([text.error, lines.error]) },
			]),
		).toEqual([]);
	});

	it('Post: every operation', async () => {
		const post = () => location().posts.find((candidate: IDataObject) => candidate.status === 'scheduled') as IDataObject;
		await runOperation({
			resource: 'post',
			operation: 'create',
			accountIds: [String(account('facebook').id)],
			status: 'draft',
			summary: 'Canary',
		});
		await runOperation({ resource: 'post', operation: 'get', postId: ref(post()._id) });
		await runOperation({ resource: 'post', operation: 'getAll', returnAll: true });
		await runOperation({ resource: 'post', operation: 'update', postId: ref(post()._id), updateFields: { summary: 'Canary' } });
		await runOperation({ resource: 'post', operation: 'delete', postId: ref(post()._id) });
		await runOperation({ resource: 'post', operation: 'bulkDelete', postIds: String(post()._id) });
	});

	it('Account, Category, Comment, Statistic and Tag: every operation', async () => {
		const comment = () => location().comments.find((candidate: IDataObject) => candidate.platform === 'facebook') as IDataObject;
		await runOperation({ resource: 'account', operation: 'getAll', returnAll: true });
		await runOperation({ resource: 'account', operation: 'delete', accountId: ref(account('linkedin').id) });
		await runOperation({ resource: 'category', operation: 'getAll', returnAll: true });
		await runOperation({ resource: 'category', operation: 'get', categoryId: ref(location().categories[0]._id) });
		await runOperation({
			resource: 'comment',
			operation: 'getAll',
			platform: 'facebook',
			originIds: [String(account('facebook').originId)],
			returnAll: true,
		});
		await runOperation({
			resource: 'comment',
			operation: 'create',
			platform: 'facebook',
			parentId: String(comment()._id),
			isParentThread: false,
			content: 'Canary',
		});
		await runOperation({ resource: 'comment', operation: 'like', platform: 'facebook', commentId: String(comment()._id) });
		await runOperation({ resource: 'comment', operation: 'unlike', platform: 'facebook', commentId: String(comment()._id) });
		await runOperation({ resource: 'statistics', operation: 'get' });
		await runOperation({ resource: 'tag', operation: 'getAll', returnAll: true });
	}, 60_000); // about 25 s alone on 2 cores; over 30 s when the whole suite shares them

	it('Account Connection: the connect page (it holds a nonce made from the credential, never the credential)', async () => {
		await runOperation({
			resource: 'accountConnection',
			operation: 'buildConnectPage',
			callbackUrl: 'https://n8n.example.com/webhook/hoopai-connect-callback',
		});
	});

	it('every dropdown and list search, and the credential test', async () => {
		const dropdowns: Array<[string, INodeParameters]> = [
			['getAccounts', { resource: 'post', operation: 'create' }],
			['getCategories', { resource: 'post', operation: 'create' }],
			['getCommentAccounts', { resource: 'comment', operation: 'getAll', platform: 'facebook' }],
			['getProfiles', { resource: 'statistics', operation: 'get' }],
			['getTags', { resource: 'post', operation: 'create' }],
			['getTimezones', { resource: 'post', operation: 'create' }],
			['getUsers', { resource: 'post', operation: 'create' }],
		];
		const searches = ['searchAccounts', 'searchCategories', 'searchPosts'];
		await eachScenario('dropdowns', async (credentials, record, recordError) => {
			const attempt = async (what: string, load: () => Promise<unknown>) => {
				try {
					record(`${what} / `, 'answer', safeJson(await load()));
				} catch (error) {
					recordError(`${what} / thrown error`, error as ErrorLike);
				}
			};
			const parameters = (extra: INodeParameters) => ({ ...authenticationOf(credentials), ...extra });
			for (const [method, extra] of dropdowns)
				await attempt(method, async () => await loadOptions(method, { parameters: parameters(extra), credentials }));
			for (const method of searches) {
				await attempt(
					method,
					async () => await listSearch(method, { parameters: parameters({ resource: 'post', operation: 'get' }), credentials }),
				);
			}
			// n8n tests an OAuth2 credential by its token, without a request.
			if (credentials.type === 'hoopAiApi') await attempt('credential test', async () => await testCredential(credentials));
		});
	});

	it('the trigger: activation, a poll and Fetch Test Event', async () => {
		await eachScenario(
			'trigger',
			async (credentials, record, recordError, scenario) => {
				const poller = await Poller.create({
					parameters: { ...authenticationOf(credentials), events: ['newPost', 'statusChanged', 'postDeleted'] },
					credentials,
					pollBudgetMs: 1000,
				});
				const poll = async (what: string, run: () => Promise<unknown>) => {
					try {
						record(`${what} / `, 'output', safeJson(await run()));
					} catch (error) {
						recordError(`${what} / thrown error`, error as ErrorLike);
					}
				};
				// Activated while the API works (but for a stale OAuth2 token), so the next poll has posts to report.
				await poll('activation', async () => await poller.activate());
				sim().control.advanceClock(2 * 60 * 60 * 1000);
				scenario.apply?.(sim());
				await poll('poll', async () => await poller.poll('trigger'));
				await poll('Fetch Test Event', async () => await poller.poll('manual'));
				record('', 'static data', safeJson(poller.staticData()));
			},
			true,
		);
	});

	let figuresPrinted = false;
	/** The places with the log lines, printed once with their hits. */
	function checked(): Place[] {
		if (!figuresPrinted) {
			figuresPrinted = true;
			const hits = hitsIn(places.filter((place) => !cleanedBySendPath(place)));
			const left = hitsIn(places.filter(cleanedBySendPath));
			const kinds = new Set(places.map((place) => place.kind));
			printFigures('Secrets canary: places checked for the canaries (raw, JSON, URL, base64)', {
				'secret forms searched': FORMS.length,
				'places checked': places.length,
				...Object.fromEntries([...kinds].map((kind) => [`  ${kind}`, places.filter((place) => place.kind === kind).length])),
				'scenario runs': new Set(places.map((place) => place.where.split(' / ').slice(0, 3).join(' / '))).size,
				hits: hits.length,
				'hits in errors the send path makes again': left.length,
				...Object.fromEntries(
					Object.entries(SEND_PATH_PLACES).map(([name, matches]) => [`  ${name}`, hitsIn(places.filter(matches)).length]),
				),
			});
			const shown = [...hits, ...left].slice(0, 40);
			if (shown.length)
				printFigures(
					'Secrets canary: first hits',
					Object.fromEntries(shown.map((hit, index) => [`${index + 1}`, `${hit.secret} (${hit.form}) in ${hit.where}`])),
				);
		}
		return places;
	}

	it('finds no canary in output items, errors, stored execution errors or logs', () => {
		const all = checked();
		expect(all.filter((place) => !cleanedBySendPath(place)).length).toBeGreaterThan(10_000);
		expect(all.filter(cleanedBySendPath).length).toBeGreaterThan(0);
		// The secrets were in play: n8n sent the refresh token and client secret to the token endpoint.
		const refreshes = tokenServer.requests.map((request) => String(request.body));
		expect(
			refreshes.some(
				(body) => body.includes(encodeURIComponent(CANARY.refreshToken)) && body.includes(encodeURIComponent(CANARY.clientSecret)),
			),
		).toBe(true);
		expect(hitsIn(all.filter((place) => !cleanedBySendPath(place)))).toEqual([]);
	});

	// The send path (send.ts cleanError) makes these errors again from the answer or their text alone.
	for (const [name, matches] of Object.entries(SEND_PATH_PLACES)) {
		it(`no canary in ${name}`, () => {
			expect(hitsIn(checked().filter(matches))).toEqual([]);
		});
	}

	itSentOnlyDocumentedRequests(sim);
});
