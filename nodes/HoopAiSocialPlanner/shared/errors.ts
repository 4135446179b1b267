import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import type { DailyLimitSpent } from './rateLimit';
import type { ApiConnection } from './run';
import { redactSecrets, redactText } from './secrets';

interface HighLevelErrorBody {
	statusCode?: number;
	message?: string | string[];
	error?: string;
	traceId?: string;
}

/** The API's own words: `message` is a string, or an array of validation messages (422). */
export function apiErrorMessage(body: HighLevelErrorBody | undefined, statusCode: number): string {
	const message = body?.message;
	if (Array.isArray(message) && message.length) return message.join('; ');
	if (typeof message === 'string' && message) return message;
	if (typeof body?.error === 'string' && body.error) return body.error;
	return `The HoopAI API answered with HTTP ${statusCode}`;
}

export interface ErrorResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

/**
 * The NodeApiError for an API error response: the API's message (every line of a 422), its
 * traceId in the description, the HTTP code. Built from the body with credentials redacted
 * (a gateway may echo the request's Authorization header): n8n shows the message and
 * description, and keeps the body with the error it stores and logs.
 */
export function apiError(node: INode, response: ErrorResponse, itemIndex?: number): NodeApiError {
	const raw = typeof response.body === 'object' && response.body !== null ? response.body : {};
	const body = redactSecrets(raw as JsonObject) as HighLevelErrorBody;
	const traceId = body.traceId ?? (response.headers?.['x-trace-id'] as string | undefined);
	const details = Array.isArray(body.message) ? body.message : [];
	return new NodeApiError(node, { ...body, httpCode: response.statusCode } as unknown as JsonObject, {
		message: apiErrorMessage(body, response.statusCode),
		description: [...details.map((line) => `- ${line}`), traceId ? `traceId: ${traceId}` : ''].filter(Boolean).join('\n'),
		httpCode: String(response.statusCode),
		...(itemIndex === undefined ? {} : { itemIndex }),
	});
}

/** A refusal the API is known to give, and what to do about it: added to the API's message, which stays first. */
export interface ApiErrorFix {
	when: RegExp;
	fix: string;
}

/** The API's error with the fix of the first known refusal its message matches (its traceId stays in the description). */
export function withFix(error: NodeApiError, fixes: ApiErrorFix[] = []): NodeApiError {
	const known = fixes.find((candidate) => candidate.when.test(error.message));
	if (known) error.message = `${error.message.replace(/[.\s]+$/, '')}: ${known.fix}`;
	return error;
}

/** No location to send to: the credential names none (an agency install names the agency). Nothing is sent. */
export function noLocationError(node: INode, connection: ApiConnection): NodeOperationError {
	if (connection.install === 'agency') {
		return new NodeOperationError(
			node,
			'This HoopAI OAuth2 credential is an agency install, and the Social Planner works in one sub-account. Reconnect the credential choosing a sub-account (not the agency) on HoopAI’s page, or use a HoopAI API credential with the sub-account’s Access Token.',
			{
				description: `HighLevel answered the connection with an agency (Company) token${connection.companyId ? ` of company ${connection.companyId}` : ''}, which the Social Planner endpoints refuse. The Access Token of a HoopAI API credential is the sub-account’s Private Integration token (Settings → Private Integrations).`,
			},
		);
	}
	return new NodeOperationError(
		node,
		'No Location ID in the credential; set the Location ID in the HoopAI API credential, or connect an OAuth2 token of a sub-account (location)',
		{ description: 'Every Social Planner request is made for one location (sub-account).' },
	);
}

/** What to do when HoopAI did not exchange the agency token for a sub-account's, by what it said. */
const EXCHANGE_FIXES: ApiErrorFix[] = [
	{
		when: /scope/i,
		fix: 'the agency token may not get sub-accounts’ tokens without the oauth.write scope. Tick oauth.write on the Marketplace app (My Apps → your app → Auth), add oauth.write to the credential’s Scope, then reconnect the credential',
	},
	{
		when: /not installed/i,
		fix: 'the Marketplace app is not installed in this sub-account. Install it there (agency view → Marketplace → the app), or choose an installed sub-account from the list',
	},
	{ when: /not active/i, fix: 'the sub-account is paused or cancelled. Reactivate it in HoopAI, or choose another one' },
	{ when: /access to this (location|company)/i, fix: 'the sub-account is not one of this agency’s. Choose it from the list' },
];

/** The exchange for a location token was refused: the API's message and traceId, after the Location it was for, with the fix. */
export function locationTokenError(node: INode, locationId: string, response: ErrorResponse): NodeApiError {
	const error = apiError(node, response);
	const said = error.message.replace(/[.\s]+$/, '');
	const fix =
		EXCHANGE_FIXES.find((candidate) => candidate.when.test(said))?.fix ?? 'check the sub-account’s ID, or choose it from the list';
	error.message = `Location: HoopAI gave no token for sub-account "${locationId}" (${said}): ${fix}`;
	return error;
}

/** A location token refused again right after a new exchange: the item fails, saying what to check. */
export function locationTokenRefusedError(node: INode, locationId: string, response: ErrorResponse): NodeApiError {
	const error = apiError(node, response);
	error.message = `Location: HoopAI refused the token of sub-account "${locationId}" even after exchanging the agency token for a new one (${error.message}); check that the Marketplace app is still installed there and has this operation’s scope, then run again`;
	return error;
}

// The send path's errors (send.ts): what a failed attempt carries, and the errors it ends with.

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

/** The API answer an error was made from, if it was. */
export function answerOf(error: unknown): ApiAnswer | undefined {
	return typeof error === 'object' && error !== null ? answers.get(error) : undefined;
}

/** Codes of a transport error and its causes (n8n wraps the HTTP client's error). */
export function errorCodes(error: unknown): string[] {
	const codes: string[] = [];
	for (
		let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0;
		current && depth < 5;
		depth++
	) {
		if (typeof current.code === 'string') codes.push(current.code);
		if (typeof current.message === 'string' && /socket hang up|timeout/i.test(current.message)) codes.push(current.message);
		current = current.cause as typeof current;
	}
	return codes;
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

export function mayHaveCreatedError(node: INode, error: unknown): NodeApiError {
	const unsure = new NodeApiError(node, { message: 'No answer to a create' } as JsonObject, {
		message: 'No answer from HoopAI after sending a create: it may have been carried out',
		description: `The node does not send a create twice when it cannot tell whether the first one arrived. Check before running it again. (${errorCodes(error)[0] ?? 'no answer'})`,
		httpCode: answerOf(error)?.statusCode ? String(answerOf(error)?.statusCode) : undefined,
	});
	unsureCreates.add(unsure);
	return unsure;
}

/** Whether an error says a create may have been carried out (mayHaveCreatedError). */
export function isUnsureCreate(error: unknown): boolean {
	return error instanceof Error && unsureCreates.has(error);
}

/**
 * What HoopAI's token endpoint said when n8n tried to refresh the OAuth2 token and was refused, or
 * undefined when the error is something else. n8n-core throws the OAuth client's AuthError (an
 * OAuth error body, code EAUTH), its ResponseError (any other answer, code ESTATUS: HighLevel's
 * documented `{statusCode: 400, message: "Invalid grant: refresh token is invalid"}`), or its own
 * "needs to be reconnected" error (for invalid_grant), wrapped in a NodeApiError.
 */
function refusedRefresh(error: unknown): { said: string } | undefined {
	for (let current = error as Record<string, unknown> | undefined, depth = 0; current && depth < 5; depth++) {
		if (current.code === 'EAUTH' && current.body) {
			const body = current.body as Record<string, unknown>;
			return { said: String(body.error_description ?? body.message ?? current.message ?? '') };
		}
		if (current.code === 'ESTATUS' && typeof current.status === 'number' && current.status < 500 && current.body !== undefined) {
			let body: unknown = current.body;
			try {
				body = typeof body === 'string' ? JSON.parse(body) : body;
			} catch {
				// a body that is no JSON is shown as it is
			}
			const message = (body as { message?: unknown; error?: unknown } | undefined)?.message ?? body;
			return { said: Array.isArray(message) ? message.join('; ') : String(message) };
		}
		if ((current.failure as { cause?: string } | undefined)?.cause === 'credential-invalid') return { said: 'invalid_grant' };
		current = current.cause as Record<string, unknown> | undefined;
	}
	return undefined;
}

/**
 * The error for a refused refresh: HighLevel rotates the refresh token on every refresh and
 * accepts each one once, so a refused one is lost for good and only reconnecting helps (or, for a
 * paused sub-account, reactivating it). The message says what to do; n8n shows AI agents only it.
 */
function refreshRefusedError(node: INode, said: string): NodeApiError {
	const credential = node.credentials?.hoopAiOAuth2Api?.name;
	const named = credential ? `"${credential}"` : 'this HoopAI OAuth2 credential';
	const answer = redactText(said);
	if (/location is not active/i.test(said)) {
		return new NodeApiError(node, { message: answer } as JsonObject, {
			message: `HoopAI did not refresh the OAuth2 token of ${named}: the sub-account is not active (paused or cancelled). Reactivate it in HoopAI, then run again; the credential works again without reconnecting.`,
			description: `The token endpoint answered: ${answer}`,
			httpCode: '400',
		});
	}
	return new NodeApiError(node, { message: answer } as JsonObject, {
		message: `HoopAI refused to refresh the OAuth2 token of ${named} (${answer}): open the credential, click Reconnect ("Switch account" in n8n 2.x) and choose the same sub-account or agency, then run again.`,
		description:
			'HighLevel answers every refresh with a new refresh token and accepts each one once, so the one n8n held was already used or revoked: most often another copy of this credential (another n8n instance, an exported copy, a script) refreshed it first, or the app was uninstalled. Reconnecting gets a new pair; the app stays installed and nothing else changes.',
		httpCode: '400',
	});
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
	const refused = refusedRefresh(error);
	if (refused) return refreshRefusedError(node, refused.said);
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
