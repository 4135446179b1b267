#!/usr/bin/env node
'use strict';
// `npm run bench:n8n`: what one item costs in our node against n8n's own HTTP Request node making
// the same call, measured in a real n8n (issue 11). A script that prints figures; it asserts
// nothing about speed (it fails only when a workflow fails or the two sides disagree on items).
//
// What it does: builds and packs this worktree's package, installs the tarball into a temporary n8n
// user folder (n8n 2.41.1 on Node 24 from the e2e cache, see test/e2e/lib/install.js), starts the
// API simulator with the sample data plus 150 posts (rate limit raised so it never answers 429),
// imports a hoopAiApi credential pointing at it and generated workflows, and runs them with
// `n8n execute --id … --rawOutput`. Each operation is a section: N items, each $json carrying the
// ID / fields the request needs → our node with expressions from $json where a user maps them, and
// → n8n's HTTP Request node (latest typeVersion, authentication = predefined credential type
// hoopAiApi, so both authenticate the same way) making the same call. Runs alternate the order
// (ours first / HTTP first); the simulator is reset before every run. Each node's `executionTime`
// comes from the run data.
//
// Expressions per item are counted inside the n8n process: NODE_OPTIONS=--require
// test/bench/lib/expression-counter.js patches n8n-workflow's resolveSimpleParameterValue and counts
// evaluations per node (see that file). Every execution first runs a check: an HTTP Request node
// without credential, exactly one expression in its URL, must be counted once per item (else the
// benchmark stops). Requests per item come from the simulator's request log, attributed to a node
// by the node's start time and execution time; the first runs also compare the two sides' requests.
//
// Prints: n8n version, expression engine (as the n8n process reports it), items and runs, then per
// operation the median ms per input item of each side, the median of the per-run ratios
// (ours / HTTP), their spread (min–max), expressions and requests per item of each side, what each
// comparison is, and which expressions each side evaluates per item. Writes the same as JSON (path
// printed; per run figures, per node expression counts with sampled call stacks) for before/after
// comparisons.
//
// Run:  npm run bench:n8n        needs the e2e tier's n8n cache (installed on first use, ~7 min)
// Env:  HOOPAI_BENCH_ITEMS=200        input items per operation
//       HOOPAI_BENCH_LIST_ITEMS=10    input items of Post → Get Many (each lists every post, 2 pages)
//       HOOPAI_BENCH_RUNS=9           runs per order (up to 2 × this many executions)
//       HOOPAI_BENCH_MAX_MINUTES=10   time budget: after 2 runs per order, no new pair of runs starts
//                                     when it would end past this (printed); 0 = always all runs
//       HOOPAI_BENCH_OPS=post.get,…   only these operations (post.get, post.getAll, account.getAll,
//                                     category.get, tag.getAll, post.create, post.update)
//       HOOPAI_BENCH_SEPARATE=1       one workflow (one `n8n execute`) per operation and run instead
//                                     of one workflow holding every operation (slower: n8n starts
//                                     once per execution, 5–20 s)
//       HOOPAI_BENCH_WARMUP=10        items of an unmeasured Post → Get section (both nodes) run first
//                                     in each execution, so neither measured side pays n8n's cold
//                                     start alone; 0 turns it off
//       HOOPAI_BENCH_OUT=<file>       the JSON (default test/artifacts/bench-n8n-per-call-<time>.json)
//       HOOPAI_BENCH_KEEP=1           keep the temporary folder (user folder, workflows, run output)
//       HOOPAI_BENCH_COMPARE=<json>   also print before → after against an earlier run's JSON
//                                     (or, without running: node test/bench/n8n-per-call.js
//                                     --compare <before.json> <after.json>)
//       HOOPAI_E2E_CACHE              the n8n / Node 24 cache (default ~/.cache/hoopai-n8n-e2e)
//       N8N_EXPRESSION_ENGINE         passed through to n8n (n8n's default: vm)
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync, spawn } = require('child_process');
const { ensureN8n, cacheDir, N8N_VERSION } = require('../e2e/lib/install');
const { REPO_ROOT, seconds, freePort, makeN8n, credentialFile, tmpDir, tail } = require('../e2e/lib/n8n');
const { build, pack, installTarball } = require('../e2e/lib/package');
const { startSimulator } = require('../simulator');
const { operations, counterCheck, sectionNames, buildWorkflow, seedBenchData } = require('./lib/operations');

const COUNTER = path.join(__dirname, 'lib', 'expression-counter.js');
const CREDENTIAL = { id: 'hoopAiBenchCred01', name: 'HoopAI (benchmark simulator)' };
const RATE_LIMIT = { max: 1_000_000_000, intervalMs: 10_000, daily: 1_000_000_000 };

function intEnv(name, fallback, min = 1) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) throw new Error(`${name}=${raw}: expected an integer ≥ ${min}`);
	return value;
}

const SETTINGS = {
	items: intEnv('HOOPAI_BENCH_ITEMS', 200),
	listItems: intEnv('HOOPAI_BENCH_LIST_ITEMS', 10),
	runsPerOrder: intEnv('HOOPAI_BENCH_RUNS', 9),
	warmup: intEnv('HOOPAI_BENCH_WARMUP', 10, 0),
	separate: process.env.HOOPAI_BENCH_SEPARATE === '1',
	only: (process.env.HOOPAI_BENCH_OPS || '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean),
	keep: process.env.HOOPAI_BENCH_KEEP === '1',
	maxMinutes: intEnv('HOOPAI_BENCH_MAX_MINUTES', 10, 0),
};
const ORDERS = ['ours-first', 'http-first'];

const bench = (msg) => process.stdout.write(`[bench] ${msg}\n`);
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Stamps every simulator request with the wall-clock time it arrived (the log's `at` is the sim clock). */
function stampRequests(sim) {
	if (!Array.isArray(sim.requestLog)) throw new Error('the simulator has no request log to stamp');
	// An own `push` on this one array (reset() empties it in place, so the stamp stays).
	sim.requestLog.push = function (...entries) {
		for (const entry of entries) entry.wallMs = Date.now();
		return Array.prototype.push.apply(this, entries);
	};
}

/** Back to the sample data plus the benchmark's posts, limits raised; the same IDs every time. */
function prepareState(sim, expected) {
	sim.control.reset('sample');
	sim.control.setRateLimit(RATE_LIMIT);
	const refs = seedBenchData(sim);
	if (expected && JSON.stringify(refs) !== JSON.stringify(expected)) {
		throw new Error('the simulator did not come back to the same IDs after a reset; the workflows would point at missing records');
	}
	return refs;
}

/** A request as a comparable string: method, path, query and body with sorted keys. */
function signature(entry) {
	const canonical = (value) => {
		if (Array.isArray(value)) return value.map(canonical);
		if (value && typeof value === 'object')
			return Object.fromEntries(
				Object.keys(value)
					.sort()
					.map((key) => [key, canonical(value[key])]),
			);
		return value;
	};
	const query = entry.query && Object.keys(entry.query).length ? `?${JSON.stringify(canonical(entry.query))}` : '';
	const body = entry.body === undefined || entry.body === null ? '' : ` ${JSON.stringify(canonical(entry.body))}`;
	return `${entry.method} ${entry.path}${query}${body}`;
}

/** What one side sent that the other did not (multisets of request signatures), shortened. */
function requestDifference(ours, theirs) {
	const countOf = (list) => list.reduce((map, s) => map.set(s, (map.get(s) || 0) + 1), new Map());
	const a = countOf(ours.map(signature));
	const b = countOf(theirs.map(signature));
	const only = (x, y) => {
		const out = new Map();
		for (const [s, n] of x)
			if (n > (y.get(s) || 0)) out.set(s.replace(/ \{.*$/, ' {…}'), (out.get(s.replace(/ \{.*$/, ' {…}')) || 0) + n - (y.get(s) || 0));
		return [...out].map(([s, n]) => `${s} ×${n}`);
	};
	return { oursOnly: only(a, b), httpOnly: only(b, a) };
}

function readCounts(dir) {
	if (!fs.existsSync(dir)) return undefined;
	const reports = fs
		.readdirSync(dir)
		.filter((f) => /^counts-\d+\.json$/.test(f))
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
	// The n8n process that ran the workflow (task runners, if they ever load n8n-workflow, are separate files).
	return reports.find((r) => r.argv.includes('execute')) ?? reports[0];
}

/**
 * Runs an n8n CLI command with stdout and stderr going to files, not pipes: `n8n execute` ends
 * with process.exit(), which cuts a large --rawOutput short on a pipe; writes to a file are
 * synchronous in Node, so the whole run data arrives.
 */
function n8nToFiles(n8n, args, { outFile, timeoutMs = 600000 }) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const out = fs.openSync(outFile, 'w');
		const err = fs.openSync(`${outFile}.stderr`, 'w');
		const child = spawn(n8n.install.nodeBin, [n8n.install.n8nBin, ...args], {
			cwd: n8n.userFolder,
			env: n8n.env,
			stdio: ['ignore', out, err],
		});
		fs.closeSync(out);
		fs.closeSync(err);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code: signal ? `signal ${signal}` : code,
				stdout: fs.readFileSync(outFile, 'utf8'),
				stderr: fs.readFileSync(`${outFile}.stderr`, 'utf8'),
				ms: Date.now() - t0,
			});
		});
	});
}

/** The run data JSON that `n8n execute --rawOutput` prints after its log lines. */
function parseRunData(stdout) {
	const start = stdout.search(/^\{/m);
	const end = stdout.lastIndexOf('\n}');
	if (start < 0 || end < start) throw new Error(`no JSON in n8n's output:\n${tail(stdout)}`);
	return JSON.parse(stdout.slice(start, end + 2));
}

/** Runs one workflow once; returns per-node times, items and the simulator's requests it made. */
async function runOnce({ install, userFolder, sim, workflow, counterDir }) {
	const n8n = makeN8n(install, userFolder, {
		port: await freePort(),
		brokerPort: await freePort(),
		extra: { NODE_OPTIONS: `--require ${COUNTER}`, HOOPAI_BENCH_COUNTER_DIR: counterDir },
	});
	sim.control.clearRequests();
	fs.mkdirSync(counterDir, { recursive: true });
	const result = await n8nToFiles(n8n, ['execute', `--id=${workflow.id}`, '--rawOutput'], { outFile: path.join(counterDir, 'stdout.txt') });
	const requests = sim.control.requests();
	if (result.code !== 0) {
		const output = `${result.stdout}\n${result.stderr}`;
		const at = output.lastIndexOf('Execution error:');
		throw new Error(`n8n execute ${workflow.id} exited ${result.code}: ${at >= 0 ? output.slice(at, at + 1500) : tail(output)}`);
	}
	const run = parseRunData(result.stdout);
	if (!SETTINGS.keep) fs.rmSync(path.join(counterDir, 'stdout.txt'), { force: true });
	const resultData = run.resultData ?? run.data?.resultData;
	if (resultData?.error) throw new Error(`workflow ${workflow.id} failed: ${JSON.stringify(resultData.error).slice(0, 1500)}`);
	const nodes = {};
	for (const [name, tasks] of Object.entries(resultData.runData)) {
		const task = tasks[tasks.length - 1];
		if (task.error) throw new Error(`node ${name} failed: ${JSON.stringify(task.error).slice(0, 1500)}`);
		nodes[name] = {
			startTime: task.startTime,
			executionTime: task.executionTime,
			items: (task.data?.main?.[0] ?? []).length,
			requests: [],
		};
	}
	// Attribute each request to the node running when it arrived.
	const windows = Object.entries(nodes).sort((a, b) => a[1].startTime - b[1].startTime);
	let unattributed = 0;
	for (const entry of requests) {
		const owner = windows.find(([, n]) => entry.wallMs >= n.startTime && entry.wallMs <= n.startTime + n.executionTime + 1);
		if (owner) owner[1].requests.push(entry);
		else unattributed += 1;
	}
	return { nodes, counts: readCounts(counterDir), ms: result.ms, unattributed };
}

function pad(text, width, right = false) {
	const s = String(text);
	return right ? s.padStart(width) : s.padEnd(width);
}

function formatTable(rows, columns) {
	const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => String(r[c.key]).length)));
	const line = (cells) => `| ${cells.map((cell, i) => pad(cell, widths[i], columns[i].right)).join(' | ')} |`;
	return [
		line(columns.map((c) => c.title)),
		`|${widths.map((w, i) => (columns[i].right ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`,
		...rows.map((r) => line(columns.map((c) => r[c.key]))),
	].join('\n');
}

function gitDescribe() {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
		const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
		const dirty =
			execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
		return { commit, branch, dirty };
	} catch {
		return { commit: 'unknown', branch: 'unknown', dirty: false };
	}
}

/** An expression as short text: without the leading '=', long ones cut. */
function shortExpression(text) {
	const plain = text.replace(/^=/, '').replace(/\s+/g, ' ');
	return plain.length > 70 ? `${plain.slice(0, 67)}…` : plain;
}

/** Count per item, e.g. "7", or "3 +1/run" when some evaluations happen once per run, not per item. */
function perItem(count, items) {
	const whole = Math.floor(count / items);
	const rest = count - whole * items;
	return rest ? `${whole} +${rest}/run` : String(whole);
}

let loadAtStart = '';

async function main() {
	const t0 = Date.now();
	loadAtStart = os
		.loadavg()
		.map((x) => x.toFixed(1))
		.join(' ');
	const git = gitDescribe();
	bench(`worktree ${REPO_ROOT} (${git.branch} @ ${git.commit}${git.dirty ? ', node code modified' : ''})`);
	bench(`n8n cache: ${cacheDir()}`);
	const install = await ensureN8n(N8N_VERSION);

	const work = tmpDir('hoopai-bench-');
	const userFolder = path.join(work, 'n8n');
	fs.mkdirSync(userFolder, { recursive: true });
	bench(`work folder: ${work}`);
	const buildMs = await build();
	const packed = await pack(work);
	const installed = await installTarball(userFolder, packed.tarball);
	bench(
		`built (${seconds(buildMs)}), packed ${path.basename(packed.tarball)}, installed into ${path.relative(work, installed.dir)} (${seconds(installed.ms)})`,
	);

	const sim = await startSimulator({ port: 0, seed: 'sample', rateLimit: RATE_LIMIT });
	stampRequests(sim);
	try {
		const refs = prepareState(sim);
		bench(
			`simulator ${sim.url}: sample data + ${refs.postIds.length} posts (${refs.totalPosts} in all); rate limit raised to ${RATE_LIMIT.max.toLocaleString('en')} requests per ${RATE_LIMIT.intervalMs / 1000} s (the API allows 100)`,
		);

		const all = operations({
			baseUrl: sim.url,
			locationId: sim.locationId,
			userId: sim.userId,
			refs,
			items: SETTINGS.items,
			listItems: SETTINGS.listItems,
		});
		const unknown = SETTINGS.only.filter((key) => !all.some((op) => op.key === key));
		if (unknown.length) throw new Error(`HOOPAI_BENCH_OPS: unknown ${unknown.join(', ')} (known: ${all.map((op) => op.key).join(', ')})`);
		const ops = all.filter((op) => !SETTINGS.only.length || SETTINGS.only.includes(op.key));
		for (const op of ops) op.names = sectionNames(op);
		const before = [];
		if (SETTINGS.warmup > 0) {
			const [getOp] = operations({
				baseUrl: sim.url,
				locationId: sim.locationId,
				userId: sim.userId,
				refs,
				items: SETTINGS.warmup,
				listItems: 1,
			});
			before.push({ ...getOp, key: 'warm-up' });
		}
		const check = counterCheck({ baseUrl: sim.url, items: 5 });
		before.push(check);
		for (const op of before) op.names = sectionNames(op);

		// Workflows: one per (group of operations, order).
		const groups = SETTINGS.separate ? ops.map((op) => [op]) : [ops];
		const workflows = [];
		const wfDir = path.join(work, 'workflows');
		fs.mkdirSync(wfDir);
		groups.forEach((sections, g) => {
			for (const order of ORDERS) {
				const tag = SETTINGS.separate ? sections[0].key.replace(/\W/g, '') : 'all';
				const workflow = buildWorkflow({
					id: `hoopBench${tag}${order === 'ours-first' ? 'Ours' : 'Http'}`.slice(0, 36),
					name: `HoopAI benchmark: ${sections.map((s) => s.label).join(', ')} (${order})`,
					sections,
					order,
					before,
					credential: CREDENTIAL,
				});
				fs.writeFileSync(path.join(wfDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 1));
				workflows.push({ group: g, order, sections, workflow });
			}
		});
		const importN8n = makeN8n(install, userFolder, { port: await freePort(), brokerPort: await freePort() });
		const cred = credentialFile(work, {
			baseUrl: sim.url,
			token: sim.token,
			locationId: sim.locationId,
			userId: sim.userId,
			...CREDENTIAL,
		});
		await importN8n.cli(['import:credentials', `--input=${cred}`]);
		await importN8n.cli(['import:workflow', '--separate', `--input=${wfDir}`]);
		bench(
			`imported the credential and ${workflows.length} workflows (${ops.map((op) => op.key).join(', ')}; ${SETTINGS.separate ? 'one workflow per operation' : 'all operations in one workflow'}, ×2 orders)`,
		);

		// Runs: alternate the order; every run starts from the same simulator state.
		const totalRuns = SETTINGS.runsPerOrder * 2;
		bench(
			`${totalRuns} runs of ${SETTINGS.items} items per operation (time budget ${SETTINGS.maxMinutes ? `${SETTINGS.maxMinutes} min` : 'off'})`,
		);
		const samples = new Map(ops.map((op) => [op.key, []]));
		const countsSeen = new Map();
		let engine;
		const counterChecks = [];
		let stoppedEarly = '';
		let pairStarted = Date.now();
		let slowestPairMs = 0;
		let runsDone = 0;
		for (let r = 0; r < totalRuns; r++) {
			const order = ORDERS[r % 2];
			if (order === 'ours-first' && r > 0) {
				// A pair (one run of each order) is done: would the next one end past the time budget?
				slowestPairMs = Math.max(slowestPairMs, Date.now() - pairStarted);
				pairStarted = Date.now();
				const budgetMs = SETTINGS.maxMinutes * 60_000;
				if (budgetMs && r >= 4 && Date.now() - t0 + slowestPairMs > budgetMs) {
					stoppedEarly = `stopped after ${r / 2} runs per order: another pair (${seconds(slowestPairMs)}) would pass the ${SETTINGS.maxMinutes} min budget (HOOPAI_BENCH_MAX_MINUTES=0: no limit)`;
					bench(stoppedEarly);
					break;
				}
			}
			runsDone = r + 1;
			for (let g = 0; g < groups.length; g++) {
				const { workflow, sections } = workflows.find((w) => w.group === g && w.order === order);
				prepareState(sim, refs);
				const counterDir = path.join(work, 'counts', `run-${r + 1}-${g + 1}`);
				const run = await runOnce({ install, userFolder, sim, workflow, counterDir });
				if (!run.counts) throw new Error('the expression counter wrote nothing: was n8n-workflow loaded from an unexpected place?');
				engine ??= run.counts.engines;
				const checked = run.counts.byNode[check.names.http[0]]?.total ?? 0;
				if (checked !== check.input.length) {
					throw new Error(
						`expression counter check: an HTTP Request whose URL holds one expression was counted ${checked} times for ${check.input.length} items`,
					);
				}
				counterChecks.push(checked);
				const parts = [];
				for (const op of sections) {
					const ours = run.nodes[op.names.ours];
					const httpNodes = op.names.http.map((name) => run.nodes[name]);
					if (!ours || httpNodes.some((n) => !n)) throw new Error(`${op.key}: a node of the section did not run`);
					const httpLast = httpNodes[httpNodes.length - 1];
					const oursFirst = ours.startTime <= httpNodes[0].startTime;
					if (oursFirst !== (order === 'ours-first')) throw new Error(`${op.key}: n8n ran the sides in the wrong order for ${order}`);
					if (ours.items !== httpLast.items) {
						throw new Error(`${op.key}: our node output ${ours.items} items, the HTTP side ${httpLast.items}`);
					}
					const inputItems = op.input.length;
					const httpMs = httpNodes.reduce((sum, n) => sum + n.executionTime, 0);
					const byNode = run.counts.byNode;
					const exprOf = (name) => byNode[name]?.total ?? 0;
					const sample = {
						run: r + 1,
						order,
						oursMs: ours.executionTime,
						httpMs,
						httpNodesMs: Object.fromEntries(op.names.http.map((name, i) => [name, httpNodes[i].executionTime])),
						ratio: ours.executionTime / httpMs,
						inputItems,
						outputItems: ours.items,
						oursRequests: ours.requests.length,
						httpRequests: httpNodes.reduce((sum, n) => sum + n.requests.length, 0),
						oursExpressions: exprOf(op.names.ours),
						httpExpressions: op.names.http.reduce((sum, name) => sum + exprOf(name), 0),
					};
					if (r < 2) {
						sample.requestDifference = requestDifference(
							ours.requests,
							httpNodes.flatMap((n) => n.requests),
						);
						countsSeen.set(`${op.key}|${order}`, {
							ours: byNode[op.names.ours] ?? { total: 0, expressions: {} },
							http: Object.fromEntries(op.names.http.map((name) => [name, byNode[name] ?? { total: 0, expressions: {} }])),
						});
					}
					samples.get(op.key).push(sample);
					parts.push(`${op.key} ${(sample.oursMs / inputItems).toFixed(2)}/${(sample.httpMs / inputItems).toFixed(2)} ms`);
				}
				bench(
					`run ${r + 1}/${totalRuns} (${order}${groups.length > 1 ? `, ${sections[0].key}` : ''}): ${parts.join(', ')} [n8n execute ${seconds(run.ms)}${run.unattributed ? `, ${run.unattributed} requests outside any node` : ''}]`,
				);
			}
		}

		// Summary.
		const rows = ops.map((op) => {
			const list = samples.get(op.key);
			const n = op.input.length;
			const ratios = list.map((s) => s.ratio);
			const first = list[0];
			const stable = (key) => (list.every((s) => s[key] === first[key]) ? '' : ' (varied)');
			const perOrder = Object.fromEntries(
				ORDERS.map((order) => {
					const of = list.filter((s) => s.order === order);
					return [
						order,
						{
							oursMsPerItem: median(of.map((s) => s.oursMs)) / n,
							httpMsPerItem: median(of.map((s) => s.httpMs)) / n,
							ratio: median(of.map((s) => s.ratio)),
						},
					];
				}),
			);
			return {
				key: op.key,
				label: op.label,
				comparison: op.comparison,
				singleRequest: op.singleRequest,
				inputItems: n,
				outputItems: first.outputItems,
				oursMsPerItem: median(list.map((s) => s.oursMs)) / n,
				httpMsPerItem: median(list.map((s) => s.httpMs)) / n,
				medianRatio: median(ratios),
				// A first-in-section penalty multiplies one side's time; the geometric mean of the two
				// orders' medians cancels it (JSON only).
				orderBalancedRatio: Math.sqrt(perOrder['ours-first'].ratio * perOrder['http-first'].ratio),
				medianDifferenceMsPerItem: median(list.map((s) => s.oursMs - s.httpMs)) / n,
				minRatio: Math.min(...ratios),
				maxRatio: Math.max(...ratios),
				perOrder,
				oursExpressionsPerItem: first.oursExpressions / n,
				httpExpressionsPerItem: first.httpExpressions / n,
				expressionCountsStable: stable('oursExpressions') === '' && stable('httpExpressions') === '',
				oursRequestsPerItem: first.oursRequests / n,
				httpRequestsPerItem: first.httpRequests / n,
				requestDifference: first.requestDifference,
				expressions: { 'ours-first': countsSeen.get(`${op.key}|ours-first`), 'http-first': countsSeen.get(`${op.key}|http-first`) },
				runs: list,
			};
		});
		const fmt = (x, digits = 2) => x.toFixed(digits);
		const table = formatTable(
			rows.map((row) => ({
				op: row.label,
				ours: fmt(row.oursMsPerItem),
				http: fmt(row.httpMsPerItem),
				ratio: `${fmt(row.medianRatio)}×`,
				spread: `${fmt(row.minRatio)}–${fmt(row.maxRatio)}`,
				diff: `${row.medianDifferenceMsPerItem >= 0 ? '+' : ''}${fmt(row.medianDifferenceMsPerItem)}`,
				exOurs: fmt(row.oursExpressionsPerItem, 1),
				exHttp: fmt(row.httpExpressionsPerItem, 1),
				req: `${fmt(row.oursRequestsPerItem, 2).replace(/\.?0+$/, '')} / ${fmt(row.httpRequestsPerItem, 2).replace(/\.?0+$/, '')}`,
			})),
			[
				{ key: 'op', title: 'operation' },
				{ key: 'ours', title: 'ours ms/item', right: true },
				{ key: 'http', title: 'HTTP ms/item', right: true },
				{ key: 'ratio', title: 'median ratio', right: true },
				{ key: 'spread', title: 'spread', right: true },
				{ key: 'diff', title: 'Δ ms/item', right: true },
				{ key: 'exOurs', title: 'expr/item ours', right: true },
				{ key: 'exHttp', title: 'expr/item HTTP', right: true },
				{ key: 'req', title: 'requests/item ours / HTTP', right: true },
			],
		);
		const engineText =
			(engine ?? []).map((e) => `${e.expressionEngine}${e.vmEvaluatorStarted ? ' (isolated-vm evaluator running)' : ''}`).join(', ') ||
			'unknown';
		const totalMs = Date.now() - t0;
		const header = [
			`n8n ${install.version} on Node ${execFileSync(install.nodeBin, ['--version'], { encoding: 'utf8' }).trim()}, expression engine: ${engineText}${process.env.N8N_EXPRESSION_ENGINE ? ` (N8N_EXPRESSION_ENGINE=${process.env.N8N_EXPRESSION_ENGINE})` : ' (n8n default)'}`,
			`package: ${git.branch} @ ${git.commit}${git.dirty ? ' (node code modified)' : ''}; HTTP Request typeVersion 4.5 with predefined credential hoopAiApi`,
			`${SETTINGS.items} items per operation (Post → Get Many: ${SETTINGS.listItems}), ${runsDone} runs (${runsDone / 2} ours first, ${runsDone / 2} HTTP first, alternating${stoppedEarly ? `; ${stoppedEarly}` : ''}), ${SETTINGS.separate ? 'one workflow per operation' : 'all operations in one workflow per run'}, warm-up ${SETTINGS.warmup ? `${SETTINGS.warmup} items of Post → Get (both nodes, unmeasured)` : 'off'}`,
			`simulator: sample data + ${refs.postIds.length} posts, rate limit raised to ${RATE_LIMIT.max.toLocaleString('en')} per ${RATE_LIMIT.intervalMs / 1000} s and per day (never 429), state reset before every run`,
			`expression counter check: an HTTP Request without credential, one expression in its URL, counted ${[...new Set(counterChecks)].join('/')} for ${check.input.length} items in every run`,
			`ms/item: node executionTime / input items, median over runs; ratio: ours / HTTP per run (HTTP side = all its nodes); spread: min–max of those ratios; Δ: median of per-run (ours − HTTP) / items`,
		];
		const notes = rows.map((row) => {
			const diff = row.requestDifference;
			const same = !diff.oursOnly.length && !diff.httpOnly.length;
			const differs = same
				? 'the same requests'
				: `requests differ: ours only ${diff.oursOnly.join(', ') || '—'}; HTTP only ${diff.httpOnly.join(', ') || '—'}`;
			const orders = `median ratio with ours first ${fmt(row.perOrder['ours-first'].ratio)}×, with HTTP first ${fmt(row.perOrder['http-first'].ratio)}×`;
			return `- ${row.label}: ${row.comparison} ${row.inputItems} input → ${row.outputItems} output items; ${differs}; ${orders}.${row.expressionCountsStable ? '' : ' (expression counts varied between runs)'}`;
		});
		// Where each side's expressions come from (first run), per input item.
		const breakdown = rows.map((row) => {
			const seen = row.expressions['ours-first'] ?? row.expressions['http-first'];
			const list = (entry) =>
				Object.entries(entry?.expressions ?? {})
					.sort((a, b) => b[1].count - a[1].count)
					.map(([text, e]) => `${shortExpression(text)} ×${perItem(e.count, row.inputItems)}`)
					.join(', ') || 'none';
			const http = Object.entries(seen?.http ?? {}).map(([name, entry]) => `${name.replace(/^\[[^\]]*\] /, '')}: ${list(entry)}`);
			return `- ${row.label}\n    ours: ${list(seen?.ours)}\n    HTTP: ${http.join('; ')}`;
		});
		const load = os
			.loadavg()
			.map((x) => x.toFixed(1))
			.join(' ');
		const report = `${header.join('\n')}\n\n${table}\n\n${notes.join('\n')}\n\nExpressions evaluated per input item (count in the first run / items; "{{…}}" shortened):\n${breakdown.join('\n')}\n\nload average at start ${loadAtStart}, at end ${load} (${os.cpus().length} CPUs)\ntotal ${seconds(totalMs)}`;
		process.stdout.write(`\n${report}\n`);

		const out =
			process.env.HOOPAI_BENCH_OUT ||
			path.join(REPO_ROOT, 'test', 'artifacts', `bench-n8n-per-call-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(
			out,
			JSON.stringify(
				{
					benchmark: 'n8n-per-call',
					date: new Date().toISOString(),
					git,
					n8n: install.version,
					expressionEngine: engine,
					settings: {
						...SETTINGS,
						runs: runsDone,
						stoppedEarly: stoppedEarly || undefined,
						rateLimit: RATE_LIMIT,
						httpRequestTypeVersion: 4.5,
					},
					totalMs,
					loadAverage: {
						start: loadAtStart,
						end: os
							.loadavg()
							.map((x) => x.toFixed(1))
							.join(' '),
						cpus: os.cpus().length,
					},
					table,
					report,
					operations: rows,
				},
				null,
				1,
			),
		);
		process.stdout.write(`JSON: ${out}\n`);
		if (process.env.HOOPAI_BENCH_COMPARE) {
			process.stdout.write(
				`\n${compareReports(JSON.parse(fs.readFileSync(process.env.HOOPAI_BENCH_COMPARE, 'utf8')), JSON.parse(fs.readFileSync(out, 'utf8')))}\n`,
			);
		}
	} finally {
		await sim.stop();
		if (SETTINGS.keep) bench(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
}

/** Before → after, per operation present in both JSON files. */
function compareReports(before, after) {
	const arrow = (a, b, digits = 2, suffix = '') =>
		a === undefined ? `${b.toFixed(digits)}${suffix}` : `${a.toFixed(digits)} → ${b.toFixed(digits)}${suffix}`;
	const rows = after.operations.map((now) => {
		const was = before.operations.find((op) => op.key === now.key);
		return {
			op: now.label,
			ratio: arrow(was?.medianRatio, now.medianRatio, 2, '×'),
			ours: arrow(was?.oursMsPerItem, now.oursMsPerItem),
			http: arrow(was?.httpMsPerItem, now.httpMsPerItem),
			expr: arrow(was?.oursExpressionsPerItem, now.oursExpressionsPerItem, 1),
		};
	});
	const table = formatTable(rows, [
		{ key: 'op', title: 'operation' },
		{ key: 'ratio', title: 'median ratio', right: true },
		{ key: 'ours', title: 'ours ms/item', right: true },
		{ key: 'http', title: 'HTTP ms/item', right: true },
		{ key: 'expr', title: 'expr/item ours', right: true },
	]);
	const label = (r) =>
		`${r.git?.branch ?? '?'} @ ${r.git?.commit ?? '?'}${r.git?.dirty ? ' (modified)' : ''}, ${r.date}, ${r.settings?.runs ?? '?'} runs, load ${r.loadAverage?.start ?? '?'}`;
	return `Before: ${label(before)}\nAfter:  ${label(after)}\n\n${table}`;
}

if (process.argv[2] === '--compare') {
	// node test/bench/n8n-per-call.js --compare before.json after.json: no run, just the comparison.
	const [before, after] = process.argv.slice(3, 5).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
	if (!before || !after) throw new Error('usage: n8n-per-call.js --compare <before.json> <after.json>');
	process.stdout.write(`${compareReports(before, after)}\n`);
} else {
	main().catch((error) => {
		process.stderr.write(`${error.stack || error}\n`);
		process.exit(1);
	});
}
