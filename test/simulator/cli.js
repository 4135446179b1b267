'use strict';
// `npm run simulator`: a seeded simulator on a fixed port (HOOPAI_SIM_PORT, default 4010).
// The post clock follows real time here so scheduled posts publish while you watch.
// HOOPAI_SIM_OAUTH_START=browser lets a browser open the OAuth start pages without the token;
// HOOPAI_SIM_SEED=agency serves the agency seed (five sub-accounts with data).

const { startSimulator } = require('./index');

async function main() {
	const port = Number(process.env.HOOPAI_SIM_PORT || 4010);
	const oauthStart = process.env.HOOPAI_SIM_OAUTH_START || 'bearer';
	const sim = await startSimulator({ port, seed: process.env.HOOPAI_SIM_SEED || 'sample', followRealTime: true, oauthStart });
	const lines = [
		'HoopAI Social Planner API simulator',
		`  URL:          ${sim.url}`,
		`  Token:        ${sim.token}`,
		`  Location ID:  ${sim.locationId}`,
		`  User ID:      ${sim.userId}`,
		`  Company ID:   ${sim.companyId}`,
		`  OAuth app:    client ID ${sim.clientId}, client secret ${sim.clientSecret}`,
		`                authorization page ${sim.url}/v2/oauth/chooselocation, token URL ${sim.url}/oauth/token`,
		'  Version:      2021-07-28 (or v3)',
		`  OAuth start:  ${oauthStart === 'browser' ? 'opens in a browser without the token' : 'needs the token, as the specs say (HOOPAI_SIM_OAUTH_START=browser for a browser)'}`,
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
