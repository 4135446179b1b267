// The send path's module state (rate limiters, retry tuning) as the loaded package sees it: the
// same dist/ modules n8n-core's PackageDirectoryLoader requires in a test file. Required when
// first used, by path: dist/ exists only after the build (the lint of a clean clone runs before).
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'nodes', 'HoopAiSocialPlanner', 'shared');
const send = () => require(path.join(DIST, 'send'));
const rateLimit = () => require(path.join(DIST, 'rateLimit'));
const locationTokens = () => require(path.join(DIST, 'locationTokens'));

let defaults;

/** The live tuning object of the package's send path. */
function sendSettings() {
	return send().sendSettings;
}

/** Shorter waits for a test (restored by `restoreSendSettings`). */
function tuneSendSettings(overrides) {
	defaults ??= { ...sendSettings() };
	Object.assign(sendSettings(), overrides);
}

function restoreSendSettings() {
	if (defaults) Object.assign(sendSettings(), defaults);
}

/** Forgets every location's limits (a reset simulator starts a new day and window). */
function forgetRateLimits() {
	rateLimit().forgetRateLimits();
}

/** Forgets the location tokens agency mode holds (a reset simulator knows none of them). */
function forgetLocationTokens() {
	locationTokens().forgetLocationTokens();
}

/** The live clock and margin of the held location tokens. */
function locationTokenSettings() {
	return locationTokens().locationTokenSettings;
}

module.exports = { forgetLocationTokens, forgetRateLimits, locationTokenSettings, restoreSendSettings, sendSettings, tuneSendSettings };
