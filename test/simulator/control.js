'use strict';
// The control surface: in-process helpers (sim.control) and the same operations over HTTP under
// /__sim/. These routes are not API traffic: no auth, rate limit, scopes or request log.

const { createState, addToken, ALL_SCOPES } = require('./state');
const { applySeed, applyFixture } = require('./seed');
const { advanceLifecycle } = require('./posts-model');
const { advanceQueues } = require('./queue-model');
const { completeConnectUrl } = require('./routes/oauth');
const { oauthStartMode } = require('./oauth-start');
const { createWindowClock } = require('./clock');
const marketplace = require('./marketplace');

function serializeLocation(location) {
	const out = {};
	for (const [key, value] of Object.entries(location)) {
		if (value instanceof Map) out[key] = Object.fromEntries(value);
		else out[key] = value;
	}
	return out;
}

function createControl(sim) {
	const control = {
		/** Back to the seeded state (the start seed unless another is named), clock and limits. */
		reset(seedName) {
			sim.state = createState();
			sim.clock.set(sim.options.followRealTime ? new Date().toISOString() : sim.options.now);
			sim.faults.clear();
			sim.rateLimiter.reset();
			sim.tokenClock = createWindowClock();
			sim.marketplace.settings = marketplace.settingsFrom(sim.options.oauth);
			sim.requestLog.length = 0;
			applySeed(sim, seedName || sim.options.seed);
			advanceQueues(sim);
			advanceLifecycle(sim);
		},
		/** 'sample' | 'empty' resets to that seed; an object adds fixture records. */
		seed(fixture) {
			if (typeof fixture === 'string') {
				control.reset(fixture);
				return {};
			}
			const created = applyFixture(sim, fixture || {});
			advanceQueues(sim);
			advanceLifecycle(sim);
			return created;
		},
		advanceClock(ms) {
			sim.clock.advance(ms);
			advanceQueues(sim);
			advanceLifecycle(sim);
			return sim.clock.nowIso();
		},
		setClock(iso) {
			sim.clock.set(iso);
			advanceQueues(sim);
			advanceLifecycle(sim);
			return sim.clock.nowIso();
		},
		now: () => sim.clock.nowIso(),
		setScopes(token, scopes) {
			const record = sim.state.tokens.get(token);
			if (!record) throw new Error(`Unknown token: ${token}`);
			record.scopes = [...scopes];
		},
		addToken({ token, locationId, scopes, companyId }) {
			if (!sim.state.locations.has(locationId)) applyFixture(sim, { locationId, companyId });
			return addToken(sim.state, { token, locationId, scopes: scopes || ALL_SCOPES, companyId: companyId || sim.companyId });
		},
		injectFaults: (config) => sim.faults.set(config),
		clearFaults: () => sim.faults.clear(),
		requests: () => sim.requestLog.map((r) => ({ ...r })),
		clearRequests() {
			sim.requestLog.length = 0;
		},
		setRateLimit(config) {
			sim.rateLimiter.configure(config);
		},
		/** Moves the rate-limit window's clock (real time by default) without sleeping. */
		advanceRateLimitWindow(ms) {
			sim.windowClock.advance(ms);
		},
		/** The browser step of the OAuth connect flow: opens a connect URL, returns the window's message. */
		completeConnect(url, options) {
			return completeConnectUrl(sim, url, options);
		},
		/** 'bearer' (the specs) or 'browser' (the API's description): how start pages may be opened. */
		setOAuthStart(mode) {
			sim.options.oauthStart = oauthStartMode(mode);
			return sim.options.oauthStart;
		},
		/**
		 * The authorization page's "Allow" without a browser: `{ userType: 'Location', locationId }` or
		 * `{ userType: 'Company', approvedLocations?, installToFutureLocations? }` (default: every
		 * location of the company), for `scopes` (default: all the app has) and `redirectUri`.
		 * Returns `{ code, redirectUrl }`, as the page redirects.
		 */
		authorize(options = {}) {
			const companyId = options.companyId || sim.companyId;
			const company = options.userType === 'Company';
			const query = {
				response_type: 'code',
				client_id: sim.clientId,
				redirect_uri: options.redirectUri || 'http://127.0.0.1/oauth/callback',
				scope: (options.scopes || sim.marketplace.app.scopes).join(' '),
				state: options.state,
			};
			const approved =
				options.approvedLocations || [...sim.state.locations.values()].filter((l) => l.companyId === companyId).map((l) => l.id);
			return marketplace.consent(sim, query, {
				target: company ? `company:${companyId}` : `location:${options.locationId || sim.locationId}`,
				approvedLocations: approved,
				installToFutureLocations: options.installToFutureLocations,
			});
		},
		/** authorize() then the code exchange, in process: the token answer a client would get (v2 fields). */
		connect(options = {}) {
			const { code } = control.authorize(options);
			return marketplace.tokenRequest(
				sim,
				{
					client_id: sim.clientId,
					client_secret: sim.clientSecret,
					grant_type: 'authorization_code',
					code,
					redirect_uri: options.redirectUri || 'http://127.0.0.1/oauth/callback',
				},
				'v2',
			);
		},
		/** Lifetimes and refusal shapes (marketplace.js DEFAULT_SETTINGS); reset() restores the start options. */
		setOAuth(settings) {
			sim.marketplace.settings = marketplace.settingsFrom({ ...sim.marketplace.settings, ...settings });
			return { ...sim.marketplace.settings };
		},
		/** Moves the token clock (access tokens, codes, refresh tokens expire on it) without sleeping. */
		advanceTokenClock(ms) {
			sim.tokenClock.advance(ms);
		},
		/** Another holder of the same refresh tokens refreshes first (every live grant, or those matching). */
		refreshElsewhere: (filter) => marketplace.refreshElsewhere(sim, filter),
		isCurrentRefreshToken: (refreshToken) => marketplace.isCurrentRefreshToken(sim, refreshToken),
		/** Each grant (one consent, or one exchange): its type, location, refreshes and refused refreshes. */
		grants: () => marketplace.grantSummaries(sim),
		installApp: (locationId) => marketplace.install(sim, locationId).id,
		uninstallApp: (locationId) => marketplace.uninstall(sim, locationId),
		/** A new sub-account of the agency (installed when its agency install covers future locations). */
		addLocation: (location) => marketplace.addCompanyLocation(sim, { companyId: sim.companyId, ...location }).id,
		/** A paused or cancelled sub-account: its refreshes and exchanges are refused ("Location is not active"). */
		setLocationActive(locationId, active) {
			const location = sim.state.locations.get(locationId);
			if (!location) throw new Error(`Unknown location: ${locationId}`);
			location.active = Boolean(active);
		},
		get state() {
			return sim.state;
		},
		snapshot() {
			const locations = {};
			for (const [id, location] of sim.state.locations) locations[id] = serializeLocation(location);
			return { now: sim.clock.nowIso(), locations, tokens: [...sim.state.tokens.values()] };
		},
	};
	return control;
}

function register(app, sim) {
	const c = sim.control;
	const wrap = (fn) => async (request, reply) => {
		try {
			return await fn(request, reply);
		} catch (error) {
			reply.code(400);
			return { statusCode: 400, message: error.message };
		}
	};
	app.post(
		'/__sim/reset',
		wrap(async (req) => {
			c.reset(req.body && req.body.seed);
			return { ok: true, now: c.now() };
		}),
	);
	app.post(
		'/__sim/seed',
		wrap(async (req) => ({ ok: true, created: c.seed(req.body) })),
	);
	app.post(
		'/__sim/clock/advance',
		wrap(async (req) => ({ now: c.advanceClock(Number(req.body && req.body.ms)) })),
	);
	app.post(
		'/__sim/clock',
		wrap(async (req) => ({ now: c.setClock(req.body && req.body.now) })),
	);
	app.get('/__sim/clock', async () => ({ now: c.now() }));
	app.post(
		'/__sim/tokens',
		wrap(async (req) => ({ ok: true, token: c.addToken(req.body || {}) })),
	);
	app.put(
		'/__sim/tokens/:token/scopes',
		wrap(async (req) => {
			c.setScopes(req.params.token, (req.body && req.body.scopes) || []);
			return { ok: true };
		}),
	);
	app.post(
		'/__sim/faults',
		wrap(async (req) => {
			c.injectFaults(req.body || {});
			return { ok: true, faults: sim.faults.current() };
		}),
	);
	app.delete('/__sim/faults', async () => {
		c.clearFaults();
		return { ok: true };
	});
	app.post(
		'/__sim/rate-limit',
		wrap(async (req) => {
			const { advanceWindowMs, ...config } = req.body || {};
			if (Object.keys(config).length) c.setRateLimit(config);
			if (advanceWindowMs) c.advanceRateLimitWindow(advanceWindowMs);
			return { ok: true, config: sim.rateLimiter.config };
		}),
	);
	app.get('/__sim/requests', async () => ({ requests: c.requests() }));
	app.delete('/__sim/requests', async () => {
		c.clearRequests();
		return { ok: true };
	});
	app.get('/__sim/state', async () => c.snapshot());
	app.post(
		'/__sim/oauth/complete',
		wrap(async (req) => c.completeConnect(req.body && req.body.url, { accountId: req.body && req.body.accountId })),
	);
	app.post(
		'/__sim/oauth/start-mode',
		wrap(async (req) => ({ oauthStart: c.setOAuthStart(req.body && req.body.mode) })),
	);
	const body = (req) => req.body || {};
	app.post(
		'/__sim/marketplace/authorize',
		wrap(async (req) => c.authorize(body(req))),
	);
	app.post(
		'/__sim/marketplace/connect',
		wrap(async (req) => c.connect(body(req))),
	);
	app.post(
		'/__sim/marketplace/settings',
		wrap(async (req) => ({ settings: c.setOAuth(body(req)) })),
	);
	app.post(
		'/__sim/marketplace/token-clock/advance',
		wrap(async (req) => {
			c.advanceTokenClock(Number(body(req).ms));
			return { ok: true };
		}),
	);
	app.post(
		'/__sim/marketplace/refresh-elsewhere',
		wrap(async (req) => ({ rotated: c.refreshElsewhere(body(req)) })),
	);
	app.get('/__sim/marketplace/grants', async () => ({ grants: c.grants() }));
	app.post(
		'/__sim/marketplace/installs',
		wrap(async (req) => ({ ok: true, locationId: c.installApp(body(req).locationId) })),
	);
	app.delete(
		'/__sim/marketplace/installs/:locationId',
		wrap(async (req) => {
			c.uninstallApp(req.params.locationId);
			return { ok: true };
		}),
	);
	app.post(
		'/__sim/marketplace/locations',
		wrap(async (req) => ({ ok: true, locationId: c.addLocation(body(req)) })),
	);
	// Files uploaded through POST /medias/upload-file are served from here.
	app.get('/__sim/media/:id/:name', async (req, reply) => {
		const file = sim.state.media.get(req.params.id);
		if (!file) {
			reply.code(404);
			return { statusCode: 404, message: 'File not found' };
		}
		reply.type(file.mimetype);
		return file.data;
	});
}

module.exports = { createControl, register };
