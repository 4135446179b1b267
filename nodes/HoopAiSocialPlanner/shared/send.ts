import { NodeApiError, sleep, type INode, type JsonObject } from 'n8n-workflow';
import { apiError } from './errors';
import { DailyLimitSpent, type RateLimiter, type Turn } from './rateLimit';
import { redactText } from './secrets';

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

export interface ApiAnswer {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

const answers = new WeakMap<object, ApiAnswer>();

/** Marks an error as made from an API answer, so the retry loop can tell a 429 from a 500. */
export function withAnswer<E extends object>(error: E, answer: ApiAnswer): E {
	answers.set(error, answer);
	return error;
}

export function answerOf(error: unknown): ApiAnswer | undefined {
	return typeof error === 'object' && error !== null ? answers.get(error) : undefined;
}

/** Codes of a transport error and its causes (n8n wraps the HTTP client's error). */
function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	for (let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string') codes.push(current.code);
		if (typeof current.message === 'string' && /socket hang up|timeout/i.test(current.message)) codes.push(current.message);
		current = current.cause as typeof current;
	}
	return codes;
}

/** The request never left (nothing listening, no such host): always safe to send again. */
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
/** The request may have arrived and been carried out: the answer was lost or late. */
const MAYBE_ARRIVED = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET'];

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

function inWords(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60_000));
	return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function dailyLimitError(node: INode, spent: DailyLimitSpent, now = Date.now()): NodeApiError {
	const limit = spent.limit ? ` (${spent.limit.toLocaleString('en-US')} requests a day for this location)` : '';
	return new NodeApiError(node, { message: spent.message } as JsonObject, {
		message: `${spent.message}${limit}`,
		description: `It resets at ${new Date(spent.resetsAt).toISOString()} (in ${inWords(spent.resetsAt - now)}). Nothing was sent.`,
		httpCode: '429',
	});
}

/** Creates that may or may not have been carried out: never sent again, not even by Retry On Fail. */
const unsureCreates = new WeakSet<object>();

function mayHaveCreatedError(node: INode, error: unknown): NodeApiError {
	const unsure = new NodeApiError(node, { message: 'No answer to a create' } as JsonObject, {
		message: 'No answer from HoopAI after sending a create: it may have been carried out',
		description: `The node does not send a create twice when it cannot tell whether the first one arrived. Check before running it again. (${errorCodes(error)[0] ?? 'no answer'})`,
		httpCode: answerOf(error)?.statusCode ? String(answerOf(error)?.statusCode) : undefined,
	});
	unsureCreates.add(unsure);
	return unsure;
}

interface RawHttpAnswer {
	status?: number;
	data?: unknown;
	headers?: Record<string, unknown>;
}

/**
 * The error to show for a failed attempt. Ours (made from an answer's body, redacted) stay as they
 * are. n8n-core's keep the HTTP client's raw error as `cause` (its config holds the request's
 * Authorization header; an OAuth2 token endpoint's error holds the client secret) and may carry a
 * raw answer: they are made again from the answer's HighLevel message, or from their text alone.
 */
export function cleanError(node: INode, error: unknown): unknown {
	if (!(error instanceof Error) || answerOf(error)) return error;
	const wrapped = error as NodeApiError & { cause?: { response?: RawHttpAnswer } };
	if (error instanceof NodeApiError && wrapped.cause === undefined && !wrapped.context?.data) return error;
	const answer = wrapped.cause?.response;
	if (answer?.status) {
		const response = { statusCode: answer.status, body: answer.data, headers: answer.headers };
		return withAnswer(apiError(node, response), response);
	}
	const message = redactText(error.message);
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: wrapped.description ? redactText(wrapped.description) : undefined,
		httpCode: wrapped.httpCode ?? undefined,
	});
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
	/** Told each attempt's turn, for callers that can finish it as soon as the answer is in. */
	onTurn?: (turn: Turn) => void;
}

function fitsBefore(deadline: number | undefined, waitMs: number): boolean {
	return deadline === undefined || Date.now() + waitMs < deadline;
}

async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	signal?.throwIfAborted();
	await sleep(ms);
}

/**
 * Sends one request the way every request of the package is sent: paced by the location's rate
 * limiter, resent after a 429 once the window has passed, and resent with backoff after 5xx,
 * timeouts and lost connections unless that could create something twice. `attempt` throws on
 * failure; an error made from an API answer carries it (`withAnswer`).
 */
export async function sendWithRetries<T>(policy: SendPolicy, attempt: () => Promise<T>): Promise<T> {
	let rateLimited = 0;
	let transient = 0;
	let mayHaveArrived = false;
	for (;;) {
		const turn = await policy.limiter.take(policy.signal).catch((error: unknown) => {
			throw error instanceof DailyLimitSpent ? dailyLimitError(policy.node, error) : error;
		});
		policy.onTurn?.(turn);
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
		if (failure === 'final' && mayHaveArrived && answerOf(error)?.statusCode === 404 && policy.whenGone) return (await policy.whenGone()) as T;
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

const createdInRun = new WeakMap<object, Map<string, unknown>>();

/**
 * A create that n8n's "Retry On Fail" runs again within the same node run (the same execute data)
 * returns what the first try created instead of creating it twice: n8n re-runs every item of a
 * node that failed, the ones that had succeeded included. One that may or may not have been
 * carried out fails again the same way.
 */
export async function createOnce<T>(run: object | undefined, key: string, create: () => Promise<T>): Promise<T> {
	if (!run) return await create();
	let created = createdInRun.get(run);
	if (!created) {
		created = new Map();
		createdInRun.set(run, created);
	}
	if (created.has(key)) {
		const earlier = created.get(key);
		if (earlier instanceof Error) throw earlier;
		return earlier as T;
	}
	const result = await create().catch((error: unknown) => {
		// Retry On Fail must not send what may already exist: it fails the same way again.
		if (error instanceof Error && unsureCreates.has(error)) created.set(key, error);
		throw error;
	});
	created.set(key, result);
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
