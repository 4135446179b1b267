'use strict';
// OAuth connect flow: start (the HTML page a browser would see, carrying the accountId it would
// post back), list the pages/profiles that account can attach, attach one as a social account.
// Generic v3 `{platform}` paths plus the v2 per-platform paths (incl. google/locations, twitter).

const Ajv = require('ajv');
const { api, envelope } = require('../route');
const { obj, str, bool, anyObj, oneOfStr } = require('../schemas');
const { newId } = require('../state');
const { makeAccount } = require('../seed');
const { badRequest, notFound, unprocessable, validationMessages } = require('../errors');

const V3_PLATFORMS = [
	'google',
	'facebook',
	'instagram',
	'linkedin',
	'tiktok',
	'tiktok-business',
	'youtube',
	'pinterest',
	'threads',
	'bluesky',
];
const V3_ATTACH = ['google', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'pinterest', 'threads', 'bluesky'];
const V2_PLATFORMS = ['google', 'facebook', 'instagram', 'linkedin', 'twitter', 'tiktok', 'tiktok-business'];
const V2_ATTACH = ['facebook', 'instagram', 'linkedin', 'twitter', 'tiktok'];
const ACCOUNT_TYPES = ['page', 'group', 'profile', 'location', 'business'];
const NAMES = {
	google: 'Google Business Profile',
	facebook: 'Facebook',
	instagram: 'Instagram',
	linkedin: 'LinkedIn',
	twitter: 'X (Twitter)',
	tiktok: 'TikTok',
	'tiktok-business': 'TikTok Business',
	youtube: 'YouTube',
	pinterest: 'Pinterest',
	threads: 'Threads',
	bluesky: 'Bluesky',
};

const startQuery = obj({ locationId: str(), userId: str(), page: str(), reconnect: str() }, ['locationId', 'userId']);
const company = { companyId: str() };
const profileBody = (types) =>
	obj({ type: oneOfStr(types), originId: str(), name: str(), avatar: str(), verified: bool(), username: str(), ...company }, [
		'type',
		'originId',
		'name',
		'avatar',
	]);
/** Attach bodies per platform (v3 DTOs; the v2 `companyId` is accepted everywhere). */
const ATTACH_BODIES = {
	facebook: obj({ type: oneOfStr(['page']), originId: str(), name: str(), avatar: str(), ...company }, [
		'type',
		'originId',
		'name',
		'avatar',
	]),
	instagram: obj({ originId: str(), name: str(), avatar: str(), pageId: str(), ...company }, ['pageId']),
	google: obj(
		{
			location: obj(
				{
					name: str(),
					storeCode: str(),
					title: str(),
					storefrontAddress: anyObj(),
					metadata: anyObj(),
					maxLocation: bool(),
					isVerified: bool(),
					isConnected: bool(),
				},
				['name', 'title'],
				{ additionalProperties: true },
			),
			account: obj(
				{ name: str(), accountName: str(), type: str(), verificationState: str(), vettedState: str() },
				['name', 'accountName', 'type', 'verificationState', 'vettedState'],
				{ additionalProperties: true },
			),
			...company,
		},
		['location', 'account'],
	),
	linkedin: obj({ type: oneOfStr(ACCOUNT_TYPES), originId: str(), name: str(), avatar: str(), urn: str(), ...company }, [
		'type',
		'originId',
		'name',
		'avatar',
		'urn',
	]),
	tiktok: profileBody(ACCOUNT_TYPES),
	youtube: profileBody(['profile']),
	pinterest: obj(
		{
			originId: str(),
			name: str(),
			avatar: str(),
			verified: bool(),
			username: str(),
			websiteUrl: str(),
			companyId: str(),
			type: oneOfStr(['profile']),
			originAccountType: str(),
		},
		['originId'],
	),
	threads: obj({ type: oneOfStr(['profile']), originId: str(), name: str(), avatar: str(), ...company }, [
		'type',
		'originId',
		'name',
		'avatar',
	]),
	bluesky: obj({ type: oneOfStr(['profile']), originId: str(), name: str(), avatar: str(), ...company }, ['originId']),
	twitter: obj({ originId: str(), name: str(), username: str(), avatar: str(), protected: bool(), verified: bool(), ...company }, [
		'originId',
	]),
};
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(ATTACH_BODIES).map(([k, s]) => [k, ajv.compile(s)]));

/** The pages/profiles an OAuth login can see: deterministic per connection. */
function candidates(platform, accountId) {
	const seed = parseInt(accountId.slice(-6), 16);
	const label = NAMES[platform];
	return [0, 1].map((n) => ({
		originId: String(seed * 10 + n + 100000000),
		name: `${label} ${n === 0 ? 'Main' : 'Second'} ${platform === 'google' ? 'Location' : 'Page'}`,
		avatar: `https://cdn.example.com/oauth/${platform}/${seed}-${n}.png`,
		username: `sim_${platform.replace('-', '_')}_${n}`,
		pageId: String(seed * 10 + n + 500000000),
		urn: `urn:li:organization:${seed * 10 + n}`,
	}));
}

/** The LinkedIn login's own profile, listed beside its pages and attachable like them. */
function linkedinProfile(connection) {
	const suffix = connection.accountId.slice(-6);
	return {
		originId: `p${suffix}`,
		name: 'Avery Stone',
		avatar: 'https://cdn.example.com/oauth/linkedin/me.png',
		urn: `urn:li:person:${suffix}`,
	};
}

const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The start page, standing in for the network's login and consent screens and HighLevel's window
 * after them: "Allow" posts the message HighLevel's window posts (API-NOTES §3.3) to the page that
 * opened it, then closes the window.
 */
function startPage(data, traceId, pages) {
	const json = JSON.stringify(data).replace(/</g, '\\u003c');
	const name = NAMES[data.platform];
	return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="trace-id" content="${traceId}"><title>Log in to ${name} (HoopAI simulator)</title>
<style>body{font-family:system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px;color:#1d2433}button{font:inherit;padding:10px 18px;border:0;border-radius:8px;background:#1877f2;color:#fff;cursor:pointer}code{font-size:12px}</style></head>
<body>
<h1>Log in to ${name}</h1>
<p>HoopAI simulator: this page stands in for ${name}'s login and permission screens. Nothing is sent to ${name}.</p>
<p>This login can attach: ${pages.map(escapeHtml).join(', ')}.</p>
<p><button id="allow" type="button">Log in and allow access</button></p>
<p id="outcome"></p>
<p>accountId: <code id="account-id">${data.accountId}</code></p>
<script id="oauth-result" type="application/json">${json}</script>
<script>
var data = JSON.parse(document.getElementById('oauth-result').textContent);
document.getElementById('allow').addEventListener('click', function () {
  if (!window.opener) { document.getElementById('outcome').textContent = 'Connected, but no page opened this window to tell.'; return; }
  window.opener.postMessage(data, '*');
  window.close();
});
</script>
</body></html>
`;
}

function connectionFor(sim, params, platform) {
	const connection = sim.state.oauth.get(params.accountId);
	if (!connection || connection.platform !== platform || connection.locationId !== params.locationId) {
		throw notFound('OAuth account not found');
	}
	return connection;
}

function listShape(sim, location, platform, connection, search) {
	const connected = (c) => location.accounts.some((a) => a.platform === platform && a.originId === c.originId);
	const list = connection.candidates.filter((c) => !search || c.name.toLowerCase().includes(String(search).toLowerCase()));
	const base = (c) => ({ id: c.originId, name: c.name, avatar: c.avatar, isConnected: connected(c) });
	switch (platform) {
		case 'facebook':
			return { pages: list.map((c) => ({ ...base(c), isOwned: true })) };
		case 'instagram':
			return { accounts: list.map((c) => ({ ...base(c), pageId: c.pageId })) };
		case 'google': {
			const c = list[0] || connection.candidates[0];
			return {
				locations: {
					location: {
						name: `locations/${c.originId}`,
						storeCode: `STORE-${c.originId.slice(-4)}`,
						title: c.name,
						metadata: { mapsUri: `https://maps.google.com/?cid=${c.originId}` },
						storefrontAddress: { addressLines: ['1 Main Street'], locality: 'Springfield', regionCode: 'US' },
						relationshipData: {},
						maxLocation: false,
						isVerified: true,
						isConnected: connected(c),
					},
					account: {
						name: `accounts/${connection.accountId}`,
						accountName: 'Hoop Coffee Group',
						type: 'LOCATION_GROUP',
						verificationState: 'VERIFIED',
						vettedState: 'NOT_VETTED',
					},
				},
			};
		}
		case 'linkedin': {
			const me = linkedinProfile(connection);
			return { pages: list.map((c) => ({ ...base(c), urn: c.urn })), profile: [{ ...base(me), urn: me.urn }] };
		}
		case 'twitter':
			return { profile: list.map((c) => ({ ...base(c), username: c.username, protected: false, verified: false })) };
		case 'pinterest':
			return { profile: list.map((c) => ({ ...base(c), username: c.username, type: 'profile', websiteUrl: 'https://example.com' })) };
		default:
			return {
				profile: list.map((c) => ({
					...base(c),
					username: c.username,
					verified: false,
					type: platform === 'tiktok-business' ? 'business' : 'profile',
				})),
			};
	}
}

function attach(sim, location, platform, connection, body) {
	const validate = validators[platform];
	if (!validate(body)) throw unprocessable(validationMessages(validate.errors));
	if (platform === 'bluesky') throw badRequest('Bluesky is currently not supported');
	let originId = body.originId;
	let name = body.name;
	let avatar = body.avatar;
	if (platform === 'google') {
		originId = String(body.location.name).replace(/^locations\//, '');
		name = body.location.title;
	}
	const attachable = platform === 'linkedin' ? [...connection.candidates, linkedinProfile(connection)] : connection.candidates;
	const candidate = attachable.find((c) => c.originId === originId || (platform === 'instagram' && c.pageId === body.pageId));
	if (!candidate) throw badRequest(`The ${NAMES[platform]} account ${originId || body.pageId} is not available for this login`);
	originId = candidate.originId;
	const defaultType = { instagram: 'business', google: 'location', pinterest: 'profile', twitter: 'profile', bluesky: 'profile' }[platform];
	const existing = location.accounts.find((a) => a.platform === platform && a.originId === originId);
	const account = makeAccount(sim, location, {
		platform,
		originId,
		oauthId: connection.accountId,
		name: name || candidate.name,
		avatar: avatar || candidate.avatar,
		type: body.type || defaultType,
	});
	const nowIso = sim.clock.nowIso();
	account.createdAt = existing ? existing.createdAt : nowIso;
	account.updatedAt = nowIso;
	if (existing) location.accounts[location.accounts.indexOf(existing)] = { ...account, id: existing.id, profileId: existing.profileId };
	else location.accounts.push(account);
	const stored = existing ? location.accounts.find((a) => a.originId === originId && a.platform === platform) : account;
	if (platform === 'youtube' || platform === 'pinterest') {
		return { name: stored.name, originId: stored.originId, avatar: stored.avatar, platform };
	}
	return {
		_id: stored.id,
		oAuthId: connection.accountId,
		oldId: existing ? existing.id : '',
		locationId: location.id,
		originId: stored.originId,
		platform,
		type: stored.type,
		name: stored.name,
		avatar: stored.avatar,
		meta: stored.meta,
		active: true,
		deleted: false,
		createdAt: stored.createdAt,
		updatedAt: stored.updatedAt,
	};
}

/**
 * What the start page does once the person has logged in: a pending connection of that login
 * (its `accountId`), and the message the window posts back. `accountId` may be given (tests).
 */
function startConnection(sim, platform, query, accountId) {
	if (platform === 'bluesky') throw badRequest('Bluesky is currently not supported');
	const location = sim.state.locations.get(query.locationId);
	if (!location) throw notFound('Location not found');
	if (!location.users.some((u) => u.id === query.userId)) throw unprocessable(['userId must be a valid user of this location']);
	const id = accountId || newId(sim.state);
	sim.state.oauth.set(id, { accountId: id, platform, locationId: location.id, userId: query.userId, candidates: candidates(platform, id) });
	const reconnect = query.reconnect === 'true';
	return {
		actionType: 'close',
		page: 'social_media_posting',
		platform,
		placement: query.page || 'social_media_posting',
		accountId: id,
		reconnectAccounts: reconnect ? location.accounts.filter((a) => a.platform === platform).map((a) => a.id) : [],
	};
}

const START_PATH = /^\/social-media-posting\/oauth\/([a-z-]+)\/start$/;

/**
 * The control surface's stand-in for the browser step: "opens" a connect URL the node built (as
 * the person logged in to the network would) and returns what the window posts back.
 */
function completeConnectUrl(sim, url, options = {}) {
	const parsed = new URL(url, sim.url || 'http://127.0.0.1');
	const platform = START_PATH.exec(parsed.pathname)?.[1];
	const known = [...new Set([...V3_PLATFORMS, ...V2_PLATFORMS])];
	if (!platform || !known.includes(platform)) throw new Error(`Not a connect URL: ${url}`);
	const query = Object.fromEntries(parsed.searchParams);
	if (!query.locationId || !query.userId) throw new Error(`A connect URL needs locationId and userId: ${url}`);
	return startConnection(sim, platform, query, options.accountId);
}

function register(app, sim) {
	const startHandler = (fixed) => async (req, reply) => {
		const data = startConnection(sim, fixed || req.params.platform, req.query);
		reply.type('text/html; charset=utf-8');
		return startPage(
			data,
			req.traceId,
			sim.state.oauth.get(data.accountId).candidates.map((c) => c.name),
		);
	};
	const getHandler = (fixed) => async (req) => {
		const platform = fixed || req.params.platform;
		const connection = connectionFor(sim, req.params, platform);
		const location = sim.state.locations.get(req.params.locationId);
		return envelope(200, 'Fetched Accounts', listShape(sim, location, platform, connection, req.query && req.query.search));
	};
	const attachHandler = (fixed) => async (req, reply) => {
		const platform = fixed || req.params.platform;
		const connection = connectionFor(sim, req.params, platform);
		const location = sim.state.locations.get(req.params.locationId);
		const results = attach(sim, location, platform, connection, req.body || {});
		reply.code(201);
		const body = envelope(201, 'Account attached', results);
		// The YouTube/Pinterest/Threads response DTOs require `platform` beside success/statusCode.
		if (['youtube', 'pinterest', 'threads'].includes(platform)) body.platform = platform;
		return body;
	};
	const accountParams = (withPlatform, platforms) =>
		obj({ locationId: str(), accountId: str(), ...(withPlatform ? { platform: oneOfStr(platforms) } : {}) }, [
			'locationId',
			'accountId',
			...(withPlatform ? ['platform'] : []),
		]);
	const read = 'socialplanner/oauth.readonly';
	const write = 'socialplanner/oauth.write';
	const OAUTH = '/social-media-posting/oauth';

	// v3 generic paths.
	api(
		app,
		'GET',
		`${OAUTH}/:platform/start`,
		{
			scope: read,
			location: 'query',
			openInBrowser: true,
			schema: { params: obj({ platform: oneOfStr(V3_PLATFORMS) }, ['platform']), querystring: startQuery },
		},
		startHandler(),
	);
	api(
		app,
		'GET',
		`${OAUTH}/:locationId/:platform/accounts/:accountId`,
		{ scope: read, location: 'params', schema: { params: accountParams(true, V3_PLATFORMS), querystring: obj({ search: str() }) } },
		getHandler(),
	);
	api(
		app,
		'POST',
		`${OAUTH}/:locationId/:platform/accounts/:accountId`,
		{ scope: write, location: 'params', schema: { params: accountParams(true, V3_ATTACH) } },
		attachHandler(),
	);

	// v2 per-platform paths.
	for (const platform of V2_PLATFORMS) {
		api(
			app,
			'GET',
			`${OAUTH}/${platform}/start`,
			{ scope: read, location: 'query', openInBrowser: true, schema: { querystring: startQuery } },
			startHandler(platform),
		);
		const segment = platform === 'google' ? 'locations' : 'accounts';
		const path = `${OAUTH}/:locationId/${platform}/${segment}/:accountId`;
		api(app, 'GET', path, { scope: read, location: 'params', schema: { params: accountParams(false) } }, getHandler(platform));
		if (V2_ATTACH.includes(platform) || platform === 'google') {
			api(app, 'POST', path, { scope: write, location: 'params', schema: { params: accountParams(false) } }, attachHandler(platform));
		}
	}
}

module.exports = { register, completeConnectUrl, V3_PLATFORMS };
