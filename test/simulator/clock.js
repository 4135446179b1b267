'use strict';
// The post clock: a controllable "now" that drives scheduling and publishing. It never moves by
// itself unless `follow` is set (the CLI), so tests decide exactly when time passes.

function createClock(startIso, follow) {
	let base = startIso ? Date.parse(startIso) : Date.now();
	let realAnchor = Date.now();
	if (Number.isNaN(base)) throw new Error(`Invalid clock start: ${startIso}`);
	return {
		now() {
			return follow ? base + (Date.now() - realAnchor) : base;
		},
		nowIso() {
			return new Date(this.now()).toISOString();
		},
		set(iso) {
			const ms = typeof iso === 'number' ? iso : Date.parse(iso);
			if (Number.isNaN(ms)) throw new Error(`Invalid date: ${iso}`);
			base = ms;
			realAnchor = Date.now();
		},
		advance(ms) {
			base = this.now() + Number(ms);
			realAnchor = Date.now();
		},
	};
}

/** The rate-limit window's time source: real time plus an offset tests can push forward. */
function createWindowClock(source) {
	let offset = 0;
	const read = typeof source === 'function' ? source : () => Date.now();
	return {
		now: () => read() + offset,
		advance(ms) {
			offset += Number(ms);
		},
	};
}

module.exports = { createClock, createWindowClock };
