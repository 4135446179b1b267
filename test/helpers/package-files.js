// File-system and npm checks on the package itself, for test/foundation/package.test.ts.
// Lives in .js because the strict n8n lint forbids fs, path and child_process in .ts.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function fileExists(relativePath) {
	return fs.existsSync(path.join(REPO_ROOT, relativePath));
}

/** The paths `npm pack` would put in the published tarball. */
function packedFiles() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return JSON.parse(output)[0].files.map((file) => file.path);
}

// A closed port: whatever a publish attempt sends can go nowhere.
const NOWHERE = 'http://127.0.0.1:9/';

/** How a command ends outside GitHub Actions: its exit code and what it printed. */
function outsideActions(command, args) {
	const env = { ...process.env, npm_config_registry: NOWHERE };
	delete env.GITHUB_ACTIONS;
	const result = spawnSync(command, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * `npm publish` as someone would run it by hand, logged in (a token for the closed port), with
 * lifecycle scripts on or off (the project's .npmrc turns them off).
 */
function handPublish(ignoreScripts) {
	return outsideActions('npm', [
		'publish',
		`--registry=${NOWHERE}`,
		'--fetch-retries=0',
		'--//127.0.0.1:9/:_authToken=a-token-for-a-closed-port',
		`--ignore-scripts=${ignoreScripts}`,
	]);
}

/** `npm run release` outside GitHub Actions. */
function releaseOutsideActions() {
	return outsideActions('npm', ['run', 'release']);
}

module.exports = { REPO_ROOT, fileExists, packedFiles, handPublish, releaseOutsideActions };
