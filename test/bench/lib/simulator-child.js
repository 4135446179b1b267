'use strict';
// The API simulator for benchmarks, in a process of its own so that its CPU time is never counted
// as the trigger's. Started and driven over IPC by simulator-process.js. argv[2] is the simulator
// folder to run (default: this checkout's), so the same benchmark can run another checkout's
// simulator for before/after figures.

const path = require('node:path');

const SIMULATOR_DIR = process.argv[2] || path.join(__dirname, '..', '..', 'simulator');
const { startSimulator } = require(SIMULATOR_DIR);

let sim;
/** The posts seedWindow made, in the order their statuses are changed. */
let seeded = [];
let changed = 0;
/** TCP connections the API server accepted. */
let connections = 0;

const cpuMicros = () => {
	const usage = process.cpuUsage();
	return usage.user + usage.system;
};

const methods = {
	async start() {
		sim = await startSimulator({ port: 0, seed: 'sample' });
		sim.control.setRateLimit({ max: 1_000_000_000, daily: 1_000_000_000 });
		sim.app.server.on('connection', () => {
			connections += 1;
		});
		return { url: sim.url, token: sim.token, locationId: sim.locationId, userId: sim.userId, simulatorDir: SIMULATOR_DIR };
	},
	/** Replaces the location's posts with `count` scheduled posts, spread from 1 h to 1 h + spreadDays ahead. */
	seedWindow({ count, spreadDays }) {
		const location = sim.control.state.locations.get(sim.locationId);
		const account = location.accounts.find((candidate) => candidate.platform === 'facebook').id;
		location.posts.length = 0;
		const step = (spreadDays * 24 * 3_600_000) / count;
		const start = Date.parse(sim.control.now()) + 3_600_000;
		seeded = sim.control.seed({
			posts: Array.from({ length: count }, (_value, index) => ({
				status: 'scheduled',
				accountIds: [account],
				summary: `Post ${index}: a caption of typical length for a scheduled social post, with a link https://example.com/p/${index}`,
				scheduleDate: new Date(start + Math.round(index * step)).toISOString(),
			})),
		}).posts;
		// Changes spread over the window: every k-th post in a shuffled but fixed order.
		seeded = seeded
			.map((post, index) => ({ post, key: (index * 7919) % count }))
			.sort((a, b) => a.key - b.key)
			.map((entry) => entry.post);
		changed = 0;
		return { posts: location.posts.length };
	},
	/** The next `count` seeded posts fail (scheduled → failed), as a publishing outage would make them. */
	changeStatuses({ count }) {
		const batch = seeded.slice(changed, changed + count);
		for (const post of batch) {
			post.status = 'failed';
			post.error = 'The facebook account has expired. Please reconnect the account.';
		}
		changed += batch.length;
		return { changed: batch.length };
	},
	/** This process's CPU time so far (µs), the API requests logged and the connections accepted. */
	sample() {
		return { cpuMicros: cpuMicros(), requests: sim.requestLog.length, connections };
	},
	async stop() {
		await sim.stop();
		return {};
	},
};

process.on('message', async ({ id, method, args }) => {
	try {
		const result = await methods[method](args || {});
		process.send({ id, result });
	} catch (error) {
		process.send({ id, error: String(error && error.stack ? error.stack : error) });
	}
});
process.on('disconnect', () => process.exit(0));
