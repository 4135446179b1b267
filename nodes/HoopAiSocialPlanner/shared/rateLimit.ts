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
 *
 * The window is shared: other n8n workers (queue mode) and other apps send to the same location.
 * Every answer's `X-RateLimit-Remaining` is the server's own count, so it paces too (`ServerWindow`).
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
	private readonly server = new ServerWindow();

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
		this.server.started();
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
		const remaining = headerNumber(headers, 'X-RateLimit-Remaining');
		if (remaining === undefined) return;
		const dailyRemaining = headerNumber(headers, 'X-RateLimit-Daily-Remaining');
		const countedToday = this.dailyLimit !== undefined && dailyRemaining !== undefined ? this.dailyLimit - dailyRemaining : undefined;
		this.server.observe(
			{
				remaining,
				windowKey:
					countedToday === undefined
						? undefined
						: `${headerNumber(headers, 'X-RateLimit-Daily-Reset') ?? ''} ${countedToday - (this.max - remaining)}`,
				uncountedOfOurs: this.inFlight - 1,
			},
			this.max,
			this.intervalMs,
		);
	}

	private used(): number {
		const since = Date.now() - this.intervalMs;
		while (this.finished.length && this.finished[0] <= since) this.finished.shift();
		return this.inFlight + this.finished.length;
	}

	/** Waits for one of our requests to finish (its answer told the server's count), at most `ms`. */
	private async answerOrPause(ms: number, signal?: AbortSignal): Promise<void> {
		if (this.inFlight === 0) return await pause(ms, signal);
		const stopWaiting = new AbortController();
		const stop = () => stopWaiting.abort();
		signal?.addEventListener('abort', stop, { once: true });
		try {
			await Promise.race([new Promise<void>((resolve) => (this.wakeUp = resolve)), pause(ms, stopWaiting.signal).catch(() => undefined)]);
		} finally {
			stopWaiting.abort();
			signal?.removeEventListener('abort', stop);
		}
		signal?.throwIfAborted();
	}

	private async waitForRoom(signal?: AbortSignal): Promise<void> {
		let serverWait: number;
		for (;;) {
			signal?.throwIfAborted();
			const spent = this.dailySpent();
			if (spent) throw spent;
			const now = Date.now();
			if (now < this.pausedUntil) {
				await pause(this.pausedUntil - now, signal);
			} else if ((serverWait = this.server.waitMs(now, this.max, this.intervalMs, this.inFlight)) > 0) {
				// Our answers in flight tell the server's count sooner than the wait may end.
				await this.answerOrPause(serverWait, signal);
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

/** What one answer's headers say of the server's window. */
export interface WindowCount {
	/** Left in the burst window (`X-RateLimit-Remaining`). */
	remaining: number;
	/**
	 * The day (its reset time) and what it had counted when this window began, (daily limit − daily
	 * remaining) − (max − remaining): the same for every answer of one window, another in the next.
	 * Undefined without the daily headers; then a window is taken as new when `remaining` went up.
	 */
	windowKey: string | undefined;
	/** Our other requests in flight: they may have arrived after this one, uncounted in it. */
	uncountedOfOurs: number;
}

/**
 * The server's window as its answers tell it, shared with whoever else sends to the location
 * (other n8n workers, other apps), whom only the server's count shows. Every client waits for two
 * things: the count it last saw (with its own requests since) stays below a ramp that lets a
 * quarter of the window go at once (a small burst is not slowed) and the rest evenly until the
 * window ends, so clients that are all waiting send a few requests each, not a burst each, and
 * the next answers show them all; and the window's last request stays unsent, so two clients that
 * saw the same count cannot both take it. The window surely ends an interval after the first answer out of it; then one request
 * goes first, to learn what is left of the next window, which another client may have begun.
 */
class ServerWindow {
	/** What the server had counted at the last answer, with ours it may not have counted yet; undefined: unknown. */
	private counted: number | undefined;
	private startedSinceAnswer = 0;
	private lastRemaining: number | undefined;
	private windowKey: string | undefined;
	/** The window of the last answer surely ends by then. */
	private endsBy = 0;

	started(): void {
		this.startedSinceAnswer++;
	}

	observe(count: WindowCount, max: number, intervalMs: number): void {
		const now = Date.now();
		const newWindow =
			count.windowKey !== undefined && this.windowKey !== undefined
				? count.windowKey !== this.windowKey
				: this.lastRemaining === undefined || count.remaining > this.lastRemaining;
		// An answer overtaken by a later one of the same window tells nothing new.
		if (!newWindow && this.lastRemaining !== undefined && count.remaining > this.lastRemaining) return;
		if (newWindow || now >= this.endsBy) this.endsBy = now + intervalMs;
		this.windowKey = count.windowKey;
		this.lastRemaining = count.remaining;
		this.counted = max - count.remaining + Math.max(0, count.uncountedOfOurs);
		this.startedSinceAnswer = 0;
	}

	/** How long the next request waits for the window (0: it may go). */
	waitMs(now: number, max: number, intervalMs: number, inFlight: number): number {
		if (this.counted === undefined) return 0;
		// A window never ends more than an interval ahead: the clock was set back (e.g. by the system).
		this.endsBy = Math.min(this.endsBy, now + intervalMs);
		// After the window, one request at a time until an answer tells of the next.
		if (now >= this.endsBy) return this.startedSinceAnswer === 0 || inFlight === 0 ? 0 : intervalMs;
		const used = this.counted + this.startedSinceAnswer;
		const last = Math.max(1, max - 1);
		if (used >= last) return this.endsBy - now;
		const atOnce = Math.max(1, Math.floor(max / 4));
		const step = intervalMs / Math.max(1, last - atOnce);
		const due = this.endsBy - intervalMs + Math.max(0, used + 1 - atOnce) * step;
		return Math.max(0, Math.ceil(due - now));
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
