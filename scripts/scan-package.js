#!/usr/bin/env node
// n8n's verification gate, run here as n8n runs it (@n8n/scan-community-package's analyzePackage):
// the source leg lints package.json and nodes/ + credentials/ with inline ESLint comments turned
// off, the tarball leg lints the JavaScript and package.json of the extracted `npm pack`. A third
// check fails on any eslint-disable (or other inline ESLint comment) in nodes/ or credentials/: the
// scanner ignores them, so they only hide from `n8n-node lint` what n8n will refuse.
// Needs a built dist/ (`npm run scan` builds first). Exit code 1 when any of the three fails.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SHIPPED_SOURCE = ['nodes', 'credentials'];
const INLINE_ESLINT = /\beslint-(disable|enable)\b|\/\*\s*eslint\s|\/\*\s*global\s/;

async function scanner() {
	const url = require('node:url').pathToFileURL(require.resolve('@n8n/scan-community-package/scanner/scanner.mjs'));
	return await import(url.href);
}

/** One leg of the scanner; a leg that found no files to lint fails (it would check nothing). */
async function leg(name, directory, patterns, analyzePackage) {
	const started = Date.now();
	const result = await analyzePackage(directory, patterns);
	const passed = result.passed && result.message !== 'No files found to analyze';
	console.log(
		`${passed ? 'PASS' : 'FAIL'} scanner ${name} leg (${patterns.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s${passed ? '' : `: ${result.message}`}`,
	);
	if (result.details) console.log(result.details);
	return passed;
}

/** The packed tarball, extracted into a temporary folder (as the scanner extracts the published one). */
function packedPackage() {
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (or `npm run scan`)');
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hoopai-scan-'));
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], { cwd: ROOT, encoding: 'utf8' }),
	);
	const extracted = path.join(folder, 'package');
	fs.mkdirSync(extracted);
	execFileSync('tar', ['-xzf', path.join(folder, packed.filename), '-C', extracted, '--strip-components=1']);
	return { folder, extracted };
}

/** Every inline ESLint comment in the shipped source, as `file:line: text`. */
function inlineEslintComments() {
	const found = [];
	const visit = (directory) => {
		for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
			const file = path.join(directory, entry.name);
			if (entry.isDirectory()) visit(file);
			else if (/\.(ts|js|json)$/.test(entry.name)) {
				fs.readFileSync(file, 'utf8')
					.split('\n')
					.forEach((line, index) => {
						if (INLINE_ESLINT.test(line)) found.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
					});
			}
		}
	};
	SHIPPED_SOURCE.filter((folder) => fs.existsSync(path.join(ROOT, folder))).forEach((folder) => visit(path.join(ROOT, folder)));
	return found;
}

async function main() {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await scanner();
	const sourcePassed = await leg('source', ROOT, SOURCE_FILE_PATTERNS, analyzePackage);
	const { folder, extracted } = packedPackage();
	let tarballPassed;
	try {
		tarballPassed = await leg('tarball', extracted, ['**/*.js', 'package.json'], analyzePackage);
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	const comments = inlineEslintComments();
	console.log(
		comments.length
			? `FAIL inline ESLint comments in ${SHIPPED_SOURCE.join('/ and ')}/ (the scanner ignores them):\n  ${comments.join('\n  ')}`
			: `PASS no inline ESLint comment in ${SHIPPED_SOURCE.join('/ or ')}/`,
	);
	return sourcePassed && tarballPassed && comments.length === 0;
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(error.message);
		process.exit(1);
	},
);
