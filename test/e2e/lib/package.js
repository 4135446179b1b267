'use strict';
// Build, `npm pack`, and install the tarball into an n8n user folder the way the Community Nodes
// screen does (npm install in <user folder>/.n8n/nodes; peers come from n8n itself).
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, PACKAGE_NAME, exec, log, seconds, tail } = require('./n8n');

async function build() {
	const r = await exec('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, env: process.env, timeoutMs: 300000 });
	if (r.code !== 0) throw new Error(`npm run build failed\n${tail(r.stdout)}\n${tail(r.stderr)}`);
	return r.ms;
}

/** Packs the package into `dir`; returns the tarball path. */
async function pack(dir) {
	const r = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
		cwd: REPO_ROOT,
		env: process.env,
	});
	if (r.code !== 0) throw new Error(`npm pack failed\n${tail(r.stderr)}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
	return { tarball: path.join(dir, info.filename), files: info.files.map((f) => f.path), ms: r.ms };
}

/** Installs the tarball into <userFolder>/.n8n/nodes/node_modules/<package>. */
async function installTarball(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	const r = await exec(
		'npm',
		['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=peer', '--omit=dev', '--no-package-lock', tarball],
		{ cwd: nodesDir, env },
	);
	if (r.code !== 0) throw new Error(`npm install of ${tarball} failed\n${tail(r.stdout)}\n${tail(r.stderr)}`);
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!fs.existsSync(path.join(installed, 'package.json'))) throw new Error(`${installed} missing after install`);
	return { dir: installed, ms: r.ms };
}

async function buildPackInstall(userFolders, workDir) {
	const buildMs = await build();
	log(`npm run build: ${seconds(buildMs)}`);
	const packed = await pack(workDir);
	log(`npm pack: ${path.basename(packed.tarball)} (${packed.files.length} files)`);
	const installs = [];
	for (const folder of userFolders) {
		const inst = await installTarball(folder, packed.tarball);
		log(`installed tarball into ${path.relative(folder, inst.dir) || inst.dir} of ${folder} (${seconds(inst.ms)})`);
		installs.push(inst);
	}
	return { ...packed, installs };
}

module.exports = { build, pack, installTarball, buildPackInstall };
