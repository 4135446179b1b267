'use strict';
// Token, Version header, token class, scope and location checks, in the order the gateway applies them.

const { ApiError, unauthorized, badRequest, forbidden } = require('./errors');
const { isLive, requireAccess } = require('./marketplace');

/** The v2 docs/SDK send 2021-07-28; the v3 spec files declare `v3`. */
const ACCEPTED_VERSIONS = ['2021-07-28', 'v3'];

function tokenFrom(request, sim) {
	const header = request.headers.authorization;
	if (typeof header !== 'string') return undefined;
	const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
	if (!match) return undefined;
	const record = sim.state.tokens.get(match[1]);
	// An expired OAuth token, or one whose grant was revoked, is no token at all (401).
	return record && isLive(sim, record) ? record : undefined;
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

/** 403 (or 401, settings.scopeRefusal) when the token lacks the endpoint's scope (Scopes.md). */
function requireScope(token, scope, sim) {
	if (!scope || token.scopes.includes(scope)) return;
	const message = 'The token is not authorized for this scope.';
	if (sim.marketplace.settings.scopeRefusal === 'unauthorized') throw new ApiError(401, message, { error: 'Unauthorized' });
	throw forbidden(message);
}

/** 403 when the request targets a location the token does not own. */
function requireLocation(token, locationId, sim) {
	if (locationId === undefined) return;
	if (locationId !== token.locationId || !sim.state.locations.has(locationId)) {
		throw forbidden('The token does not have access to this location');
	}
}

module.exports = { ACCEPTED_VERSIONS, tokenFrom, requireToken, requireVersion, requireAccess, requireScope, requireLocation };
