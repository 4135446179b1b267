#!/usr/bin/env node
'use strict';
// `npm start`: build the package, start the API simulator with sample data, install the package into
// a demo n8n user folder, create the owner account and a ready credential, import the example
// workflows and start the n8n editor on http://localhost:5678. Ctrl-C stops both.
//
// Two folders, kept apart: the download cache (Node 24 + n8n, shared with `npm run test:e2e`, safe
// to delete) and the demo's n8n user folder (your workflows, executions and credentials).
//
// Env: N8N_PORT (5678)            editor port; N8N_RUNNERS_BROKER_PORT defaults to N8N_PORT + 1
//      HOOPAI_SIM_PORT (4010)     simulator port
//      HOOPAI_E2E_CACHE           download cache (default ~/.cache/hoopai-n8n-e2e)
//      HOOPAI_N8N_USER_FOLDER     the demo's n8n user folder (default ~/.hoopai-n8n-demo)
//      HOOPAI_REIMPORT=1          import the example workflows again (overwrites your edits to them)
//      HOOPAI_LIVE=1              point the credential at the live API instead of the simulator, with
//        HOOPAI_TOKEN, HOOPAI_LOCATION_ID, HOOPAI_USER_ID (optional), HOOPAI_BASE_URL (optional)
//      HOOPAI_DEBUG=1             print the stack trace of a failure
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureN8n, cacheDir, N8N_VERSION, setLogger, elapsed } = require('./lib/install');
const { seconds, makeN8n, startServer, ownerLogin, request, credentialFile, tmpDir, OWNER, REPO_ROOT } = require('./lib/n8n');
const { build, pack, installTarball } = require('./lib/package');
const { EXAMPLES_DIR } = require('./lib/examples');

const t0 = Date.now();
const say = (msg) => process.stdout.write(`${msg}\n`);
setLogger((msg) => say(`    ${msg}`));

let step = 0;
const STEPS = 6;
let current = 'starting';
function begin(what) {
	step++;
	current = what;
	say(`[${step}/${STEPS}] ${what} (${elapsed(Date.now() - t0)} since start)`);
}

/** Prints a line every 15 s while `promise` runs, so a slow first start never looks hung. */
async function withHeartbeat(what, promise) {
	const started = Date.now();
	const timer = setInterval(() => say(`    … ${what}: ${elapsed(Date.now() - started)}`), 15000);
	try {
		return await promise;
	} finally {
		clearInterval(timer);
	}
}

function userFolderPath() {
	return process.env.HOOPAI_N8N_USER_FOLDER || path.join(os.homedir(), '.hoopai-n8n-demo');
}

async function main() {
	const live = process.env.HOOPAI_LIVE === '1';
	if (live && (!process.env.HOOPAI_TOKEN || !process.env.HOOPAI_LOCATION_ID)) {
		throw new Error('HOOPAI_LIVE=1 needs HOOPAI_TOKEN and HOOPAI_LOCATION_ID (and optionally HOOPAI_USER_ID, HOOPAI_BASE_URL)');
	}
	const port = Number(process.env.N8N_PORT || 5678);
	const brokerPort = Number(process.env.N8N_RUNNERS_BROKER_PORT || port + 1);
	const simPort = Number(process.env.HOOPAI_SIM_PORT || 4010);
	const userFolder = userFolderPath();
	fs.mkdirSync(userFolder, { recursive: true });

	say(`HoopAI Social Planner for n8n — a local demo${live ? ' against the LIVE API' : ''}`);
	if (!live) {
		say('  The credential points at a local API simulator with sample accounts and posts.');
		say('  Nothing is posted to any social network; HoopAI is not contacted.');
	}
	say(`  Download cache: ${cacheDir()} (safe to delete)`);
	say(`  Your n8n data: ${userFolder}`);
	say('');

	const marker = path.join(cacheDir(), `n8n-${N8N_VERSION}`, '.complete');
	begin(
		fs.existsSync(marker)
			? `Checking n8n ${N8N_VERSION} in the download cache`
			: `Installing n8n ${N8N_VERSION} with Node 24 (first time only: ~2,000 packages and a SQLite build, 5–10 min)`,
	);
	const install = await ensureN8n(N8N_VERSION);

	begin('Building this package and installing it into n8n as the Community Nodes screen would');
	const buildMs = await build();
	const work = tmpDir('hoopai-start-');
	const packed = await pack(work);
	const inst = await installTarball(userFolder, packed.tarball);
	say(`    built in ${seconds(buildMs)}, installed into ${inst.dir}`);

	let sim;
	let target;
	begin(live ? 'Using the live HoopAI API' : 'Starting the API simulator');
	if (live) {
		target = {
			baseUrl: process.env.HOOPAI_BASE_URL || 'https://services.leadconnectorhq.com',
			token: process.env.HOOPAI_TOKEN,
			locationId: process.env.HOOPAI_LOCATION_ID,
			userId: process.env.HOOPAI_USER_ID || '',
			name: 'HoopAI Social Planner (live)',
		};
	} else {
		const { startSimulator } = require('../simulator');
		sim = await startSimulator({ port: simPort, seed: 'sample', followRealTime: true, oauthStart: 'browser' }).catch((error) => {
			throw new Error(
				`the simulator could not listen on port ${simPort} (${error.code || error.message}); set HOOPAI_SIM_PORT to a free port`,
			);
		});
		target = {
			baseUrl: sim.url,
			token: sim.token,
			locationId: sim.locationId,
			userId: sim.userId,
			name: 'HoopAI Social Planner (simulator)',
		};
		say(`    ${sim.url} — sample data, its clock follows real time`);
	}

	const timezone = process.env.GENERIC_TIMEZONE || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	const n8n = makeN8n(install, userFolder, {
		port,
		brokerPort,
		extra: {
			GENERIC_TIMEZONE: timezone,
			TZ: process.env.TZ || timezone,
			N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		},
	});
	begin('Adding the credential and the example workflows');
	await withHeartbeat(
		'importing (the first import creates n8n’s database)',
		n8n.cli(['import:credentials', `--input=${credentialFile(work, target)}`]),
	);
	say(`    credential "${target.name}" → ${target.baseUrl}`);
	const imported = path.join(userFolder, '.hoopai-examples-imported');
	if (!fs.existsSync(imported) || process.env.HOOPAI_REIMPORT === '1') {
		await n8n.cli(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);
		fs.writeFileSync(imported, `${new Date().toISOString()}\n`);
		say(`    example workflows from ${path.relative(REPO_ROOT, EXAMPLES_DIR)}/`);
	} else {
		say('    example workflows already there (HOOPAI_REIMPORT=1 imports them again, overwriting your edits)');
	}
	fs.rmSync(work, { recursive: true, force: true });

	begin(`Starting n8n on port ${port}`);
	const logFile = path.join(userFolder, 'n8n.log');
	const running = await withHeartbeat('waiting for n8n to answer', startServer(n8n, { logFile, timeoutMs: 240000 })).catch((error) => {
		throw new Error(
			`n8n did not start: ${error.message.split('\n')[0]} (log: ${logFile}; is port ${port} or ${brokerPort} in use? set N8N_PORT)`,
		);
	});
	begin('Creating the owner account');
	await ownerLogin(n8n.url);
	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n and the simulator …`);
		await running.stop();
		if (sim) await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	running.child.on('exit', async (code) => {
		if (stopping) return;
		say(`n8n exited (${code}); see ${logFile}`);
		if (sim) await sim.stop();
		process.exit(code || 1);
	});

	const health = await request('GET', `http://127.0.0.1:${port}/`).catch((error) => ({ status: String(error) }));
	const lines = [
		'',
		`Ready in ${elapsed(Date.now() - t0)}: n8n ${N8N_VERSION} with n8n-nodes-hoopai-social-planner`,
		`  Editor:      http://localhost:${port}${health.status === 200 ? '' : `  (answered ${health.status})`}`,
		`  Login:       ${OWNER.email} / ${OWNER.password}`,
		`  Credential:  ${target.name} → ${target.baseUrl}`,
		live
			? '  Mode:        LIVE API (HOOPAI_LIVE=1): workflows you run really post'
			: `  Simulator:   ${sim.url} — sample data only, nothing is really posted (state: ${sim.url}/__sim/state)`,
		'  Workflows:   the examples/ folder (HoopAI: …)',
		`  n8n log:     ${logFile}`,
		'Press Ctrl-C to stop.',
		'',
	];
	say(lines.join('\n'));
}

main().catch((error) => {
	const message = String((error && error.message) || error);
	const [cause, ...detail] = message.split('\n');
	process.stderr.write(
		`\nnpm start failed while ${current.charAt(0).toLowerCase()}${current.slice(1)} (${elapsed(Date.now() - t0)}):\n  ${cause}\n`,
	);
	const tail = detail.filter((line) => line.trim()).slice(-12);
	if (tail.length) process.stderr.write(`${tail.map((line) => `    ${line}`).join('\n')}\n`);
	if (process.env.HOOPAI_DEBUG) process.stderr.write(`${error.stack}\n`);
	process.stderr.write(
		[
			'To retry: npm start (a finished download is reused; an unfinished one starts again).',
			`To start the download over: rm -rf "${path.join(cacheDir(), `n8n-${N8N_VERSION}`)}" && npm start`,
			'For the full error: HOOPAI_DEBUG=1 npm start',
			'',
		].join('\n'),
	);
	process.exit(1);
});
