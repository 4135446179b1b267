import {
	NodeApiError,
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INode,
	type JsonObject,
} from 'n8n-workflow';
import {
	answerOf,
	apiError,
	cleanError,
	dailyLimitError,
	errorCodes,
	isUnsureCreate,
	locationTokenRefusedError,
	mayHaveCreatedError,
	withAnswer,
} from './errors';
import { multipartBody, type FormPart } from './multipart';
import { pause } from './pause';
import { DailyLimitSpent, type RateLimiter } from './rateLimit';
import { LOCATION_PLACEHOLDER } from './request';
import { runOf, type ApiContext, type LocationScope, type RunState } from './run';

/**
 * What sending a request again would do:
 * - `read` and `idempotent` (GET, PUT, DELETE, the read-only POSTs): the same again, so any
 *   transient failure is retried;
 * - `delete`: the same again, but a delete whose first attempt may have arrived can be answered
 *   404 on the next: that means it was deleted;
 * - `create`: a second post, comment…, so it is sent again only when the first surely did not
 *   arrive, or when a lookup shows it did not create anything.
 */
export type RequestEffect = 'read' | 'idempotent' | 'delete' | 'create';

export function effectOfMethod(method: string | undefined): RequestEffect {
	const verb = (method ?? 'GET').toUpperCase();
	if (verb === 'GET') return 'read';
	if (verb === 'DELETE') return 'delete';
	return verb === 'POST' ? 'create' : 'idempotent';
}

/** Tuning, one object so tests (and the soak benchmark) can shorten the waits. */
export const sendSettings = {
	/** One attempt may take this long before it counts as a timeout. */
	attemptTimeoutMs: 60_000,
	/** First wait before resending after a 5xx, a timeout or a lost connection; doubles each time. */
	backoffMs: 1_000,
	/** Resends after 5xx, timeouts and lost connections. */
	maxTransientRetries: 3,
	/** Resends after a 429 (each waits the window the API names). */
	maxRateLimitRetries: 5,
	/** Longest wait after a 429. */
	maxRateLimitWaitMs: 60_000,
};

/** An API answer as the package reads it (error answers too). */
export interface ApiResponse {
	statusCode: number;
	body: IDataObject;
	headers: IDataObject;
}

/** The request never left (nothing listening, no such host): always safe to send again. */
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
/** The request may have arrived and been carried out: the answer was lost or late. */
const MAYBE_ARRIVED = [
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
];

type Failure = 'rateLimited' | 'notSent' | 'mayHaveArrived' | 'final';

function failureOf(error: unknown): Failure {
	const answer = answerOf(error);
	if (answer) {
		if (answer.statusCode === 429) return 'rateLimited';
		return answer.statusCode >= 500 ? 'mayHaveArrived' : 'final';
	}
	const codes = errorCodes(error);
	if (codes.some((code) => NOT_SENT.includes(code))) return 'notSent';
	if (codes.some((code) => MAYBE_ARRIVED.includes(code) || /socket hang up|timeout/i.test(code))) return 'mayHaveArrived';
	return 'final';
}

export interface SendPolicy {
	node: INode;
	limiter: RateLimiter;
	effect: RequestEffect;
	signal?: AbortSignal;
	/** No wait may end after this time (ms since the epoch): the trigger's poll has a budget. */
	deadline?: number;
	/**
	 * For creates: after an attempt that may have arrived, finds what it created (undefined: it
	 * created nothing, so sending again makes no duplicate). Without it such a create fails.
	 */
	findCreated?: () => Promise<unknown>;
	/** For deletes: the result when a resend is answered 404 because an earlier attempt deleted it. */
	whenGone?: () => Promise<unknown>;
	/** Agency mode: after a 401, gets a new location token (once per request); the request is sent again. */
	renewToken?: () => Promise<void>;
}

function fitsBefore(deadline: number | undefined, waitMs: number): boolean {
	return deadline === undefined || Date.now() + waitMs < deadline;
}

/**
 * Sends one request the way every request of the package is sent: paced by the location's rate
 * limiter, resent after a 429 once the window has passed, and resent with backoff after 5xx,
 * timeouts and lost connections unless that could create something twice. `attempt` throws on
 * failure; an error made from an API answer carries it (`withAnswer`).
 */
async function sendWithRetries<T>(policy: SendPolicy, attempt: () => Promise<T>): Promise<T> {
	let rateLimited = 0;
	let transient = 0;
	let mayHaveArrived = false;
	let renewed = false;
	for (;;) {
		const turn = await policy.limiter.take(policy.signal).catch((error: unknown) => {
			throw error instanceof DailyLimitSpent ? dailyLimitError(policy.node, error) : error;
		});
		let caught: unknown;
		try {
			const result = await attempt();
			turn.finish();
			return result;
		} catch (thrown) {
			turn.finish();
			caught = thrown;
		}
		const failure = failureOf(caught);
		const error = cleanError(policy.node, caught);
		if (failure === 'rateLimited') {
			const spent = policy.limiter.dailySpent();
			if (spent) throw dailyLimitError(policy.node, spent);
			const waitMs = policy.limiter.rateLimitWait(answerOf(error)?.headers, sendSettings.maxRateLimitWaitMs);
			if (rateLimited++ >= sendSettings.maxRateLimitRetries || !fitsBefore(policy.deadline, waitMs)) throw error;
			policy.limiter.pauseFor(waitMs);
			continue;
		}
		// A refused location token: nothing was carried out, so a create too is sent again with a new one.
		if (failure === 'final' && answerOf(error)?.statusCode === 401 && policy.renewToken && !renewed) {
			renewed = true;
			await policy.renewToken();
			continue;
		}
		if (failure === 'final' && mayHaveArrived && answerOf(error)?.statusCode === 404 && policy.whenGone)
			return (await policy.whenGone()) as T;
		mayHaveArrived ||= failure === 'mayHaveArrived';
		const backoffMs = sendSettings.backoffMs * 2 ** transient * (1 + Math.random() / 4);
		if (failure === 'mayHaveArrived' && policy.effect === 'create') {
			// Give the server the backoff to finish, then look: found, it is the result; not found,
			// sending again makes no duplicate. Out of retries after such an attempt: unsure.
			await pause(backoffMs, policy.signal);
			const created = await findCreated(policy, caught);
			if (created !== undefined) return created as T;
			if (transient++ >= sendSettings.maxTransientRetries) throw mayHaveCreatedError(policy.node, caught);
			continue;
		}
		if (failure === 'final' || transient >= sendSettings.maxTransientRetries || !fitsBefore(policy.deadline, backoffMs)) throw error;
		transient++;
		await pause(backoffMs, policy.signal);
	}
}

/** What a create that may have arrived made; fails "unsure" when it cannot be looked up. */
async function findCreated(policy: SendPolicy, caught: unknown): Promise<unknown> {
	if (!policy.findCreated) throw mayHaveCreatedError(policy.node, caught);
	try {
		return await policy.findCreated();
	} catch {
		throw mayHaveCreatedError(policy.node, caught);
	}
}

/** What HTTP errors a request lets through: all, except an OAuth2 token's 401 (n8n refreshes it). */
function passedHttpErrors(scope: LocationScope): IHttpRequestOptions['ignoreHttpStatusErrors'] {
	return scope.credentialType === 'hoopAiOAuth2Api' ? { ignore: true, except: [401] } : true;
}

/** The execution's cancel signal, so waits for the rate limit end when the user stops the run. */
function cancelSignalOf(context: object): AbortSignal | undefined {
	const withSignal = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function' ? withSignal.getExecutionCancelSignal() : undefined;
}

/** Where a request needs the location: its path, and `locationId` query or body fields that ask for it. */
export function fillLocation(http: IHttpRequestOptions, locationId: string): void {
	http.url = http.url.replace(LOCATION_PLACEHOLDER, encodeURIComponent(locationId));
	for (const fields of [http.qs, http.body] as Array<IDataObject | undefined>) {
		if (fields && typeof fields === 'object' && !Buffer.isBuffer(fields) && fields.locationId === LOCATION_PLACEHOLDER)
			fields.locationId = locationId;
	}
}

export type SendOptions = Omit<SendPolicy, 'node' | 'limiter' | 'signal'>;

/**
 * The one send path: every request of the package (a routed operation's, a custom operation's,
 * JSON or multipart, a dropdown's, the trigger's) is sent here, to a location's scope, with the
 * credential's host and authentication, paced and retried (`sendWithRetries`). The API's answer
 * comes back, error answers included: each caller explains its endpoint's errors.
 */
export async function send(
	context: ApiContext,
	scope: LocationScope,
	http: IHttpRequestOptions,
	options: SendOptions,
): Promise<ApiResponse> {
	const { limiter } = scope;
	const request: IHttpRequestOptions = {
		...http,
		returnFullResponse: true,
		ignoreHttpStatusErrors: passedHttpErrors(scope),
		timeout: sendSettings.attemptTimeoutMs,
	};
	// The credential of the last attempt: a location token it held that is refused is the one renewed.
	let sentWith = scope.credentialsDecrypted;
	const attempt = async (): Promise<ApiResponse> => {
		sentWith = scope.credentialsDecrypted;
		const response: IN8nHttpFullResponse = await context.helpers.httpRequestWithAuthentication.call(
			context,
			scope.credentialType,
			request,
			sentWith ? { credentialsDecrypted: sentWith } : undefined,
		);
		const body =
			typeof response.body === 'object' && response.body !== null && !Buffer.isBuffer(response.body) ? (response.body as IDataObject) : {};
		const answer = { statusCode: response.statusCode, body, headers: (response.headers ?? {}) as IDataObject };
		limiter.observe(answer.headers);
		// Thrown for the retry loop to look at (a 429, a 5xx, a delete's 404 after a lost answer);
		// returned to the caller, who explains its endpoint's errors, if it is still the answer.
		if (answer.statusCode >= 400) throw withAnswer(new Error(`HTTP ${answer.statusCode}`), answer);
		return answer;
	};
	try {
		const renewToken = scope.renewToken && (async () => await scope.renewToken?.(sentWith));
		return await sendWithRetries({ ...options, node: context.getNode(), limiter, signal: cancelSignalOf(context), renewToken }, attempt);
	} catch (error) {
		const answer = answerOf(error) as ApiResponse | undefined;
		if (answer?.statusCode === 401 && scope.renewToken) throw locationTokenRefusedError(context.getNode(), scope.locationId, answer);
		if (answer?.body) return answer;
		// Ours come back as they are (the unsure-create error, the daily limit); others (an abort) are wrapped.
		throw error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
	}
}

export interface RequestOptions {
	qs?: IDataObject;
	/** A JSON body. */
	body?: IDataObject;
	/** A multipart/form-data body instead (a file upload). */
	form?: FormPart[];
	/** The Version header, when the endpoint documents only one (else the credential's). */
	apiVersion?: string;
	/** The location it goes to: by default the run's (the credential's). */
	scope?: LocationScope;
	/** What sending it twice would do; by default from the method (POST: a create). */
	effect?: RequestEffect;
	/** No wait for the rate limit or a retry may end after this time (the trigger's poll budget). */
	deadline?: number;
	/** For a create: finds what an attempt that got no answer created (see SendPolicy). */
	findCreated?: () => Promise<ApiResponse | undefined>;
}

/**
 * A request made in code (custom operations, list searches, dropdowns, the trigger) to a path of
 * the API: `{locationId}` in the path, and `locationId: '{locationId}'` in the query or body, are
 * the location's. Error answers are returned.
 */
export async function apiResponse(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions = {},
): Promise<ApiResponse> {
	const scope = options.scope ?? (await runOf(this).scope());
	const form = options.form ? multipartBody(options.form) : undefined;
	const http: IHttpRequestOptions = {
		method,
		url: `${scope.connection.baseUrl}${path}`,
		qs: options.qs && { ...options.qs },
		body: form ? form.body : options.body && { ...options.body },
		json: true,
		headers: {
			Version: options.apiVersion ?? scope.connection.apiVersion,
			...(form ? { 'Content-Type': form.contentType, Accept: 'application/json' } : {}),
		},
	};
	fillLocation(http, scope.locationId);
	return await send(this, scope, http, {
		effect: options.effect ?? effectOfMethod(method),
		deadline: options.deadline,
		findCreated: options.findCreated,
	});
}

/** apiResponse for callers that want the body, or a NodeApiError for an error answer. */
export async function apiRequest(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions = {},
): Promise<IDataObject> {
	const response = await apiResponse.call(this, method, path, options);
	if (response.statusCode >= 400) throw apiError(this.getNode(), response);
	return response.body;
}

/**
 * A create that n8n's "Retry On Fail" runs again within the same node run returns what the first
 * try created instead of creating it twice: n8n re-runs every item of a node that failed, the
 * ones that had succeeded included. One that may or may not have been carried out fails again
 * the same way.
 */
export async function createOnce<T>(run: RunState, key: string, create: () => Promise<T>): Promise<T> {
	if (run.created.has(key)) {
		const earlier = run.created.get(key);
		if (earlier instanceof Error) throw earlier;
		return earlier as T;
	}
	const result = await create().catch((error: unknown) => {
		// Retry On Fail must not send what may already exist: it fails the same way again.
		if (isUnsureCreate(error)) run.created.set(key, error);
		throw error;
	});
	run.created.set(key, result);
	return result;
}

/** JSON with sorted keys: the same body gives the same key whatever the order it was built in. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
