'use strict';
// Running a real n8n (CLI commands and the server) against a user folder, plus small helpers.
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE_NAME = 'n8n-nodes-hoopai-social-planner';

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function listensOn(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.on('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * A free TCP port on 127.0.0.1 for a server started later (n8n, its task broker). Chosen below
 * Linux's ephemeral range (32768+): a port the OS handed out for "any port" could be handed out
 * again to another process (a test's client or server) before n8n binds it. Seen once in CI:
 * "n8n's port … is already in use".
 */
async function freePort() {
	for (let tries = 0; tries < 200; tries++) {
		const port = 20000 + Math.floor(Math.random() * 12000);
		if (await listensOn(port)) return port;
	}
	throw new Error('No free port found between 20000 and 32000');
}

/** Runs a command asynchronously (the simulator lives in this process and must keep answering). */
function exec(cmd, args, { cwd, env, timeoutMs = 300000, echo = false } = {}) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => {
			stdout += d;
			if (echo) process.stdout.write(d);
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			if (echo) process.stderr.write(d);
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${path.basename(cmd)} ${args.join(' ')} timed out after ${seconds(timeoutMs)}\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

/**
 * An n8n instance description: which install (from install.js), which user folder, which ports.
 * Environment follows N8N-NOTES §7 (sqlite, no telemetry, log level info for --rawOutput).
 */
function n8nEnv(install, userFolder, { port, brokerPort, extra = {} } = {}) {
	const env = {
		...install.env,
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${install.env.PATH || process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...(port ? { N8N_PORT: String(port) } : {}),
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		...extra,
	};
	// Keep npm's own variables from the parent `npm run` out of n8n.
	for (const key of Object.keys(env)) if (key.startsWith('npm_') && key !== 'npm_config_nodedir') delete env[key];
	return env;
}

function makeN8n(install, userFolder, options = {}) {
	const env = n8nEnv(install, userFolder, options);
	return {
		install,
		userFolder,
		env,
		port: options.port,
		url: options.port ? `http://127.0.0.1:${options.port}` : undefined,
		/** Runs an n8n CLI command; rejects when it exits non-zero. */
		async cli(args, { timeoutMs = 180000, allowFail = false } = {}) {
			const result = await exec(install.nodeBin, [install.n8nBin, ...args], { cwd: userFolder, env, timeoutMs });
			if (result.code !== 0 && !allowFail) {
				throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${tail(result.stdout)}\n${tail(result.stderr)}`);
			}
			return result;
		},
	};
}

function tail(text, lines = 40) {
	return String(text || '')
		.split('\n')
		.slice(-lines)
		.join('\n');
}

/** The JSON that `n8n execute --rawOutput` prints (after log lines): the first parsable `{` block. */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].startsWith('{')) continue;
		for (let end = lines.length; end > start; end--) {
			if (!lines[end - 1].trim().endsWith('}')) continue;
			try {
				return JSON.parse(lines.slice(start, end).join('\n'));
			} catch {
				// keep shrinking
			}
		}
	}
	throw new Error(`no JSON found in n8n output:\n${tail(stdout)}`);
}

/** The items (json) a node produced in a run's data. */
function nodeOutput(runData, nodeName) {
	const runs = runData.resultData?.runData?.[nodeName] ?? runData.data?.resultData?.runData?.[nodeName];
	if (!runs) return undefined;
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item) => item.json);
}

function request(method, url, { body, cookie, headers = {} } = {}) {
	return new Promise((resolve, reject) => {
		const data = body === undefined ? undefined : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				headers: {
					...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
					...(cookie ? { cookie } : {}),
					...headers,
				},
			},
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					let json;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode, headers: res.headers, text, json });
				});
			},
		);
		req.on('error', reject);
		req.setTimeout(30000, () => req.destroy(new Error(`${method} ${url} timed out`)));
		if (data) req.write(data);
		req.end();
	});
}

/** Starts `n8n start`; resolves once /healthz/readiness answers ok. Returns { child, stop(), logs() }. */
/**
 * Calls a production webhook, trying again while n8n answers 404: n8n reports itself ready before
 * it has registered the webhooks of its published workflows (slow under load).
 */
async function callWebhook(method, url, options = {}, { tries = 60, pauseMs = 500 } = {}) {
	for (let attempt = 1; ; attempt++) {
		const answer = await request(method, url, options);
		if (answer.status !== 404 || attempt >= tries) return answer;
		await new Promise((resolve) => setTimeout(resolve, pauseMs));
	}
}

async function startServer(n8n, { timeoutMs = 180000, logFile, echo = false } = {}) {
	const child = spawn(n8n.install.nodeBin, [n8n.install.n8nBin, 'start'], {
		cwd: n8n.userFolder,
		env: n8n.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const out = logFile ? fs.createWriteStream(logFile) : undefined;
	const onData = (d) => {
		output += d;
		if (out) out.write(d);
		if (echo) process.stdout.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const t0 = Date.now();
	for (;;) {
		if (exited) throw new Error(`n8n start exited early (${JSON.stringify(exited)})\n${tail(output)}`);
		if (Date.now() - t0 > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`n8n did not become ready in ${seconds(timeoutMs)}\n${tail(output)}`);
		}
		try {
			const r = await request('GET', `${n8n.url}/healthz/readiness`);
			if (r.status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		child,
		readyMs: Date.now() - t0,
		logs: () => output,
		async stop() {
			if (exited) return;
			const done = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
			await done;
			clearTimeout(timer);
			if (out) out.end();
		},
	};
}

const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'HoopAi-Demo-2026' };

/** Sets up the owner once (ignored if already done) and logs in; returns the session cookie. */
async function ownerLogin(baseUrl, owner = OWNER) {
	await request('POST', `${baseUrl}/rest/owner/setup`, { body: owner });
	const login = await request('POST', `${baseUrl}/rest/login`, {
		body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
	});
	if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text.slice(0, 300)}`);
	const cookie = (login.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
	return cookie;
}

/** Credential file for `n8n import:credentials`: the simulator, or the live API (HOOPAI_LIVE=1). */
function credentialFile(dir, { baseUrl, token, locationId, userId, id = 'hoopAiSimulator01', name = 'HoopAI Social Planner (simulator)' }) {
	const file = path.join(dir, 'credentials.json');
	fs.writeFileSync(
		file,
		JSON.stringify(
			[{ id, name, type: 'hoopAiApi', data: { accessToken: token, locationId, userId, apiVersion: '2021-07-28', baseUrl } }],
			null,
			2,
		),
	);
	return file;
}

/**
 * Imports credential records (`{ id, name, type, data }`) with `n8n import:credentials`: the file
 * holds tokens, so it is removed at once. An existing ID is overwritten.
 */
async function importCredentials(n8n, dir, records) {
	const file = path.join(dir, `credentials-${crypto.randomBytes(4).toString('hex')}.json`);
	fs.writeFileSync(file, JSON.stringify(records));
	try {
		await n8n.cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

function tmpDir(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

module.exports = {
	REPO_ROOT,
	PACKAGE_NAME,
	OWNER,
	log,
	seconds,
	freePort,
	exec,
	makeN8n,
	parseRawOutput,
	nodeOutput,
	request,
	callWebhook,
	startServer,
	ownerLogin,
	credentialFile,
	importCredentials,
	tmpDir,
	tail,
};
