'use strict';
// Library entry: startSimulator(options) starts a seeded HoopAI Social Planner API simulator on
// 127.0.0.1 and returns its URL, a ready token and the control helpers.

const { createState } = require('./state');
const { createClock, createWindowClock } = require('./clock');
const { createRateLimiter } = require('./rate-limit');
const { createFaults, mulberry32 } = require('./faults');
const { createControl } = require('./control');
const { IDS, CLIENT_LOCATIONS } = require('./seed');
const { buildApp } = require('./app');
const { oauthStartMode } = require('./oauth-start');
const { APP_SCOPES, settingsFrom } = require('./marketplace');

async function startSimulator(options = {}) {
	const opts = {
		port: options.port ?? 0,
		seed: options.seed || 'sample',
		now: options.now || new Date().toISOString(),
		followRealTime: Boolean(options.followRealTime),
		rateLimit: options.rateLimit || {},
		requestLogLimit: options.requestLogLimit ?? 100000,
		oauthStart: oauthStartMode(options.oauthStart),
		oauth: options.oauth || {},
	};
	const windowClock = createWindowClock(options.rateLimit && options.rateLimit.now);
	// The Marketplace app (fixed, like the seed's identities) and its settings (reset restores them).
	const marketplaceApp = {
		name: 'Hoop Social Sync',
		appId: IDS.appId,
		versionId: IDS.versionId,
		clientId: IDS.clientId,
		clientSecret: IDS.clientSecret,
		scopes: APP_SCOPES,
	};
	const sim = {
		options: opts,
		state: createState(),
		clock: createClock(opts.now, opts.followRealTime),
		windowClock,
		rateLimiter: createRateLimiter(opts.rateLimit, windowClock),
		/** Access tokens, codes and refresh tokens expire on this clock: real time plus an offset tests can push. */
		tokenClock: createWindowClock(),
		marketplace: { app: marketplaceApp, settings: settingsFrom(opts.oauth) },
		faults: createFaults(),
		requestLog: [],
		locationId: IDS.locationId,
		companyId: IDS.companyId,
		userId: IDS.userId,
		token: IDS.token,
		otherLocationId: IDS.otherLocationId,
		otherToken: IDS.otherToken,
		clientId: IDS.clientId,
		clientSecret: IDS.clientSecret,
		appId: IDS.appId,
		agencyToken: IDS.agencyToken,
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

module.exports = { startSimulator, IDS, CLIENT_LOCATIONS, seededRandom: mulberry32 };
