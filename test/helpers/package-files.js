// File-system and npm checks on the package itself, for test/foundation/package.test.ts.
// Lives in .js because the strict n8n lint forbids fs, path and child_process in .ts.
const { execFileSync } = require('node:child_process');
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

module.exports = { REPO_ROOT, fileExists, packedFiles };
