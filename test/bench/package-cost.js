#!/usr/bin/env node
'use strict';
// `npm run bench:package` (issue 15, P4): what the published package costs. A script that prints
// figures; it asserts nothing about size or speed.
//
// Builds when dist/ is missing or older than the sources, packs the package with `npm pack` into
// a temporary folder and prints the tarball size, its file count and unpacked size (by kind of
// file, and the largest files). Then unpacks it as <tmp>/node_modules/<package> beside a link to
// this checkout's n8n-workflow, and in fresh Node processes (HOOPAI_BENCH_RUNS, default 15)
// measures the cold require() of n8n-workflow, then of each node and credential module in the
// order n8n loads a community package (package.json n8n.nodes, then n8n.credentials; each class
// constructed as n8n does): median, min and max. A module's time "in n8n's order" includes the
// shared files it is the first to load; "alone" is a process that requires only n8n-workflow
// and that module. Also prints how many of our files one full load requires and their bytes.
//
// Run:  npm run bench:package      Env: HOOPAI_BENCH_RUNS=15, HOOPAI_BENCH_KEEP=1 (keep the folder)

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PROBE = path.join(__dirname, 'lib', 'require-probe.js');
const RUNS = Number(process.env.HOOPAI_BENCH_RUNS || 15);

const out = (line = '') => process.stdout.write(`${line}\n`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtMs = (value) => `${value.toFixed(1)} ms`;

function newestMtime(dir) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Builds unless dist/ is newer than every source the build reads. */
function buildIfNeeded() {
	const dist = path.join(REPO_ROOT, 'dist');
	const sources = ['nodes', 'credentials', 'icons'].map((dir) => newestMtime(path.join(REPO_ROOT, dir)));
	if (fs.existsSync(dist) && newestMtime(dist) >= Math.max(...sources)) return 'dist/ is up to date';
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	return 'built (npm run build)';
}

function pack(dir) {
	const stdout = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const info = JSON.parse(stdout.slice(stdout.indexOf('[')))[0];
	return { ...info, tarball: path.join(dir, info.filename) };
}

function kindOf(file) {
	const match = /(\.d\.ts|\.js\.map|\.[a-z]+)$/.exec(file);
	return match ? match[1] : '(other)';
}

function printPack(info) {
	out(
		`Tarball ${info.filename}: ${info.size} bytes (${kb(info.size)}), ${info.entryCount} files, unpacked ${info.unpackedSize} bytes (${kb(info.unpackedSize)})`,
	);
	const kinds = new Map();
	for (const file of info.files) {
		const kind = kinds.get(kindOf(file.path)) || { files: 0, bytes: 0 };
		kinds.set(kindOf(file.path), { files: kind.files + 1, bytes: kind.bytes + file.size });
	}
	out('  unpacked, by kind of file:');
	for (const [kind, { files, bytes }] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
		out(
			`    ${kind.padEnd(8)} ${String(files).padStart(4)} files ${kb(bytes).padStart(10)} (${((bytes / info.unpackedSize) * 100).toFixed(0)} %)`,
		);
	}
	out('  largest files:');
	for (const file of [...info.files].sort((a, b) => b.size - a.size).slice(0, 5)) out(`    ${kb(file.size).padStart(9)}  ${file.path}`);
}

/** <dir>/node_modules/<package> from the tarball, and n8n-workflow linked beside it (a peer). */
function unpack(info, dir) {
	const modules = path.join(dir, 'node_modules');
	const packageDir = path.join(modules, info.name);
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', info.tarball, '-C', packageDir, '--strip-components=1']);
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'n8n-workflow'), path.join(modules, 'n8n-workflow'), 'dir');
	return packageDir;
}

function probe(packageDir, modules) {
	const env = { ...process.env };
	delete env.NODE_COMPILE_CACHE; // every process compiles from scratch, as at n8n's first start
	delete env.NODE_OPTIONS;
	const stdout = execFileSync(process.execPath, [PROBE, JSON.stringify({ packageDir, modules })], {
		encoding: 'utf8',
		env,
		cwd: os.tmpdir(),
	});
	return JSON.parse(stdout);
}

function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return `${fmtMs(median).padStart(9)}  (${fmtMs(sorted[0])} – ${fmtMs(sorted[sorted.length - 1])})`;
}

function main() {
	out(`Package cost (${RUNS} fresh Node ${process.version} processes per figure; median (min – max))`);
	out(buildIfNeeded());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoopai-package-cost-'));
	try {
		const info = pack(dir);
		printPack(info);
		const packageDir = unpack(info, dir);
		const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
		const modules = [...manifest.n8n.nodes, ...manifest.n8n.credentials];

		const inOrder = Array.from({ length: RUNS }, () => probe(packageDir, modules));
		const alone = Object.fromEntries(modules.map((module) => [module, Array.from({ length: RUNS }, () => probe(packageDir, [module]))]));
		const workflow = [...inOrder, ...Object.values(alone).flat()].map((run) => run.workflowMs);

		out();
		out(`require('n8n-workflow') first, as n8n has (not ours): ${stats(workflow)}`);
		out('Our modules, cold, after n8n-workflow: require() · new Class() as n8n does at load');
		modules.forEach((module, index) => {
			out(`  ${module}`);
			out(
				`    in n8n's order: require ${stats(inOrder.map((run) => run.loaded[index].requireMs))} · new ${stats(inOrder.map((run) => run.loaded[index].constructMs))}`,
			);
			out(
				`    alone:          require ${stats(alone[module].map((run) => run.loaded[0].requireMs))} · new ${stats(alone[module].map((run) => run.loaded[0].constructMs))}`,
			);
		});
		const total = (run) => run.loaded.reduce((sum, entry) => sum + entry.requireMs + entry.constructMs, 0);
		out(`  whole package in n8n's order (require + new): ${stats(inOrder.map(total))}`);
		const [first] = inOrder;
		const packedJs = info.files.map((file) => file.path).filter((file) => file.endsWith('.js'));
		const notLoaded = packedJs.filter((file) => !first.ourModules.includes(file));
		out(
			`Files of ours one full load requires: ${first.ourModules.length} of the ${packedJs.length} .js files packed, ${first.ourBytes} bytes (${kb(first.ourBytes)}); not loaded: ${notLoaded.join(', ') || 'none'}`,
		);
		out(
			`Other modules our files require (besides n8n-workflow's own): ${first.otherModules.length ? first.otherModules.join(', ') : 'none'}`,
		);
	} finally {
		if (process.env.HOOPAI_BENCH_KEEP === '1') out(`kept ${dir}`);
		else fs.rmSync(dir, { recursive: true, force: true });
	}
}

main();
