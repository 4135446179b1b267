// Jest global setup: the tests run the compiled package in dist/ (as n8n does), so a dist/ older
// than the sources would test yesterday's code and pass. Refuses to start unless every source of
// the package has its compiled file, at least as new, and dist/ holds nothing whose source is gone.
// `npm test` builds first; after editing, run `npm run build` (or `npm run build:watch`) before `npx jest`.
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['nodes', 'credentials'];

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(file) : [file];
	});
}

/** What is wrong with dist/, one line each (empty: it is the build of the sources). */
function staleDist(root = REPO_ROOT) {
	const problems = [];
	const sources = SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(root, dir))).filter((file) => /\.(ts|json)$/.test(file));
	const expected = new Set();
	for (const source of sources) {
		const relative = path.relative(root, source);
		const built = path.join(root, 'dist', relative.replace(/\.ts$/, '.js'));
		expected.add(built);
		if (!fs.existsSync(built)) problems.push(`${relative} has no compiled file in dist/`);
		else if (fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs) problems.push(`${relative} is newer than its compiled file`);
	}
	for (const built of SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(root, 'dist', dir))).filter((file) => /\.(js|json)$/.test(file))) {
		if (!expected.has(built)) problems.push(`${path.relative(root, built)} has no source any more`);
	}
	return problems;
}

module.exports = async function checkDistIsFresh() {
	const problems = staleDist();
	if (problems.length === 0) return;
	const shown = problems
		.slice(0, 5)
		.map((problem) => `  - ${problem}`)
		.join('\n');
	const more = problems.length > 5 ? `\n  … and ${problems.length - 5} more` : '';
	throw new Error(
		`dist/ is not the build of the sources, so the tests would run old code:\n${shown}${more}\nRun \`npm run build\` first (\`npm test\` builds, then runs jest).`,
	);
};
module.exports.staleDist = staleDist;
