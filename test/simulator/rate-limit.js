'use strict';
// HighLevel's limits: a burst window (100 requests / 10 s) and a daily counter, both per
// token + location. The window uses its own clock (real time by default, injectable for tests).

const DAY_MS = 24 * 60 * 60 * 1000;

function createRateLimiter(options, windowClock) {
	const initial = {
		max: options?.max ?? 100,
		intervalMs: options?.intervalMs ?? 10000,
		daily: options?.daily ?? 200000,
	};
	const config = { ...initial };
	const buckets = new Map();

	function bucket(key) {
		const now = windowClock.now();
		let b = buckets.get(key);
		if (!b) {
			b = { windowStart: now, count: 0, dayStart: now, dayCount: 0 };
			buckets.set(key, b);
		}
		if (now - b.windowStart >= config.intervalMs) {
			b.windowStart = now;
			b.count = 0;
		}
		if (now - b.dayStart >= DAY_MS) {
			b.dayStart = now;
			b.dayCount = 0;
		}
		return b;
	}

	function headers(b) {
		return {
			'x-ratelimit-max': String(config.max),
			'x-ratelimit-remaining': String(Math.max(0, config.max - b.count)),
			'x-ratelimit-interval-milliseconds': String(config.intervalMs),
			'x-ratelimit-limit-daily': String(config.daily),
			'x-ratelimit-daily-remaining': String(Math.max(0, config.daily - b.dayCount)),
			'x-ratelimit-daily-reset': String(b.dayStart + DAY_MS),
		};
	}

	return {
		config,
		/** Counts one request; returns whether it is allowed and the headers to send. */
		consume(key) {
			const b = bucket(key);
			if (b.count >= config.max || b.dayCount >= config.daily) {
				return { allowed: false, daily: b.dayCount >= config.daily, headers: headers(b) };
			}
			b.count += 1;
			b.dayCount += 1;
			return { allowed: true, headers: headers(b) };
		},
		/** Headers without counting (for requests that never reach a bucket, e.g. a bad token). */
		peek(key) {
			return headers(bucket(key));
		},
		/** New limits, counted from zero. */
		configure(next) {
			Object.assign(config, next || {});
			buckets.clear();
		},
		/** The limits the simulator started with, counted from zero. */
		reset() {
			Object.assign(config, initial);
			buckets.clear();
		},
	};
}

module.exports = { createRateLimiter };
