'use strict';
// Library entry: startSimulator(options) starts a seeded HoopAI Social Planner API simulator on
// 127.0.0.1 and returns its URL, a ready token and the control helpers.

const { createState } = require('./state');
const { createClock, createWindowClock } = require('./clock');
const { createRateLimiter } = require('./rate-limit');
const { createFaults } = require('./faults');
const { createControl } = require('./control');
const { IDS } = require('./seed');
const { buildApp } = require('./app');
const { oauthStartMode } = require('./oauth-start');

async function startSimulator(options = {}) {
	const opts = {
		port: options.port ?? 0,
		seed: options.seed || 'sample',
		now: options.now || new Date().toISOString(),
		followRealTime: Boolean(options.followRealTime),
		rateLimit: options.rateLimit || {},
		requestLogLimit: options.requestLogLimit ?? 100000,
		oauthStart: oauthStartMode(options.oauthStart),
	};
	const windowClock = createWindowClock(options.rateLimit && options.rateLimit.now);
	const sim = {
		options: opts,
		state: createState(),
		clock: createClock(opts.now, opts.followRealTime),
		windowClock,
		rateLimiter: createRateLimiter(opts.rateLimit, windowClock),
		faults: createFaults(),
		requestLog: [],
		locationId: IDS.locationId,
		companyId: IDS.companyId,
		userId: IDS.userId,
		token: IDS.token,
		otherLocationId: IDS.otherLocationId,
		otherToken: IDS.otherToken,
	};
	sim.control = createControl(sim);
	sim.control.reset();
	const app = await buildApp(sim);
	const address = await app.listen({ host: '127.0.0.1', port: opts.port });
	sim.url = address.replace('localhost', '127.0.0.1');
	sim.app = app;
	sim.stop = async () => {
		await app.close();
	};
	return sim;
}

module.exports = { startSimulator, IDS };
