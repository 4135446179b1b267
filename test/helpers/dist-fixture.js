// A throw-away package folder with sources and a dist/, for the stale-dist check's own test
// (test/foundation/dist-fresh.test.ts). In .js because the strict n8n lint forbids fs in .ts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { staleDist } = require('../setup/dist-fresh');

/** Writes `files` (path → age in seconds: older is smaller mtime) under a new folder; returns what staleDist says of it. */
function staleDistOf(files) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hoopai-dist-fixture-'));
	try {
		const now = Date.now() / 1000;
		for (const [file, ageSeconds] of Object.entries(files)) {
			const full = path.join(root, file);
			fs.mkdirSync(path.dirname(full), { recursive: true });
			fs.writeFileSync(full, '');
			fs.utimesSync(full, now - ageSeconds, now - ageSeconds);
		}
		return staleDist(root);
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
}

module.exports = { staleDistOf };
