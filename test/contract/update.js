#!/usr/bin/env node
// `npm run contract:update`: records what the built package adds to public-surface.json (new node
// versions, operations, parameters, option values). It refuses when the package takes something
// away; `-- --allow-breaking` rewrites the contract from the package as it is (only before a
// release has shipped the old surface). Reads dist/: the npm script builds first.
const fs = require('node:fs');
const {
	CONTRACT_FILE,
	breakages,
	contractSize,
	loadPublicClasses,
	readContract,
	surfaceOf,
	withAdditions,
	writeContract,
} = require('./surface');

async function main() {
	const current = surfaceOf(await loadPublicClasses());
	const allowBreaking = process.argv.includes('--allow-breaking');
	if (fs.existsSync(CONTRACT_FILE) && !allowBreaking) {
		withAdditions(readContract(), current);
	} else if (fs.existsSync(CONTRACT_FILE)) {
		const dropped = breakages(readContract(), current);
		if (dropped.length) console.log(`Rewriting the contract without:\n  ${dropped.join('\n  ')}`);
	}
	writeContract(current);
	const size = contractSize(current);
	console.log(
		`${CONTRACT_FILE}: ${size.operations} operations, ${size.parameters} parameter entries (${size.distinctPaths} distinct paths), ${size.optionValues} option values and modes`,
	);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
