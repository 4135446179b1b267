'use strict';
// `npm run simulator`: a seeded simulator on a fixed port (HOOPAI_SIM_PORT, default 4010).
// The post clock follows real time here so scheduled posts publish while you watch.

const { startSimulator } = require('./index');

async function main() {
	const port = Number(process.env.HOOPAI_SIM_PORT || 4010);
	const sim = await startSimulator({ port, seed: 'sample', followRealTime: true });
	const lines = [
		'HoopAI Social Planner API simulator',
		`  URL:          ${sim.url}`,
		`  Token:        ${sim.token}`,
		`  Location ID:  ${sim.locationId}`,
		`  User ID:      ${sim.userId}`,
		`  Company ID:   ${sim.companyId}`,
		'  Version:      2021-07-28 (or v3)',
		`  Control:      ${sim.url}/__sim/state, /__sim/requests, POST /__sim/reset`,
		'Press Ctrl-C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = async () => {
		await sim.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
