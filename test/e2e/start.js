#!/usr/bin/env node
'use strict';
// `npm start`: build the package, start the API simulator with sample data, install the package into
// a persistent n8n user folder, create the owner account and a ready credential, import the example
// workflows and start the n8n editor on http://localhost:5678. Ctrl-C stops both.
//
// Env: N8N_PORT (5678)            editor port; N8N_RUNNERS_BROKER_PORT defaults to N8N_PORT + 1
//      HOOPAI_SIM_PORT (4010)     simulator port
//      HOOPAI_E2E_CACHE           cache folder (Node 24, n8n, and the dev user folder `dev-n8n`)
//      HOOPAI_N8N_USER_FOLDER     use another n8n user folder
//      HOOPAI_REIMPORT=1          import the example workflows again (overwrites your edits to them)
//      HOOPAI_LIVE=1              point the credential at the live API instead of the simulator, with
//        HOOPAI_TOKEN, HOOPAI_LOCATION_ID, HOOPAI_USER_ID (optional), HOOPAI_BASE_URL (optional)
const fs = require('fs');
const path = require('path');
const { ensureN8n, cacheDir, N8N_VERSION } = require('./lib/install');
const { log, seconds, makeN8n, startServer, ownerLogin, request, credentialFile, tmpDir, OWNER, REPO_ROOT } = require('./lib/n8n');
const { build, pack, installTarball } = require('./lib/package');
const { EXAMPLES_DIR } = require('./lib/examples');

async function main() {
	const t0 = Date.now();
	const live = process.env.HOOPAI_LIVE === '1';
	if (live && (!process.env.HOOPAI_TOKEN || !process.env.HOOPAI_LOCATION_ID)) {
		throw new Error('HOOPAI_LIVE=1 needs HOOPAI_TOKEN and HOOPAI_LOCATION_ID (and optionally HOOPAI_USER_ID, HOOPAI_BASE_URL)');
	}
	const port = Number(process.env.N8N_PORT || 5678);
	const brokerPort = Number(process.env.N8N_RUNNERS_BROKER_PORT || port + 1);
	const simPort = Number(process.env.HOOPAI_SIM_PORT || 4010);
	const userFolder = process.env.HOOPAI_N8N_USER_FOLDER || path.join(cacheDir(), 'dev-n8n');
	fs.mkdirSync(userFolder, { recursive: true });

	const install = ensureN8n(N8N_VERSION);
	const buildMs = await build();
	const work = tmpDir('hoopai-start-');
	const packed = await pack(work);
	const inst = await installTarball(userFolder, packed.tarball);
	log(`built (${seconds(buildMs)}), packed and installed into ${inst.dir}`);

	let sim;
	let target;
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
		sim = await startSimulator({ port: simPort, seed: 'sample', followRealTime: true });
		target = { baseUrl: sim.url, token: sim.token, locationId: sim.locationId, userId: sim.userId, name: 'HoopAI Social Planner (simulator)' };
		log(`simulator on ${sim.url} (sample data; the clock follows real time)`);
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
	await n8n.cli(['import:credentials', `--input=${credentialFile(work, target)}`]);
	log(`credential "${target.name}" → ${target.baseUrl}`);

	const marker = path.join(userFolder, '.hoopai-examples-imported');
	if (!fs.existsSync(marker) || process.env.HOOPAI_REIMPORT === '1') {
		await n8n.cli(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);
		fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
		log(`imported the example workflows from ${path.relative(REPO_ROOT, EXAMPLES_DIR)}/`);
	} else {
		log('example workflows already imported (HOOPAI_REIMPORT=1 imports them again)');
	}
	fs.rmSync(work, { recursive: true, force: true });

	const logFile = path.join(userFolder, 'n8n.log');
	const running = await startServer(n8n, { logFile, timeoutMs: 240000 });
	const editor = `http://localhost:${port}`;
	await ownerLogin(n8n.url);
	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: stopping n8n and the simulator …`);
		await running.stop();
		if (sim) await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	running.child.on('exit', async (code) => {
		if (stopping) return;
		log(`n8n exited (${code}); see ${logFile}`);
		if (sim) await sim.stop();
		process.exit(code || 1);
	});

	const lines = [
		'',
		`n8n ${N8N_VERSION} with n8n-nodes-hoopai-social-planner is ready (${seconds(Date.now() - t0)}):`,
		`  Editor:      ${editor}`,
		`  Login:       ${OWNER.email} / ${OWNER.password}`,
		`  Credential:  ${target.name} → ${target.baseUrl}`,
		live ? '  Mode:        LIVE API (HOOPAI_LIVE=1)' : `  Simulator:   ${sim.url}  (state: ${sim.url}/__sim/state, reset: POST ${sim.url}/__sim/reset)`,
		'  Workflows:   the examples/ folder (HoopAI: …)',
		`  n8n log:     ${logFile}`,
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	// Show that the editor answers (a failed check is printed, not fatal).
	const health = await request('GET', `${n8n.url}/healthz`).catch((e) => ({ status: String(e) }));
	if (health.status !== 200) log(`warning: /healthz answered ${health.status}`);
}

main().catch((error) => {
	process.stderr.write(`npm start: ${process.env.HOOPAI_DEBUG ? error.stack : error.message || error}\n`);
	process.exit(1);
});
