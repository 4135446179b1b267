// Reads the official API documents from ../shared/reference beside the checkout (CI always has
// it; a bare clone may not). Lives in .js because the strict n8n lint forbids fs/path in .ts.
const fs = require('node:fs');
const path = require('node:path');

const REFERENCE_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference');

function hasReference() {
	return fs.existsSync(REFERENCE_DIR);
}

/** The text of a reference file, or undefined when the reference folder is absent. */
function readReferenceText(name) {
	const file = path.join(REFERENCE_DIR, name);
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

module.exports = { REFERENCE_DIR, hasReference, readReferenceText };
