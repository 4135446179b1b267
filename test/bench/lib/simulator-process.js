'use strict';
// Runs the API simulator in a child process (simulator-child.js) and drives it over IPC, so that
// a benchmark measures the trigger's CPU time (this process) apart from the simulator's (the child).

const { fork } = require('node:child_process');
const path = require('node:path');

async function startSimulatorProcess(simulatorDir) {
	const child = fork(path.join(__dirname, 'simulator-child.js'), simulatorDir ? [simulatorDir] : [], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map();
	let nextId = 0;
	child.on('message', ({ id, result, error }) => {
		const call = pending.get(id);
		pending.delete(id);
		if (error) call.reject(new Error(`simulator process: ${error}`));
		else call.resolve(result);
	});
	child.once('exit', (code) => {
		for (const call of pending.values()) call.reject(new Error(`simulator process exited (${code})`));
		pending.clear();
	});
	const call = (method, args) =>
		new Promise((resolve, reject) => {
			nextId += 1;
			pending.set(nextId, { resolve, reject });
			child.send({ id: nextId, method, args });
		});
	const info = await call('start');
	return {
		...info,
		pid: child.pid,
		seedWindow: (count, spreadDays) => call('seedWindow', { count, spreadDays }),
		changeStatuses: (count) => call('changeStatuses', { count }),
		sample: () => call('sample'),
		async stop() {
			await call('stop');
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.disconnect();
			await exited;
		},
	};
}

module.exports = { startSimulatorProcess };
