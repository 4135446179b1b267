#!/usr/bin/env node
// `npm run release`. In GitHub Actions (publish.yml, on a version tag) it is `n8n-node release`:
// lint, build, then npm publish with an npm provenance statement. Anywhere else it publishes
// nothing and says how to release: there n8n-node release would run release-it, which rewrites
// CHANGELOG.md with auto-changelog and pushes, and a package published from a laptop carries no
// provenance, so n8n cannot verify it.
const { spawnSync } = require('node:child_process');

if (process.env.GITHUB_ACTIONS !== 'true') {
	console.error(
		'npm run release publishes only in GitHub Actions (.github/workflows/publish.yml), where npm adds the provenance n8n verifies.\n' +
			'To release: update CHANGELOG.md, run `npm version <major|minor|patch>`, then `git push --follow-tags` (see RELEASING.md).',
	);
	process.exit(1);
}
const result = spawnSync('n8n-node', ['release'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
