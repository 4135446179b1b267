'use strict';
// Measurements for benchmark scripts written in TypeScript (the strict n8n lint forbids `process`,
// `Buffer` and `node:` modules in .ts files): this process's CPU time, JSON sizes, settings from
// the environment and a CPU profile of one run, summarised.

const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

/** This process's CPU time so far (user + system, µs). */
function cpuMicros() {
	const usage = process.cpuUsage();
	return usage.user + usage.system;
}

/** UTF-8 bytes of a value as JSON (what n8n stores for static data). */
function jsonBytes(value) {
	return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** An integer setting from the environment, or the fallback. */
function intSetting(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw}: expected a positive integer`);
	return value;
}

function textSetting(name) {
	return process.env[name] || undefined;
}

/** Where a profiled function's code comes from, for totals by origin. */
function originOf(url) {
	if (!url) return 'V8 / native (JSON, GC, …)';
	const file = url.replace(/^file:\/\//, '');
	const modules = file.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const rest = file.slice(modules + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (file.includes('/dist/nodes/') || file.includes('/dist/credentials/')) return 'this package (dist/)';
	if (file.startsWith('node:')) return 'Node.js (http, streams, …)';
	return path.relative(process.cwd(), file) || file;
}

function sessionPost(session, method, params) {
	return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
}

/**
 * Runs `run` under the V8 CPU profiler; returns self time (ms) by origin and the top functions.
 * Profiling slows the run: use its shares, not its times, next to unprofiled figures.
 */
async function profileRun(run, top = 12) {
	const session = new inspector.Session();
	session.connect();
	try {
		await sessionPost(session, 'Profiler.enable');
		await sessionPost(session, 'Profiler.setSamplingInterval', { interval: 200 });
		await sessionPost(session, 'Profiler.start');
		await run();
		const { profile } = await sessionPost(session, 'Profiler.stop');
		// HOOPAI_BENCH_PROFILE_OUT=<file.cpuprofile> keeps the profile (Chrome DevTools opens it).
		if (process.env.HOOPAI_BENCH_PROFILE_OUT) fs.writeFileSync(process.env.HOOPAI_BENCH_PROFILE_OUT, JSON.stringify(profile));
		return summarise(profile, top);
	} finally {
		session.disconnect();
	}
}

function summarise(profile, top) {
	const selfMicros = new Map();
	// The first delta is the time from Profiler.start to the first sample, not a sample's own time.
	profile.samples.forEach((id, index) => {
		if (index > 0) selfMicros.set(id, (selfMicros.get(id) || 0) + profile.timeDeltas[index]);
	});
	const byOrigin = new Map();
	const byFunction = new Map();
	let total = 0;
	for (const node of profile.nodes) {
		const micros = selfMicros.get(node.id) || 0;
		const { functionName, url, lineNumber } = node.callFrame;
		if (!micros || functionName === '(idle)' || functionName === '(program)') continue;
		total += micros;
		const origin = functionName === '(garbage collector)' ? 'V8 / native (JSON, GC, …)' : originOf(url);
		byOrigin.set(origin, (byOrigin.get(origin) || 0) + micros);
		const name = `${functionName || '(anonymous)'} ${url ? `${originOf(url)}:${path.basename(url)}:${lineNumber + 1}` : '(native)'}`;
		byFunction.set(name, (byFunction.get(name) || 0) + micros);
	}
	const sorted = (map) =>
		[...map].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
	return { totalMs: total / 1000, byOrigin: sorted(byOrigin), topFunctions: sorted(byFunction).slice(0, top) };
}

module.exports = { cpuMicros, jsonBytes, intSetting, textSetting, profileRun };
