#!/usr/bin/env node
'use strict';
// Runs the README's `npm start` exactly as a user does (through npm, so npm's exported settings such
// as npm_config_ignore_scripts reach it), measures the time until the n8n editor answers on its port,
// logs in as the demo owner, checks the credential and the example workflows are there, then stops it
// with SIGINT (Ctrl-C) and checks that nothing is left listening. CI runs it first, on an empty
// download cache, so the first-time install path is exercised on every run.
//
// Env: HOOPAI_E2E_CACHE (the download cache to use), HOOPAI_START_TIMEOUT_MIN (default 25)
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { REPO_ROOT, freePort, request, OWNER, tmpDir } = require('./lib/n8n');
const { EXAMPLES_DIR } = require('./lib/examples');

const log = (msg) => process.stdout.write(`[start-check] ${msg}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsSince = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

async function answers(url) {
	try {
		return (await request('GET', url)).status;
	} catch {
		return 0;
	}
}

async function main() {
	const port = await freePort();
	const simPort = await freePort();
	const userFolder = tmpDir('hoopai-start-check-');
	const timeoutMs = Number(process.env.HOOPAI_START_TIMEOUT_MIN || 25) * 60000;
	const env = {
		...process.env,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		HOOPAI_SIM_PORT: String(simPort),
		HOOPAI_N8N_USER_FOLDER: userFolder,
	};
	log(`npm start with N8N_PORT=${port}, HOOPAI_SIM_PORT=${simPort}, user folder ${userFolder}`);
	const t0 = Date.now();
	// Its own process group, so SIGINT reaches npm, the shell and node as Ctrl-C would.
	const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const echo = (d) => {
		output += d;
		process.stdout.write(d);
	};
	child.stdout.on('data', echo);
	child.stderr.on('data', echo);
	let exit;
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exit = { code, signal }))));

	let editorMs;
	try {
		for (;;) {
			if (exit) throw new Error(`npm start exited (${JSON.stringify(exit)}) before the editor answered`);
			if (Date.now() - t0 > timeoutMs) throw new Error(`the editor did not answer within ${timeoutMs / 60000} min`);
			if ((await answers(`http://127.0.0.1:${port}/`)) === 200) break;
			await sleep(1000);
		}
		editorMs = Date.now() - t0;
		log(`the editor answered on port ${port} after ${secondsSince(t0)} s`);
		// The owner is created right after; wait for npm start to say it is ready.
		while (!/Ready in /.test(output)) {
			if (exit) throw new Error(`npm start exited (${JSON.stringify(exit)}) before it was ready`);
			if (Date.now() - t0 > timeoutMs) throw new Error('npm start never said it was ready');
			await sleep(500);
		}
		const login = await request('POST', `http://127.0.0.1:${port}/rest/login`, {
			body: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
		});
		if (login.status !== 200) throw new Error(`login as ${OWNER.email} failed: ${login.status}`);
		const cookie = (login.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
		const workflows = await request('GET', `http://127.0.0.1:${port}/rest/workflows`, { cookie });
		const names = (workflows.json?.data ?? []).map((w) => w.name);
		const expected = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).length;
		if (names.length !== expected) throw new Error(`expected ${expected} example workflows, found ${names.length}: ${names.join(', ')}`);
		const credentials = await request('GET', `http://127.0.0.1:${port}/rest/credentials`, { cookie });
		const credential = (credentials.json?.data ?? []).find((c) => c.type === 'hoopAiApi');
		if (!credential) throw new Error('no HoopAI API credential in the demo');
		const sim = await request('GET', `http://127.0.0.1:${simPort}/__sim/state`);
		if (sim.status !== 200) throw new Error(`the simulator on ${simPort} answered ${sim.status}`);
		log(`logged in; ${names.length} example workflows, credential "${credential.name}", simulator answering`);
	} finally {
		if (!exit) {
			process.kill(-child.pid, 'SIGINT');
			const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 30000);
			await exited;
			clearTimeout(timer);
		}
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	const leftovers = [];
	for (const p of [port, simPort]) if (await answers(`http://127.0.0.1:${p}/`)) leftovers.push(p);
	if (leftovers.length) throw new Error(`still listening after Ctrl-C: ports ${leftovers.join(', ')}`);
	log(`stopped with SIGINT (${JSON.stringify(exit)}); nothing left listening`);
	log(`RESULT npm start: editor answered after ${(editorMs / 1000).toFixed(1)} s (cache ${process.env.HOOPAI_E2E_CACHE || 'default'})`);
}

main().catch((error) => {
	log(`FAIL ${error.message}`);
	process.exit(1);
});
