// The official HighLevel API documents the spec checks read: GoHighLevel's public
// highlevel-api-docs repository at SPEC_COMMIT. They are not in this repository: HOOPAI_SPEC_DIR
// names a folder holding them (flat, or a checkout of that repository), ../shared/reference beside
// the checkout by default. Without them every test that needs them is skipped whole, and the run
// ends saying how many and how to get them (test/setup/spec-skips-reporter.js).
// Lives in .js because the strict n8n lint forbids fs/path in .ts.
const fs = require('node:fs');
const path = require('node:path');

const SPEC_REPOSITORY = 'GoHighLevel/highlevel-api-docs';
const SPEC_COMMIT = '0af86a4cbd48c66a4071c7e509d1079f9f10ed17';
/** Each file the tests read, and where it lives in the upstream repository. */
const UPSTREAM_PATHS = {
	'social-planner-v3.json': 'apps/v3/social-planner-v3.json',
	'social-media-posting.json': 'apps/social-media-posting.json',
	'medias.json': 'apps/medias.json',
	'users.json': 'apps/users.json',
	'common-schemas.json': 'apps/v3/common/common-schemas.json',
	'oauth.json': 'apps/oauth.json',
	'oauth-v3.json': 'apps/v3/oauth-v3.json',
	'Scopes.md': 'docs/oauth/Scopes.md',
};
const SPEC_FILES = [
	'social-planner-v3.json',
	'social-media-posting.json',
	'medias.json',
	'users.json',
	'common-schemas.json',
	'oauth.json',
	'oauth-v3.json',
];
const REFERENCE_DIR = path.resolve(process.env.HOOPAI_SPEC_DIR || path.join(__dirname, '..', '..', '..', 'shared', 'reference'));
/** The words every spec-skipped test's name carries (the reporter counts them by it). */
const SKIPPED_FOR_SPEC = `skipped: the official API spec is not at ${REFERENCE_DIR}`;

/** Where a reference file is: flat in the folder, or at its upstream path in a checkout. */
function referenceFile(name) {
	return [path.join(REFERENCE_DIR, name), path.join(REFERENCE_DIR, UPSTREAM_PATHS[name] ?? name)].find((file) => fs.existsSync(file));
}

/** The text of a reference file, or undefined when it is absent. */
function readReferenceText(name) {
	const file = referenceFile(name);
	return file ? fs.readFileSync(file, 'utf8') : undefined;
}

function referenceAvailable() {
	return SPEC_FILES.every((name) => referenceFile(name) !== undefined);
}

/** The parsed OpenAPI documents keyed by file name, or undefined when they are absent. */
function loadSpecs() {
	if (!referenceAvailable()) return undefined;
	return Object.fromEntries(SPEC_FILES.map((name) => [name, JSON.parse(readReferenceText(name))]));
}

/** How to get the documents, in one sentence. */
function howToGetSpec() {
	return (
		`clone https://github.com/${SPEC_REPOSITORY} at ${SPEC_COMMIT} (git clone https://github.com/${SPEC_REPOSITORY}.git && ` +
		`git -C highlevel-api-docs checkout ${SPEC_COMMIT.slice(0, 12)}) and run HOOPAI_SPEC_DIR=$PWD/highlevel-api-docs npm test`
	);
}

module.exports = {
	REFERENCE_DIR,
	SPEC_COMMIT,
	SPEC_REPOSITORY,
	UPSTREAM_PATHS,
	SKIPPED_FOR_SPEC,
	readReferenceText,
	referenceAvailable,
	loadSpecs,
	howToGetSpec,
};
