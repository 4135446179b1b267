// The run's last line: how many tests were skipped for want of the official API spec (they carry
// SKIPPED_FOR_SPEC in their names, see test/helpers/spec-check.ts) and how to get it. Printed as
// jest exits (its own summary reporter always runs after the custom ones), straight to the file
// descriptor: under --forceExit jest silences process.stdout before it exits.
const fs = require('node:fs');
const { REFERENCE_DIR, SKIPPED_FOR_SPEC, howToGetSpec } = require('../helpers/reference');

class SpecSkipsReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.testResults
			.flatMap((file) => file.testResults)
			.filter((test) => test.status === 'pending' && test.fullName.includes(SKIPPED_FOR_SPEC)).length;
		const tests = `${skipped} test${skipped === 1 ? '' : 's'} skipped for want of the official API spec`;
		const line = skipped
			? `${tests} (not at ${REFERENCE_DIR}): to run them, ${howToGetSpec()}\n`
			: `${tests} (read from ${REFERENCE_DIR})\n`;
		process.once('exit', () => fs.writeSync(1, line));
	}
}

module.exports = SpecSkipsReporter;
