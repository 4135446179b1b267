'use strict';
// What the trigger and queue-mode tiers read back from a running n8n: its executions (REST API,
// owner cookie), one execution's run data, and waiting for a condition; plus the simulator's polls.
const path = require('path');
const { request, seconds } = require('./n8n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy; fails naming `what` after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs, everyMs = 1000) {
	const t0 = Date.now();
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
		await sleep(everyMs);
	}
}

/** One workflow's executions, newest first (n8n's REST API answers at most 100). */
async function executionsOf(server, cookie, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const r = await request('GET', `${server.url}/rest/executions?filter=${filter}&limit=100`, { cookie });
	if (r.status !== 200) throw new Error(`GET /rest/executions: ${r.status} ${r.text.slice(0, 200)}`);
	const body = r.json.data ?? r.json;
	return (body.results ?? body).filter((e) => String(e.workflowId) === String(workflowId));
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** One execution and its run data (the REST answer stores run data in `flatted` form). */
async function runDataOf(server, cookie, install, executionId) {
	const r = await request('GET', `${server.url}/rest/executions/${executionId}`, { cookie });
	if (r.status !== 200) throw new Error(`GET /rest/executions/${executionId}: ${r.status} ${r.text.slice(0, 200)}`);
	const execution = r.json.data ?? r.json;
	const { parse } = require(path.join(install.dir, 'node_modules', 'flatted'));
	return { execution, run: typeof execution.data === 'string' ? parse(execution.data) : execution.data };
}

/** The simulator's post-list requests (the trigger's polls) since a request-log index. */
function listRequestsSince(sim, index) {
	return sim.control
		.requests()
		.slice(index)
		.filter((r) => r.path.endsWith('/posts/list'));
}

module.exports = { sleep, waitFor, executionsOf, runDataOf, listRequestsSince, FINISHED };
