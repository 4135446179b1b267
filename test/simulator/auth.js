'use strict';
// Token, Version header, scope and location checks, in the order the gateway applies them.

const { unauthorized, badRequest, forbidden } = require('./errors');

/** The v2 docs/SDK send 2021-07-28; the v3 spec files declare `v3`. */
const ACCEPTED_VERSIONS = ['2021-07-28', 'v3'];

function tokenFrom(request, sim) {
	const header = request.headers.authorization;
	if (typeof header !== 'string') return undefined;
	const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
	if (!match) return undefined;
	return sim.state.tokens.get(match[1]);
}

/** 401 without a known bearer token. */
function requireToken(request, sim) {
	const token = tokenFrom(request, sim);
	if (!token) throw unauthorized();
	return token;
}

/** 400 when the Version header is missing or not one the API knows. */
function requireVersion(request) {
	const version = request.headers.version;
	if (version === undefined || version === '') throw badRequest('Version header is missing');
	if (!ACCEPTED_VERSIONS.includes(String(version))) {
		throw badRequest(`Invalid Version header: ${version}`);
	}
}

/** 403 when the token lacks the endpoint's scope (Scopes.md). */
function requireScope(token, scope) {
	if (scope && !token.scopes.includes(scope)) {
		throw forbidden('The token is not authorized for this scope.');
	}
}

/** 403 when the request targets a location the token does not own. */
function requireLocation(token, locationId, sim) {
	if (locationId === undefined) return;
	if (locationId !== token.locationId || !sim.state.locations.has(locationId)) {
		throw forbidden('The token does not have access to this location');
	}
}

module.exports = { ACCEPTED_VERSIONS, tokenFrom, requireToken, requireVersion, requireScope, requireLocation };
