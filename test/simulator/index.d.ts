// Types for the simulator library (plain CommonJS JavaScript in index.js).

export interface RateLimitOptions {
	max?: number;
	intervalMs?: number;
	daily?: number;
	/** Time source of the burst window (default: real time). */
	now?: () => number;
}

/** The Marketplace's lifetimes and how it refuses (test/simulator/marketplace.js, README "Marketplace and agencies"). */
export interface OAuthSettings {
	/** Access tokens of consents and their refreshes (HighLevel: 86399 s, a day). */
	accessTokenSeconds?: number;
	/** Location tokens from the exchange (HighLevel: 86399 s). */
	locationTokenSeconds?: number;
	/** Authorization codes (default 600 s). */
	codeSeconds?: number;
	/** Refresh tokens not yet used (HighLevel: a year). */
	refreshTokenSeconds?: number;
	/** The app's registered redirect URIs; undefined: any http(s) URI. */
	redirectUris?: string[];
	/** Token endpoint refusals: 'spec' ({statusCode, message}, the v3 spec's examples) or 'oauth' ({error, error_description}). */
	tokenErrors?: 'spec' | 'oauth';
	/** A Company token on a sub-account endpoint: 'authClass' (401, field reports) or 'forbidden' (403). */
	companyTokenRefusal?: 'authClass' | 'forbidden';
	/** A token without the endpoint's scope: 'forbidden' (403) or 'unauthorized' (401, field reports). */
	scopeRefusal?: 'forbidden' | 'unauthorized';
	/** The exchange's success status: 200 (the specs) or 201 (field reports). */
	locationTokenStatus?: 200 | 201;
}

/** The token endpoint's answer (v2 field names). */
export interface TokenAnswer {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token: string;
	scope: string;
	userType: 'Location' | 'Company';
	companyId: string;
	locationId?: string;
	approvedLocations?: string[];
	installToFutureLocations?: boolean;
	approveAllLocations?: boolean;
	userId: string;
	isBulkInstallation: boolean;
}

export interface AuthorizeOptions {
	userType?: 'Location' | 'Company';
	/** The sub-account of a Location install (default: the sample location). */
	locationId?: string;
	companyId?: string;
	/** The sub-accounts an agency install approves (default: every location of the company). */
	approvedLocations?: string[];
	installToFutureLocations?: boolean;
	/** Default: every scope the app has. */
	scopes?: string[];
	redirectUri?: string;
	state?: string;
}

export interface GrantSummary {
	id: string;
	userType: 'Location' | 'Company';
	/** 'consent' (the authorization page) or 'exchange' (a location token from an agency token). */
	via: 'consent' | 'exchange';
	locationId?: string;
	companyId: string;
	refreshes: number;
	refusedRefreshes: number;
	revoked: boolean;
}

export interface SimulatorOptions {
	port?: number;
	/** 'agency': the sample data plus four more sub-accounts of the agency, each with its own accounts and posts. */
	seed?: 'sample' | 'empty' | 'agency';
	oauth?: OAuthSettings;
	rateLimit?: RateLimitOptions;
	/** Start value of the post clock (ISO). */
	now?: string;
	/** Let the post clock follow real time (the CLI does). */
	followRealTime?: boolean;
	/** Most recent API requests kept in the log (default 100000). */
	requestLogLimit?: number;
	/**
	 * How the OAuth start pages may be opened: 'bearer' (default, as the v2/v3 specs declare them)
	 * or 'browser' (as the API's description says: a browser window, no Authorization header).
	 */
	oauthStart?: 'bearer' | 'browser';
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, unknown>;
	body: unknown;
	status: number | undefined;
	at: string;
	fault?: string;
}

export interface FaultConfig {
	errorRate?: number;
	errorStatus?: number;
	rateLimitRate?: number;
	resetRate?: number;
	malformedRate?: number;
	/** Share of requests carried out whose answer is then lost (connection destroyed). */
	lostAnswerRate?: number;
	/** Share of requests carried out whose answer waits `slowAnswerMs` (default 5000). */
	slowAnswerRate?: number;
	slowAnswerMs?: number;
	echoRate?: number;
	latencyMs?: number;
	seed?: number;
	pathIncludes?: string;
	/** That many (matching) requests pass untouched before any fault. */
	skip?: number;
	next?: FaultNext | FaultNext[];
}

export interface FaultNext {
	kind: 'error' | 'rateLimit' | 'reset' | 'malformed' | 'lostAnswer' | 'slowAnswer' | 'echo';
	count?: number;
	status?: number;
}

export interface TokenRecord {
	token: string;
	/** 'pit': a Private Integration token; 'oauth': issued by the Marketplace. */
	kind: 'pit' | 'oauth';
	userType: 'Location' | 'Company';
	locationId?: string;
	companyId?: string;
	scopes: string[];
	appId?: string;
	grantId?: string;
	/** On the token clock (ms). */
	expiresAt?: number;
}

// The store is plain data; tests read it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SimLocation = Record<string, any>;

export interface SimState {
	tokens: Map<string, TokenRecord>;
	locations: Map<string, SimLocation>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	media: Map<string, any>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	oauth: Map<string, any>;
	companies: Map<string, { id: string; name: string }>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	marketplace: Record<string, Map<string, any>>;
}

/** What the connect window posts back (API-NOTES §3.3). */
export interface ConnectMessage {
	actionType: 'close';
	page: 'social_media_posting';
	platform: string;
	placement: string;
	accountId: string;
	reconnectAccounts: string[];
}

export interface SimControl {
	reset(seed?: 'sample' | 'empty' | 'agency'): void;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	seed(fixture: 'sample' | 'empty' | 'agency' | Record<string, any>): Record<string, any[]>;
	advanceClock(ms: number): string;
	setClock(iso: string): string;
	now(): string;
	setScopes(token: string, scopes: string[]): void;
	addToken(token: { token: string; locationId: string; scopes?: string[]; companyId?: string }): TokenRecord;
	injectFaults(config: FaultConfig): void;
	clearFaults(): void;
	requests(): LoggedRequest[];
	clearRequests(): void;
	setRateLimit(config: { max?: number; intervalMs?: number; daily?: number }): void;
	advanceRateLimitWindow(ms: number): void;
	/** The browser step of the OAuth connect flow: opens a connect URL, returns the window's message. */
	completeConnect(url: string, options?: { accountId?: string }): ConnectMessage;
	/** How the OAuth start pages may be opened from now on (see SimulatorOptions.oauthStart). */
	setOAuthStart(mode: 'bearer' | 'browser'): 'bearer' | 'browser';
	/** The authorization page's Allow, without a browser. */
	authorize(options?: AuthorizeOptions): { code: string; redirectUrl: string };
	/** authorize() and the code exchange: the token answer a client gets. */
	connect(options?: AuthorizeOptions): TokenAnswer;
	setOAuth(settings: OAuthSettings): Required<Omit<OAuthSettings, 'redirectUris'>> & { redirectUris?: string[] };
	advanceTokenClock(ms: number): void;
	/** Another holder of the same refresh tokens refreshes first; returns how many grants rotated. */
	refreshElsewhere(filter?: { userType?: 'Location' | 'Company'; locationId?: string }): number;
	isCurrentRefreshToken(refreshToken: string): boolean;
	grants(): GrantSummary[];
	installApp(locationId: string): string;
	uninstallApp(locationId: string): void;
	addLocation(location: { id?: string; name: string; address?: string }): string;
	setLocationActive(locationId: string, active: boolean): void;
	readonly state: SimState;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	snapshot(): any;
}

export interface Simulator {
	url: string;
	token: string;
	locationId: string;
	userId: string;
	companyId: string;
	/** A second location with its own token (for "token does not own this location"). */
	otherLocationId: string;
	otherToken: string;
	/** The Marketplace app's client ID (`<appId>-<suffix>`), secret and ID. */
	clientId: string;
	clientSecret: string;
	appId: string;
	/** The agency's Private Integration token ('agency' seed). */
	agencyToken: string;
	control: SimControl;
	stop(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

/** The simulator's seeded PRNG (mulberry32), for tests whose random data a seed replays. */
export function seededRandom(seed: number): () => number;

export const IDS: {
	locationId: string;
	companyId: string;
	userId: string;
	token: string;
	otherLocationId: string;
	otherToken: string;
	appId: string;
	versionId: string;
	clientId: string;
	clientSecret: string;
	agencyToken: string;
};

/** The 'agency' seed's four more sub-accounts. */
export const CLIENT_LOCATIONS: Array<{ id: string; name: string; address: string }>;
