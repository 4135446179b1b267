import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { noLocationError } from './errors';
import { agencyLocation, chosenLocation, LOCATION_PARAMETER, ownLocation } from './locations';
import { locationToken } from './locationTokens';
import { limiterFor, type RateLimiter } from './rateLimit';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from './request';

export type ApiContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The credential the node uses: its type, host, API version, location and default user. */
export interface ApiConnection {
	credentialType: 'hoopAiApi' | 'hoopAiOAuth2Api';
	baseUrl: string;
	apiVersion: string;
	/**
	 * What was installed: the token credential is a sub-account's; an OAuth2 credential is what its
	 * token answer says (`userType` Location: a sub-account, Company: an agency and the sub-accounts
	 * it approved).
	 */
	install: 'subAccount' | 'agency';
	/** The agency (company) of an OAuth2 install, from its token answer. */
	companyId: string;
	/** The Marketplace app of an OAuth2 credential: its client ID's part before the dash. */
	appId: string;
	/** The credential's own location (a sub-account's; none for an agency install). */
	locationId: string;
	/** The credential's Default User ID, else the user who connected it (see users.ts for agency installs). */
	defaultUserId: string;
	/** Whether defaultUserId is the credential's Default User ID (set by the user), not the token's user. */
	userIdFromCredential: boolean;
	/**
	 * The token credential as read once for this connection, handed to every request so n8n does
	 * not read and decrypt it again per request (n8n reads OAuth2 credentials itself: refreshes).
	 */
	tokenCredential?: ICredentialsDecrypted;
}

/**
 * Where an item's requests go: one location, how requests to it authenticate, its rate limit and
 * its accounts. Every request of the package is sent to a scope (send.ts).
 */
export interface LocationScope {
	connection: ApiConnection;
	/** The location's ID: it fills `{locationId}` in paths, and `locationId` fields that ask for it. */
	locationId: string;
	/** Paces every request to this location (one limiter per location in the n8n process). */
	limiter: RateLimiter;
	/**
	 * How requests authenticate: with the connection's credential, or (agency mode) as a token
	 * credential holding the location token exchanged for this location.
	 */
	credentialType: ApiConnection['credentialType'];
	/** The credential data handed to n8n with each request; undefined: n8n reads the credential itself. */
	credentialsDecrypted?: ICredentialsDecrypted;
	/** Agency mode: the location token was refused (401): exchange the agency token again for a new one. */
	renewToken?: (refused: ICredentialsDecrypted | undefined) => Promise<void>;
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

/** Which credential the node uses, and what it says about the location and host (read and decrypted by n8n). */
async function readConnection(context: ApiContext): Promise<ApiConnection> {
	const credentialType = credentialTypeOf(context.getNode());
	const credentials = await context.getCredentials(credentialType);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	const connection: ApiConnection = {
		credentialType,
		baseUrl: String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		apiVersion: String(credentials.apiVersion || DEFAULT_API_VERSION),
		install: tokenData.userType === 'Company' ? 'agency' : 'subAccount',
		companyId: String(tokenData.companyId || ''),
		appId: String(credentials.clientId || '').split('-')[0],
		locationId: String(credentials.locationId || tokenData.locationId || ''),
		defaultUserId: String(credentials.userId || tokenData.userId || ''),
		userIdFromCredential: Boolean(credentials.userId),
	};
	if (credentialType === 'hoopAiApi') {
		// Not enumerable: a connection printed or serialised never shows the token.
		Object.defineProperty(connection, 'tokenCredential', {
			value: { id: context.getNode().credentials?.hoopAiApi?.id ?? '', name: credentialType, type: credentialType, data: credentials },
			enumerable: false,
		});
	}
	return connection;
}

/**
 * What one run of a node shares across its items, in one place: the credential's connection and
 * each location's scope, what was read once (the accounts), the creates it made and the files it
 * uploaded (n8n's Retry On Fail runs the node again with the same run: those must not be made
 * twice), and the path values each routed item was sent with. Nothing outlives the run.
 */
export class RunState {
	/** Creates this run made, by what they created (send.ts: createOnce). */
	readonly created = new Map<string, unknown>();
	/** The contents this run uploaded, in order (their index names them in `created`). */
	readonly uploads: Buffer[] = [];
	/** The path parameters each routed item's request was sent with, for its output hooks. */
	readonly sentPaths = new Map<number, Record<string, string>>();
	/** Settings a routed item's preSend hooks read once, for its pages and output hooks (e.g. an order). */
	readonly itemSettings = new Map<number, IDataObject>();
	/** What was read once for the run, by what it is (`once`). */
	private readonly loaded = new Map<string, Promise<unknown>>();

	constructor(private readonly context: ApiContext) {}

	/**
	 * `load()` once per run, for every item that asks; a failed load is not kept, so the next item
	 * tries again and reports its own error.
	 */
	async once<T>(key: string, load: () => Promise<T>): Promise<T> {
		let loading = this.loaded.get(key) as Promise<T> | undefined;
		if (!loading) {
			loading = load();
			this.loaded.set(key, loading);
			loading.catch(() => this.loaded.delete(key));
		}
		return await loading;
	}

	/** The credential's connection, read once (n8n reads and decrypts the credential on every call). */
	async connection(): Promise<ApiConnection> {
		return await this.once('connection', async () => await readConnection(this.context));
	}

	/**
	 * The location an item's requests go to, resolved once per item, and the one place that
	 * chooses it: a sub-account credential's own location; with an agency install, the item's
	 * Location and the location token exchanged for it (locationTokens.ts). A missing or wrong
	 * Location is an error before anything is sent. `itemIndex` undefined: the run's own location
	 * (the first item's, or the node's in a dropdown); `itemContext`: a routed item's own context.
	 */
	async scope(itemIndex?: number, itemContext?: IExecuteSingleFunctions): Promise<LocationScope> {
		return await this.once(`scope of item ${itemIndex ?? 'none'}`, async () => {
			const connection = await this.connection();
			const chosen = connection.credentialType === 'hoopAiOAuth2Api' ? this.locationParameter(itemIndex, itemContext) : '';
			return await this.scopeIn(chosenLocation(this.context.getNode(), chosen));
		});
	}

	/**
	 * The scope of a chosen location ('' for none): the agency's exchanged token for it, or the
	 * credential's own location (another one is refused). The trigger calls it per watched location.
	 */
	async scopeIn(chosen: string): Promise<LocationScope> {
		const connection = await this.connection();
		const node = this.context.getNode();
		if (connection.install === 'agency') return await this.agencyLocationScope(connection, agencyLocation(node, connection, chosen));
		if (!connection.locationId) throw noLocationError(node, connection);
		return await this.locationScope(connection, ownLocation(node, connection, chosen), connection.tokenCredential);
	}

	/** The item's Location as the user set it. */
	private locationParameter(itemIndex: number | undefined, itemContext?: IExecuteSingleFunctions): unknown {
		const context = itemContext ?? this.context;
		const node = context.getNode();
		// Not shown for Location → Get Many (n8n cannot extract a hidden locator's value); read raw, no expression.
		if (node.parameters.resource === 'location') return '';
		const options = { extractValue: true };
		const value =
			'getItemIndex' in context || !('getInputData' in context)
				? (context as IExecuteSingleFunctions).getNodeParameter(LOCATION_PARAMETER, '', options)
				: (context as IExecuteFunctions).getNodeParameter(LOCATION_PARAMETER, itemIndex ?? 0, '', options);
		// An expression that found nothing (`{{ $json.location }}` on an item without it) is an empty Location.
		return value ?? '';
	}

	/** One scope per location in the run: its limiter (shared by the n8n process) and its token. */
	private async locationScope(
		connection: ApiConnection,
		locationId: string,
		credentialsDecrypted?: ICredentialsDecrypted,
	): Promise<LocationScope> {
		return await this.once(`location ${locationId}`, async () => ({
			connection,
			locationId,
			credentialType: connection.credentialType,
			limiter: limiterFor(connection.baseUrl, locationId),
			credentialsDecrypted,
		}));
	}

	/**
	 * An agency's location, once per run: its token, exchanged when no usable one is held for it
	 * (then reused by every item and later runs), sent as a token credential's.
	 */
	private async agencyLocationScope(connection: ApiConnection, locationId: string): Promise<LocationScope> {
		return await this.once(`location ${locationId}`, async () => {
			const tokenOf = (accessToken: string): ICredentialsDecrypted => ({
				id: '',
				name: 'hoopAiApi',
				type: 'hoopAiApi',
				data: { accessToken, locationId, apiVersion: connection.apiVersion, baseUrl: connection.baseUrl },
			});
			const scope: LocationScope = {
				connection,
				locationId,
				credentialType: 'hoopAiApi',
				limiter: limiterFor(connection.baseUrl, locationId),
				renewToken: async (refused) => {
					const fresh = await locationToken(this.context, connection, locationId, refused?.data?.accessToken as string | undefined);
					scope.credentialsDecrypted = tokenOf(fresh);
				},
			};
			// Not enumerable: a scope printed or serialised never shows the token.
			Object.defineProperty(scope, 'credentialsDecrypted', {
				value: tokenOf(await locationToken(this.context, connection, locationId)),
				writable: true,
				enumerable: false,
			});
			return scope;
		});
	}
}

/** The location scope of a routed item, for its hooks (they run with the item's context). */
export async function scopeOfItem(context: IExecuteSingleFunctions): Promise<LocationScope> {
	return await runOf(context).scope(context.getItemIndex(), context);
}

const runs = new WeakMap<object, RunState>();

/**
 * The run state of a node run: keyed by its execute data, the one object all its items (and n8n's
 * Retry On Fail tries) share. Contexts without one (dropdowns, list searches, a poll) get a new
 * state each call: a caller that sends several requests keeps the one it got.
 */
export function runOf(context: ApiContext): RunState {
	const withRun = context as { getExecuteData?: () => object | undefined };
	const key = typeof withRun.getExecuteData === 'function' ? withRun.getExecuteData() : undefined;
	if (!key) return new RunState(context);
	let run = runs.get(key);
	if (!run) {
		run = new RunState(context);
		runs.set(key, run);
	}
	return run;
}
