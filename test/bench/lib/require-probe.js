'use strict';
// One fresh Node process of `npm run bench:package`: requires n8n-workflow, then our modules the
// way n8n loads a community package (each file required, its class constructed), and prints the
// times and which of our files were loaded, as JSON on stdout.
// argv[2]: JSON { packageDir, modules: [relative paths] } (modules in the order to load them).

const fs = require('node:fs');
const path = require('node:path');

const { packageDir, modules } = JSON.parse(process.argv[2]);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

// The n8n-workflow our package resolves (the bench links it beside the unpacked package).
let start = process.hrtime.bigint();
require(require.resolve('n8n-workflow', { paths: [packageDir] }));
const workflowMs = ms(start);
const before = new Set(Object.keys(require.cache));

const loaded = modules.map((relative) => {
	const file = path.join(packageDir, relative);
	start = process.hrtime.bigint();
	const exported = require(file);
	const requireMs = ms(start);
	// n8n constructs the class named like the file (HoopAiApi.credentials.js → HoopAiApi).
	const className = path.basename(relative).split('.')[0];
	start = process.hrtime.bigint();
	new exported[className]();
	return { module: relative, requireMs, constructMs: ms(start) };
});

const realPackageDir = fs.realpathSync(packageDir);
const added = Object.keys(require.cache).filter((file) => !before.has(file));
const ours = added.filter((file) => file.startsWith(realPackageDir + path.sep));
process.stdout.write(
	JSON.stringify({
		workflowMs,
		loaded,
		ourModules: ours.map((file) => path.relative(realPackageDir, file)),
		ourBytes: ours.reduce((sum, file) => sum + fs.statSync(file).size, 0),
		otherModules: added.filter((file) => !file.startsWith(realPackageDir + path.sep)),
	}),
);
