'use strict';
// Deterministic fault injection. Either "the next N API requests" get a fault, or a share of
// requests does, decided by a seeded PRNG so a run is reproducible.

/** A small deterministic PRNG (mulberry32): a seed replays a run (faults here, property tests' data). */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// `reset`, `error`, `rateLimit` strike before the request is carried out; `lostAnswer` and
// `slowAnswer` after it (the post exists, the client never hears so, or hears too late). `echo`
// answers an error that echoes the request back, secrets included (see echoError in errors.js).
const KINDS = ['error', 'rateLimit', 'reset', 'malformed', 'lostAnswer', 'slowAnswer', 'echo'];

/**
 * Config: { errorRate, errorStatus, rateLimitRate, resetRate, malformedRate, lostAnswerRate,
 *           slowAnswerRate, slowAnswerMs, echoRate, latencyMs, seed, pathIncludes, skip,
 *           next: { kind, count, status } }
 * `skip`: that many requests pass untouched first (to strike the Nth request of a run).
 */
function createFaults() {
	let config = {};
	let random = mulberry32(1);
	let pending = [];
	let toSkip = 0;

	return {
		set(next) {
			config = { ...(next || {}) };
			random = mulberry32(config.seed ?? 1);
			pending = [];
			toSkip = config.skip ?? 0;
			const nexts = config.next ? [].concat(config.next) : [];
			for (const n of nexts) {
				if (!KINDS.includes(n.kind)) throw new Error(`Unknown fault kind: ${n.kind}`);
				for (let i = 0; i < (n.count ?? 1); i += 1) pending.push({ kind: n.kind, status: n.status });
			}
		},
		clear() {
			this.set({});
		},
		current() {
			return { ...config, pendingCount: pending.length };
		},
		/** The fault for this request, if any: { kind, status?, latencyMs? }. */
		decide(path) {
			if (config.pathIncludes && !path.includes(config.pathIncludes)) return undefined;
			if (toSkip > 0) {
				toSkip -= 1;
				return undefined;
			}
			const latencyMs = config.latencyMs || 0;
			if (pending.length) return { ...pending.shift(), latencyMs };
			const roll = random();
			let edge = 0;
			for (const [kind, rate] of [
				['error', config.errorRate],
				['rateLimit', config.rateLimitRate],
				['reset', config.resetRate],
				['malformed', config.malformedRate],
				['lostAnswer', config.lostAnswerRate],
				['slowAnswer', config.slowAnswerRate],
				['echo', config.echoRate],
			]) {
				edge += rate || 0;
				if (roll < edge) return { kind, status: config.errorStatus, latencyMs };
			}
			return latencyMs ? { kind: 'latency', latencyMs } : undefined;
		},
	};
}

module.exports = { createFaults, mulberry32 };
