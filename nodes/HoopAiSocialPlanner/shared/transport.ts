import {
	NodeApiError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { apiError } from './errors';
import { limiterFor, type RateLimiter } from './rateLimit';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from './request';
import { answerOf, effectOfMethod, sendSettings, sendWithRetries, withAnswer, type RequestEffect } from './send';

export type ApiContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ApiConnection {
	credentialType: 'hoopAiApi' | 'hoopAiOAuth2Api';
	baseUrl: string;
	apiVersion: string;
	locationId: string;
	defaultUserId: string;
	/**
	 * The token credential as read once for this connection, handed to every request so n8n does
	 * not read and decrypt it again per request (n8n reads OAuth2 credentials itself: refreshes).
	 */
	tokenCredential?: ICredentialsDecrypted;
}

/** The credential type the node's Authentication field chooses. */
export function credentialTypeOf(node: INode): ApiConnection['credentialType'] {
	// Read raw: the context types disagree on getNodeParameter's arguments, and this is no expression.
	return (node.parameters.authentication ?? 'accessToken') === 'oAuth2' ? 'hoopAiOAuth2Api' : 'hoopAiApi';
}

/**
 * Whether a credential of that type is chosen. Dropdowns answer nothing until it is (instead of
 * failing with "Node does not have any credentials set"): the editor loads them again as soon as
 * the credential is picked, but not after a failure it is still busy with.
 */
export function credentialChosen(this: ILoadOptionsFunctions): boolean {
	const node = this.getNode();
	return Boolean(node.credentials?.[credentialTypeOf(node)]);
}

/** Which credential the node uses, and what it says about the location and host. */
export async function getConnection(this: ApiContext): Promise<ApiConnection> {
	const credentialType = credentialTypeOf(this.getNode());
	const credentials = await this.getCredentials(credentialType);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const connection: ApiConnection = {
		credentialType,
		baseUrl: String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		apiVersion: String(credentials.apiVersion || DEFAULT_API_VERSION),
		locationId: String(credentials.locationId || tokenData.locationId || ''),
		defaultUserId: String(credentials.userId || tokenData.userId || ''),
	};
	if (credentialType === 'hoopAiApi') {
		// Not enumerable: a connection printed or serialised never shows the token.
		Object.defineProperty(connection, 'tokenCredential', {
			value: { id: this.getNode().credentials?.hoopAiApi?.id ?? '', name: credentialType, type: credentialType, data: credentials },
			enumerable: false,
		});
	}
	return connection;
}

/**
 * `load()` once per run of a routed operation, for every item of the run: keyed by the run's
 * execute data, the one object all its items share (nothing outlives the run). A failed load is
 * not kept, so the next item tries again and reports its own error.
 */
export async function oncePerRun<T>(
	context: IExecuteSingleFunctions,
	cache: WeakMap<object, Promise<T>>,
	load: () => Promise<T>,
): Promise<T> {
	const run = typeof context.getExecuteData === 'function' ? context.getExecuteData() : undefined;
	if (!run) return await load();
	let loading = cache.get(run);
	if (!loading) {
		loading = load();
		cache.set(run, loading);
		loading.catch(() => cache.delete(run));
	}
	return await loading;
}

const runConnections = new WeakMap<object, Promise<ApiConnection>>();

/** getConnection for a routed operation's hooks: n8n reads and decrypts the credential on every call. */
export async function getRunConnection(this: IExecuteSingleFunctions): Promise<ApiConnection> {
	return await oncePerRun(this, runConnections, async () => await getConnection.call(this));
}

/** What HTTP errors a request lets through: all, except an OAuth2 token's 401 (n8n refreshes it). */
export function passedHttpErrors(connection: ApiConnection): IHttpRequestOptions['ignoreHttpStatusErrors'] {
	return connection.credentialType === 'hoopAiOAuth2Api' ? { ignore: true, except: [401] } : true;
}

export interface ApiResponse {
	statusCode: number;
	body: IDataObject;
	headers: IDataObject;
}

export interface RequestOptions {
	qs?: IDataObject;
	body?: IDataObject;
	connection?: ApiConnection;
	/** What sending it twice would do; by default from the method (POST: a create). */
	effect?: RequestEffect;
	/** No wait for the rate limit or a retry may end after this time (the trigger's poll budget). */
	deadline?: number;
	/** For a create: finds what an attempt that got no answer created (see SendPolicy). */
	findCreated?: () => Promise<ApiResponse | undefined>;
}

/** The rate limiter of the connection's location (one per location in the n8n process). */
export function limiterOf(connection: ApiConnection): RateLimiter {
	return limiterFor(connection.baseUrl, connection.locationId);
}

/** The execution's cancel signal, so waits for the rate limit end when the user stops the run. */
export function cancelSignalOf(context: object): AbortSignal | undefined {
	const withSignal = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function' ? withSignal.getExecutionCancelSignal() : undefined;
}

/**
 * A request made in code (list searches, multi-step operations, the trigger), with the same
 * host and Version header as the node's declarative routing, paced and retried like every request
 * of the package (send.ts). Error responses are returned.
 */
export async function apiResponse(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions = {},
): Promise<ApiResponse> {
	const connection = options.connection ?? (await getConnection.call(this));
	const limiter = limiterOf(connection);
	const attempt = async (): Promise<ApiResponse> => {
		const response: IN8nHttpFullResponse = await this.helpers.httpRequestWithAuthentication.call(this, connection.credentialType, {
			method,
			url: `${connection.baseUrl}${path.replace('{locationId}', encodeURIComponent(connection.locationId))}`,
			qs: options.qs,
			body: options.body,
			json: true,
			headers: { Version: connection.apiVersion },
			returnFullResponse: true,
			ignoreHttpStatusErrors: passedHttpErrors(connection),
			timeout: sendSettings.attemptTimeoutMs,
		}, connection.tokenCredential ? { credentialsDecrypted: connection.tokenCredential } : undefined);
		const body = typeof response.body === 'object' && response.body !== null ? (response.body as IDataObject) : {};
		const answer = { statusCode: response.statusCode, body, headers: (response.headers ?? {}) as IDataObject };
		limiter.observe(answer.headers);
		// Thrown for the retry loop to look at; returned to the caller if it is still the answer.
		if (answer.statusCode === 429 || answer.statusCode >= 500) throw withAnswer(new Error(`HTTP ${answer.statusCode}`), answer);
		return answer;
	};
	try {
		return await sendWithRetries(
			{ node: this.getNode(), limiter, effect: options.effect ?? effectOfMethod(method), signal: cancelSignalOf(this), deadline: options.deadline, findCreated: options.findCreated },
			attempt,
		);
	} catch (error) {
		const answer = answerOf(error) as ApiResponse | undefined;
		if (answer?.body) return answer;
		// A NodeApiError comes back as it is; anything else (an abort) is wrapped.
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

/** apiResponse for callers that want the body, or a NodeApiError for an error response. */
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
