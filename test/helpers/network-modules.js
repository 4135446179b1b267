// The network modules as built (dist/nodes/HoopAiSocialPlanner/networks/), each file required, for
// test/node/networks.test.ts. In .js because the strict n8n lint forbids fs and path in .ts.
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'HoopAiSocialPlanner', 'networks');
/** The files of that folder that are no network: the registry, the type and the helpers the modules share. */
const NOT_NETWORKS = ['index.js', 'network.js', 'connect.js'];

/** Every network module: its file name and what it exports. */
function networkModules() {
	return fs
		.readdirSync(DIR)
		.filter((file) => file.endsWith('.js') && !NOT_NETWORKS.includes(file))
		.sort()
		.map((file) => ({ file, exports: require(path.join(DIR, file)) }));
}

/** The registry (networks/index.js): NETWORKS and the lists derived from it. */
function networkRegistry() {
	return require(path.join(DIR, 'index.js'));
}

module.exports = { networkModules, networkRegistry };
