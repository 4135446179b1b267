import { pause } from './pause';

/**
 * HighLevel's limits per app and location: a burst of 100 requests per 10 s and 200,000 per day,
 * reported on every answer in `X-RateLimit-*` headers (API-NOTES.md §1). Until a first answer says
 * otherwise, the documented burst is assumed.
 */
const DOCUMENTED_BURST = { max: 100, intervalMs: 10_000 };
/** Without a reset time from the API, a spent daily budget is tried again after this long. */
const DAILY_RECHECK_MS = 60_000;

export class DailyLimitSpent extends Error {
	constructor(
		readonly limit: number | undefined,
		readonly resetsAt: number,
	) {
		super('The HoopAI daily request limit is used up');
	}
}

export interface Turn {
	/** The request is over (answered or failed): frees its place. */
	finish(): void;
}

function headerNumber(headers: Record<string, unknown> | undefined, name: string): number | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/**
 * Paces the requests of one location. A request may start when, counting it, no more than the
 * burst maximum are in flight or finished within the last interval. Counting from when a request
 * *finished* (not started) keeps every window the server can see within the maximum, whatever
 * the latency: the server saw that request arrive before it answered. Turns are given in order.
 * Until a first answer names the limits, one request at a time: a location may have a lower
 * limit than the documented one, and a burst sent blind would meet 429s.
 */
export class RateLimiter {
	private max = DOCUMENTED_BURST.max;
	/** Whether an answer came yet (with the limits in its headers): until then one request at a time. */
	private limitsKnown = false;
	private intervalMs = DOCUMENTED_BURST.intervalMs;
	private inFlight = 0;
	/** When recent requests finished, oldest first (only the last interval is kept). */
	private finished: number[] = [];
	private pausedUntil = 0;
	private dailyLimit: number | undefined;
	private dailySpentUntil = 0;
	/** The queue: each turn waits for the one before it. */
	private queue: Promise<void> = Promise.resolve();
	private wakeUp: (() => void) | undefined;

	/** Waits for this request's turn; fails at once while the daily budget is spent. */
	async take(signal?: AbortSignal): Promise<Turn> {
		const previous = this.queue;
		let release!: () => void;
		this.queue = new Promise<void>((resolve) => (release = resolve));
		try {
			await previous;
			await this.waitForRoom(signal);
		} finally {
			release();
		}
		this.inFlight++;
		let finished = false;
		return {
			finish: () => {
				if (finished) return;
				finished = true;
				this.inFlight--;
				this.finished.push(Date.now());
				this.wakeUp?.();
			},
		};
	}

	/** How long to wait after a 429 that was not the daily limit: the window it names. */
	rateLimitWait(headers?: Record<string, unknown>, maxWaitMs = Infinity): number {
		return Math.min(headerNumber(headers, 'X-RateLimit-Interval-Milliseconds') ?? this.intervalMs, maxWaitMs);
	}

	/** Nobody sends to this location for that long (the window is full). */
	pauseFor(waitMs: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
	}

	/** The daily budget per the last answer: spent until when, if it is. */
	dailySpent(): DailyLimitSpent | undefined {
		if (Date.now() >= this.dailySpentUntil) return undefined;
		return new DailyLimitSpent(this.dailyLimit, this.dailySpentUntil);
	}

	/** Learns the limits and what is left of them from an answer's `X-RateLimit-*` headers. */
	observe(headers?: Record<string, unknown>): void {
		const max = headerNumber(headers, 'X-RateLimit-Max');
		const intervalMs = headerNumber(headers, 'X-RateLimit-Interval-Milliseconds');
		// An answer without the headers (a proxy may drop them) leaves the documented limits.
		this.limitsKnown = true;
		if (max !== undefined && max > 0) this.max = max;
		if (intervalMs !== undefined && intervalMs > 0) this.intervalMs = intervalMs;
		this.dailyLimit = headerNumber(headers, 'X-RateLimit-Limit-Daily') ?? this.dailyLimit;
		if (headerNumber(headers, 'X-RateLimit-Daily-Remaining') === 0) {
			const reset = headerNumber(headers, 'X-RateLimit-Daily-Reset');
			this.dailySpentUntil = reset !== undefined && reset > Date.now() ? reset : Date.now() + DAILY_RECHECK_MS;
		}
		// The window is full though we did not fill it: another client shares this location's budget.
		const remaining = headerNumber(headers, 'X-RateLimit-Remaining');
		if (remaining === 0 && this.used() < this.max) this.pauseFor(this.rateLimitWait(headers));
	}

	private used(): number {
		const since = Date.now() - this.intervalMs;
		while (this.finished.length && this.finished[0] <= since) this.finished.shift();
		return this.inFlight + this.finished.length;
	}

	private async waitForRoom(signal?: AbortSignal): Promise<void> {
		for (;;) {
			signal?.throwIfAborted();
			const spent = this.dailySpent();
			if (spent) throw spent;
			const now = Date.now();
			if (now < this.pausedUntil) {
				await pause(this.pausedUntil - now, signal);
			} else if (this.limitsKnown ? this.used() < this.max : this.inFlight === 0) {
				return;
			} else if (this.limitsKnown && this.finished.length) {
				await pause(this.finished[0] + this.intervalMs - now, signal);
			} else {
				// Every place is taken by a request in flight (or the one asking first): wait for it.
				await new Promise<void>((resolve) => (this.wakeUp = resolve));
			}
		}
	}
}

const limiters = new Map<string, RateLimiter>();

/** Forgets every location's limits (tests: a simulator reset starts a new day). */
export function forgetRateLimits(): void {
	limiters.clear();
}

/**
 * The limiter of a location, shared by every request the package sends in this n8n process: both
 * nodes, every operation, dropdowns and the trigger (module state; n8n loads a package once).
 */
export function limiterFor(baseUrl: string, locationId: string): RateLimiter {
	const key = `${baseUrl} ${locationId}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
