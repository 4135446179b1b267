'use strict';
// The in-memory store. One record per location holds everything the API can see for it; tokens
// map to a location (or, for agency tokens, a company) and a scope list; companies group
// locations; the Marketplace app's installs, codes and refresh tokens live in `marketplace`
// (marketplace.js). Ids are deterministic per store (24-hex, Mongo-like).

const ALL_SCOPES = [
	'socialplanner/post.readonly',
	'socialplanner/post.write',
	'socialplanner/account.readonly',
	'socialplanner/account.write',
	'socialplanner/csv.readonly',
	'socialplanner/csv.write',
	'socialplanner/category.readonly',
	'socialplanner/category.write',
	'socialplanner/tag.readonly',
	'socialplanner/oauth.readonly',
	'socialplanner/oauth.write',
	'socialplanner/statistics.readonly',
	'medias.write',
	'medias.readonly',
	'users.readonly',
];

function createState() {
	const state = {
		seq: 0,
		tokens: new Map(),
		locations: new Map(),
		media: new Map(),
		/** Pending OAuth connections started with /oauth/{platform}/start, by accountId. */
		oauth: new Map(),
		/** Agencies (HighLevel companies) by id: { id, name }; their locations carry `companyId`. */
		companies: new Map(),
		/** The Marketplace app's installs, authorization codes and grants (marketplace.js). */
		marketplace: { installs: new Map(), agencies: new Map(), codes: new Map(), grants: new Map(), refreshTokens: new Map() },
	};
	return state;
}

/** A 24-hex id, unique within the store and stable across runs with the same seed. */
function newId(state) {
	state.seq += 1;
	return `65f0c0de${state.seq.toString(16).padStart(16, '0')}`;
}

function emptyLocation(id, companyId, details = {}) {
	return {
		id,
		companyId,
		name: details.name || `Sub-account ${id}`,
		address: details.address || '',
		/** An inactive location (paused or cancelled) refuses token refreshes and exchanges. */
		active: true,
		timezone: 'UTC',
		accounts: [],
		groups: [],
		users: [],
		posts: [],
		categories: [],
		tags: [],
		csvUploads: new Map(),
		csvs: [],
		queues: [],
		queueItems: [],
		sessions: new Map(),
		comments: [],
	};
}

function addLocation(state, id, companyId, details) {
	const location = emptyLocation(id, companyId, details);
	state.locations.set(id, location);
	return location;
}

/**
 * A bearer token. `kind` 'pit' (a Private Integration token, never expires) or 'oauth' (issued by
 * the Marketplace: `appId`, `grantId`, `expiresAt` on the token clock); `userType` 'Location' (a
 * sub-account's, with its `locationId`) or 'Company' (an agency's, no location).
 */
function addToken(state, { token, locationId, scopes, companyId, kind = 'pit', userType, ...oauth }) {
	const record = {
		token,
		kind,
		userType: userType || (locationId ? 'Location' : 'Company'),
		locationId,
		companyId,
		scopes: [...(scopes || ALL_SCOPES)],
		...oauth,
	};
	state.tokens.set(token, record);
	return record;
}

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

module.exports = { ALL_SCOPES, createState, newId, addLocation, addToken, clone };
