// Reads the official API documents from ../shared/reference beside the checkout (CI always has
// it; a bare clone may not). Lives in .js because the strict n8n lint forbids fs/path in .ts.
const fs = require('node:fs');
const path = require('node:path');

const REFERENCE_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference');
const SPEC_FILES = ['social-planner-v3.json', 'social-media-posting.json', 'medias.json', 'users.json', 'common-schemas.json'];

/** The text of a reference file, or undefined when it is absent. */
function readReferenceText(name) {
	const file = path.join(REFERENCE_DIR, name);
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function referenceAvailable() {
	return SPEC_FILES.every((name) => fs.existsSync(path.join(REFERENCE_DIR, name)));
}

/** The parsed OpenAPI documents keyed by file name, or undefined when the folder is absent. */
function loadSpecs() {
	if (!referenceAvailable()) return undefined;
	return Object.fromEntries(SPEC_FILES.map((name) => [name, JSON.parse(readReferenceText(name))]));
}

module.exports = { REFERENCE_DIR, readReferenceText, referenceAvailable, loadSpecs };
