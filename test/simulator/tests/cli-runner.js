'use strict';
// Starts `node test/simulator/cli.js` as `npm run simulator` would, for the CLI test. Plain JS
// because the strict n8n lint forbids child_process/process in .ts files.

const { spawn } = require('node:child_process');
const path = require('node:path');

/** Runs the CLI on a free port; resolves with what it printed once it is ready. */
function runCli() {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, '..', 'cli.js')], {
			env: { ...process.env, HOOPAI_SIM_PORT: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`CLI did not start: ${output}`));
		}, 10000);
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (!output.includes('Ctrl-C')) return;
			clearTimeout(timer);
			const field = (label) => (new RegExp(`${label}:\\s+(\\S+)`).exec(output) || [])[1];
			resolve({
				output,
				url: field('URL'),
				token: field('Token'),
				locationId: field('Location ID'),
				userId: field('User ID'),
				/** Sends Ctrl-C (SIGINT) and resolves with the exit code. */
				stop: () =>
					new Promise((done) => {
						child.once('exit', (code) => done(code));
						child.kill('SIGINT');
					}),
			});
		});
		child.once('error', reject);
	});
}

module.exports = { runCli };
