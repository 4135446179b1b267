// Types for the simulator library (plain CommonJS JavaScript in index.js).

export interface RateLimitOptions {
	max?: number;
	intervalMs?: number;
	daily?: number;
	/** Time source of the burst window (default: real time). */
	now?: () => number;
}

export interface SimulatorOptions {
	port?: number;
	seed?: 'sample' | 'empty';
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
	locationId: string;
	companyId?: string;
	scopes: string[];
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
	reset(seed?: 'sample' | 'empty'): void;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	seed(fixture: 'sample' | 'empty' | Record<string, any>): Record<string, any[]>;
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
	control: SimControl;
	stop(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

export const IDS: {
	locationId: string;
	companyId: string;
	userId: string;
	token: string;
	otherLocationId: string;
	otherToken: string;
};
