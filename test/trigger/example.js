// Reads example 05 (the strict n8n lint forbids fs and path in .ts).
const fs = require('node:fs');
const path = require('node:path');

const FILE = path.join(__dirname, '..', '..', 'examples', '05-notify-when-a-post-fails.json');

/** The "notify when a post fails" example workflow, as imported into n8n. */
function failedPostExample() {
	return JSON.parse(fs.readFileSync(FILE, 'utf8'));
}

module.exports = { failedPostExample };
