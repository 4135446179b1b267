'use strict';
// POST /statistics?locationId=: validates profile count and ranges, then builds a deterministic
// analytics object (same inputs, same numbers) in the documented shape.

const { createHash } = require('node:crypto');
const { api } = require('../route');
const { obj, str, arr, oneOfStr } = require('../schemas');
const { badRequest } = require('../errors');

const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'google', 'pinterest', 'youtube', 'tiktok'];
const DAY = 24 * 60 * 60 * 1000;
const range = obj({ startDate: str({ format: 'date-time' }), endDate: str({ format: 'date-time' }) }, ['startDate', 'endDate']);

function checkRange(name, r) {
	if (!r) return;
	if (Date.parse(r.startDate) > Date.parse(r.endDate)) throw badRequest(`${name}.startDate must be before ${name}.endDate`);
}

/**
 * The network an account reports under. The spec: "Linkedin (PAGE only) and Tiktok (BUSINESS
 * only) are supported" — TikTok business accounts report as `tiktok`, personal ones not at all.
 */
function statisticsPlatform(account) {
	if (account.platform === 'tiktok-business') return 'tiktok';
	if (account.platform === 'tiktok') return undefined;
	if (account.platform === 'linkedin' && account.type !== 'page') return undefined;
	return account.platform;
}

/** A number generator seeded by the request, so answers are stable. */
function numbers(seedText) {
	let hash = createHash('sha256').update(seedText).digest();
	let i = 0;
	return (max) => {
		if (i + 4 > hash.length) {
			hash = createHash('sha256').update(hash).digest();
			i = 0;
		}
		const n = hash.readUInt32BE(i);
		i += 4;
		return n % (max + 1);
	};
}

function days(startMs, endMs) {
	const out = [];
	for (
		let t = Date.UTC(new Date(startMs).getUTCFullYear(), new Date(startMs).getUTCMonth(), new Date(startMs).getUTCDate());
		t <= endMs && out.length < 366;
		t += DAY
	) {
		out.push(new Date(t).toISOString().slice(0, 10));
	}
	return out;
}

function buildResults(sim, location, body) {
	const d = new Date(sim.clock.now());
	const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
	const current = body.currentRange
		? { start: Date.parse(body.currentRange.startDate), end: Date.parse(body.currentRange.endDate) }
		: { start: today - 7 * DAY, end: today - 1 };
	const dayRange = days(current.start, current.end);
	// The docs say profileIds are the accounts' `profileId`, but their example looks like an
	// oauth/_id: accept any of the three.
	const accounts = location.accounts.filter((a) => [a.profileId, a.oauthId, a.id].some((id) => body.profileIds.includes(id)));
	let platforms = [...new Set(accounts.map(statisticsPlatform))].filter((p) => PLATFORMS.includes(p));
	if (body.platforms) platforms = platforms.filter((p) => body.platforms.includes(p));
	const rnd = numbers(JSON.stringify([body.profileIds, platforms, dayRange[0], dayRange.length]));
	const series = (max) => dayRange.map(() => rnd(max));
	const sum = (xs) => xs.reduce((a, b) => a + b, 0);
	const per = {};
	for (const p of platforms) {
		per[p] = {
			posts: series(3),
			impressions: series(900),
			likes: series(120),
			comments: series(30),
			followers: series(15),
			reach: series(600),
			shares: series(10),
		};
	}
	const total = (key) => sum(platforms.map((p) => sum(per[p][key])));
	const change = () => rnd(400) / 10 - 20;
	const breakdown = (key) => ({
		total: total(key),
		totalChange: change(),
		platforms: Object.fromEntries(platforms.map((p) => [p, { value: sum(per[p][key]), change: change() }])),
	});
	const daily = (key) => dayRange.map((_, i) => sum(platforms.map((p) => per[p][key][i])));
	const male = rnd(1000);
	const female = rnd(1000);
	const unknown = rnd(100);
	const people = male + female + unknown || 1;
	const pct = (n) => Math.round((n / people) * 10000) / 100;
	return {
		dayRange,
		totals: {
			posts: total('posts'),
			likes: total('likes'),
			followers: total('followers'),
			impressions: total('impressions'),
			comments: total('comments'),
		},
		postPerformance: {
			posts: Object.fromEntries(platforms.map((p) => [p, per[p].posts])),
			impressions: daily('impressions'),
			likes: daily('likes'),
			comments: daily('comments'),
		},
		breakdowns: {
			posts: breakdown('posts'),
			impressions: breakdown('impressions'),
			reach: breakdown('reach'),
			engagement: Object.fromEntries(
				platforms.map((p) => [
					p,
					{ likes: sum(per[p].likes), comments: sum(per[p].comments), shares: sum(per[p].shares), change: change() },
				]),
			),
		},
		platformTotals: Object.fromEntries(
			['impressions', 'followers', 'likes'].map((key) => [
				key,
				Object.fromEntries(platforms.map((p) => [p, { total: sum(per[p][key]), series: per[p][key] }])),
			]),
		),
		demographics: {
			gender: {
				totals: {
					male: { total: male, percentage: pct(male) },
					female: { total: female, percentage: pct(female) },
					unknown: { total: unknown, percentage: pct(unknown) },
				},
			},
			age: { totals: Object.fromEntries(['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'].map((k) => [k, rnd(300)])) },
		},
	};
}

function register(app, sim) {
	api(
		app,
		'POST',
		'/social-media-posting/statistics',
		{
			scope: 'socialplanner/statistics.readonly',
			location: 'query',
			schema: {
				querystring: obj({ locationId: str() }, ['locationId']),
				body: obj({ profileIds: arr(str()), platforms: arr(oneOfStr(PLATFORMS)), currentRange: range, prevRange: range }, ['profileIds']),
			},
		},
		async (req) => {
			const body = req.body;
			if (body.profileIds.length === 0) throw badRequest('profileIds should not be empty');
			if (body.profileIds.length > 100) throw badRequest('You can request statistics for at most 100 accounts');
			if (body.prevRange && !body.currentRange) throw badRequest('prevRange can only be used together with currentRange');
			checkRange('currentRange', body.currentRange);
			checkRange('prevRange', body.prevRange);
			const location = sim.state.locations.get(req.query.locationId);
			return { results: buildResults(sim, location, body), message: 'Analytics Built Successfully' };
		},
	);
}

module.exports = { register };
