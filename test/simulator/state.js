'use strict';
// The in-memory store. One record per location holds everything the API can see for it; tokens
// map to a location and a scope list. Ids are deterministic per store (24-hex, Mongo-like).

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
	};
	return state;
}

/** A 24-hex id, unique within the store and stable across runs with the same seed. */
function newId(state) {
	state.seq += 1;
	return `65f0c0de${state.seq.toString(16).padStart(16, '0')}`;
}

function emptyLocation(id, companyId) {
	return {
		id,
		companyId,
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

function addLocation(state, id, companyId) {
	const location = emptyLocation(id, companyId);
	state.locations.set(id, location);
	return location;
}

function addToken(state, { token, locationId, scopes, companyId }) {
	const record = { token, locationId, companyId, scopes: [...(scopes || ALL_SCOPES)] };
	state.tokens.set(token, record);
	return record;
}

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

module.exports = { ALL_SCOPES, createState, newId, addLocation, addToken, clone };
