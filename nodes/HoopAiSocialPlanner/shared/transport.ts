import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { apiError } from './errors';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from './request';

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

/**
 * A request made in code (list searches, multi-step operations, the trigger), with the same
 * host and Version header as the node's declarative routing. Error responses are returned.
 */
export async function apiResponse(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; connection?: ApiConnection } = {},
): Promise<ApiResponse> {
	const connection = options.connection ?? (await getConnection.call(this));
	const response: IN8nHttpFullResponse = await this.helpers.httpRequestWithAuthentication.call(this, connection.credentialType, {
		method,
		url: `${connection.baseUrl}${path.replace('{locationId}', encodeURIComponent(connection.locationId))}`,
		qs: options.qs,
		body: options.body,
		json: true,
		headers: { Version: connection.apiVersion },
		returnFullResponse: true,
		ignoreHttpStatusErrors: passedHttpErrors(connection),
	}, connection.tokenCredential ? { credentialsDecrypted: connection.tokenCredential } : undefined);
	const body = typeof response.body === 'object' && response.body !== null ? (response.body as IDataObject) : {};
	return { statusCode: response.statusCode, body, headers: (response.headers ?? {}) as IDataObject };
}

/** apiResponse for callers that want the body, or a NodeApiError for an error response. */
export async function apiRequest(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; connection?: ApiConnection } = {},
): Promise<IDataObject> {
	const response = await apiResponse.call(this, method, path, options);
	if (response.statusCode >= 400) throw apiError(this.getNode(), response);
	return response.body;
}
