'use strict';
// The HighLevel Marketplace as Authorization.md and the OAuth specs (oauth.json, oauth-v3.json)
// describe it: one app (a client ID and secret) that a person installs on its authorization page
// in one sub-account (a Location install) or in an agency and the sub-accounts they approve (a
// Company install); single-use authorization codes; access tokens that expire on the token
// clock; refresh tokens each accepted once (every refresh answers a new one, and the old one is
// refused); and the exchange of an agency token for a location token. State changes only:
// routes/marketplace.js answers HTTP with them. Behaviours the specs leave open are named in
// README.md ("Marketplace and agencies"), with what is modelled and what is unverified.

const { randomBytes } = require('node:crypto');
const { addToken, addLocation, ALL_SCOPES } = require('./state');
const { ApiError, badRequest, forbidden, unprocessable } = require('./errors');

/** Every scope the simulator's app was given on its Marketplace page (Scopes.md). */
const APP_SCOPES = [...ALL_SCOPES, 'oauth.readonly', 'oauth.write', 'locations.readonly'];

/** HighLevel's lifetimes (Authorization.md: a day, a year) and how refusals are answered. */
const DEFAULT_SETTINGS = {
	accessTokenSeconds: 86399,
	locationTokenSeconds: 86399,
	codeSeconds: 600,
	refreshTokenSeconds: 365 * 24 * 60 * 60,
	/** Redirect URIs registered for the app; undefined: any http(s) URI is accepted. */
	redirectUris: undefined,
	/** 'spec': the v3 spec's examples ({statusCode, message}); 'oauth': RFC 6749 ({error, error_description}). */
	tokenErrors: 'spec',
	/** A Company token on a sub-account endpoint: 'authClass' (401, field reports) or 'forbidden' (403). */
	companyTokenRefusal: 'authClass',
	/** A token without the endpoint's scope: 'forbidden' (403, as before) or 'unauthorized' (401, field reports). */
	scopeRefusal: 'forbidden',
	/** The exchange's success status: 200 (the specs) or 201 (field reports). */
	locationTokenStatus: 200,
};
const SETTING_VALUES = {
	tokenErrors: ['spec', 'oauth'],
	companyTokenRefusal: ['authClass', 'forbidden'],
	scopeRefusal: ['forbidden', 'unauthorized'],
	locationTokenStatus: [200, 201],
};

const AUTH_CLASS_REFUSAL = 'This authClass type is not allowed to access this scope.';
const USER_TYPE_MISMATCH = "Token's user type mismatch!";
const INVALID_REFRESH_TOKEN = 'Invalid grant: refresh token is invalid';
const INVALID_CODE = 'Invalid grant: authorization code is invalid';

function settingsFrom(options = {}) {
	const settings = { ...DEFAULT_SETTINGS, ...options };
	for (const [key, allowed] of Object.entries(SETTING_VALUES)) {
		if (!allowed.includes(settings[key]))
			throw new Error(`oauth.${key} must be one of ${allowed.join(', ')}, not ${JSON.stringify(settings[key])}`);
	}
	return settings;
}

const secret = (prefix, bytes = 24) => `${prefix}${randomBytes(bytes).toString('base64url')}`;
const store = (sim) => sim.state.marketplace;
const nowMs = (sim) => sim.tokenClock.now();

/** The field names of a request and answer: v2 snake_case, v3 camelCase (`Version: v3`). */
const STYLES = {
	v2: {
		clientId: 'client_id',
		clientSecret: 'client_secret',
		grantType: 'grant_type',
		refreshToken: 'refresh_token',
		redirectUri: 'redirect_uri',
		userType: 'user_type',
		code: 'code',
	},
	v3: {
		clientId: 'clientId',
		clientSecret: 'clientSecret',
		grantType: 'grantType',
		refreshToken: 'refreshToken',
		redirectUri: 'redirectUri',
		userType: 'userType',
		code: 'code',
	},
};

/** A refusal of the token endpoint, shaped as settings.tokenErrors says. */
function tokenError(sim, status, message, oauthCode) {
	const error = new ApiError(status, message);
	if (sim.marketplace.settings.tokenErrors === 'oauth') error.body = { error: oauthCode, error_description: message };
	return error;
}

// ------------------------------------------------------------------------------------------------
// Tokens: who may call what.

/** Whether a bearer token can still be used: not expired on the token clock, its grant not revoked. */
function isLive(sim, record) {
	if (record.expiresAt !== undefined && nowMs(sim) >= record.expiresAt) return false;
	const grant = record.grantId && store(sim).grants.get(record.grantId);
	return !grant || !grant.revoked;
}

/**
 * The token's class against the endpoint's: a sub-account endpoint ('location') refuses agency
 * tokens, an agency-only endpoint ('agency', Agency-Access-Only) everything but an agency OAuth token.
 */
function requireAccess(sim, token, access) {
	if (access === 'location' && token.userType === 'Company') {
		if (token.kind === 'pit') throw new ApiError(401, USER_TYPE_MISMATCH, { error: 'Unauthorized' });
		if (sim.marketplace.settings.companyTokenRefusal === 'forbidden') throw forbidden('The token does not have access to this location');
		throw new ApiError(401, AUTH_CLASS_REFUSAL, { error: 'Unauthorized' });
	}
	if (access === 'agency' && !(token.kind === 'oauth' && token.userType === 'Company')) {
		throw new ApiError(401, token.kind === 'pit' && token.userType !== 'Company' ? USER_TYPE_MISMATCH : AUTH_CLASS_REFUSAL, {
			error: 'Unauthorized',
		});
	}
}

/** The rate-limit bucket: HighLevel counts per app per resource (location or company); a PIT per token. */
function rateKeyOf(token) {
	if (token.kind === 'oauth') return `app ${token.appId} ${token.locationId || `company ${token.companyId}`}`;
	return `${token.token}:${token.locationId ?? token.companyId}`;
}

// ------------------------------------------------------------------------------------------------
// Installs.

function companyLocations(sim, companyId) {
	return [...sim.state.locations.values()].filter((location) => location.companyId === companyId);
}

/** Installs the app in a location; an agency install of its company approves it too. */
function install(sim, locationId, at = nowMs(sim)) {
	const location = sim.state.locations.get(locationId);
	if (!location) throw new Error(`Unknown location: ${locationId}`);
	if (!store(sim).installs.has(locationId)) store(sim).installs.set(locationId, { installedAt: new Date(at).toISOString() });
	store(sim).agencies.get(location.companyId)?.approved.add(locationId);
	return location;
}

/** Uninstalls the app from a location: its location grants are revoked, the agency no longer approves it. */
function uninstall(sim, locationId) {
	store(sim).installs.delete(locationId);
	for (const agency of store(sim).agencies.values()) agency.approved.delete(locationId);
	for (const grant of store(sim).grants.values()) if (grant.locationId === locationId) grant.revoked = true;
}

/** A new sub-account of a company, installed when its agency install covers future locations. */
function addCompanyLocation(sim, { id, name, address, companyId }) {
	const location = addLocation(sim.state, id || secret('hpSimLoc', 9).slice(0, 20), companyId, { name, address });
	if (store(sim).agencies.get(companyId)?.installToFutureLocations) install(sim, location.id);
	return location;
}

// ------------------------------------------------------------------------------------------------
// The authorization page.

class ConsentError extends Error {}

/** The authorization request a page was opened with, checked as the Marketplace checks it. */
function authorizationRequest(sim, query) {
	const { app, settings } = sim.marketplace;
	if (query.client_id !== app.clientId)
		throw new ConsentError(`No Marketplace app has the client ID ${JSON.stringify(query.client_id ?? '')}.`);
	if (query.response_type !== 'code') throw new ConsentError('response_type must be code.');
	let redirect;
	try {
		redirect = new URL(String(query.redirect_uri ?? ''));
	} catch {
		throw new ConsentError('redirect_uri is missing or not a URL.');
	}
	if (!['http:', 'https:'].includes(redirect.protocol)) throw new ConsentError('redirect_uri must be an http(s) URL.');
	if (settings.redirectUris && !settings.redirectUris.includes(query.redirect_uri)) {
		throw new ConsentError(`The redirect URI ${query.redirect_uri} is not one of this app's redirect URIs (Marketplace → My Apps → Auth).`);
	}
	const scopes = String(query.scope ?? '')
		.split(/\s+/)
		.filter(Boolean);
	if (!scopes.length) throw new ConsentError('scope is missing.');
	const unknown = scopes.filter((scope) => !app.scopes.includes(scope));
	if (unknown.length) throw new ConsentError(`This app was not given these scopes: ${unknown.join(', ')}.`);
	return { app, redirectUri: String(query.redirect_uri), scopes, state: query.state };
}

/**
 * What the page offers: each agency the person administers (the app installed in the sub-accounts
 * they tick) and each of its sub-accounts (the app installed there alone).
 */
function consentChoices(sim) {
	return [...sim.state.companies.values()].map((company) => ({ company, locations: companyLocations(sim, company.id) }));
}

/**
 * The person's decision on the page: `target` 'company:<id>' (an agency install approving
 * `approvedLocations`) or 'location:<id>' (a sub-account install). Returns the redirect URL with
 * a single-use code (or `error=access_denied` when they cancel).
 */
function consent(sim, query, decision) {
	const request = authorizationRequest(sim, query);
	const redirect = new URL(request.redirectUri);
	const back = (params) => {
		for (const [key, value] of Object.entries(params)) if (value !== undefined) redirect.searchParams.set(key, value);
		return redirect.toString();
	};
	if (decision.cancel) return { redirectUrl: back({ error: 'access_denied', state: request.state }) };
	const [kind, id] = String(decision.target ?? '').split(':');
	let grant;
	if (kind === 'location') {
		const location = sim.state.locations.get(id);
		if (!location) throw new ConsentError('Choose a sub-account or an agency.');
		install(sim, id);
		grant = { userType: 'Location', companyId: location.companyId, locationId: id };
	} else if (kind === 'company' && sim.state.companies.has(id)) {
		const inCompany = new Set(companyLocations(sim, id).map((location) => location.id));
		const approved = [].concat(decision.approvedLocations ?? []).filter((locationId) => inCompany.has(locationId));
		const agency = { approved: new Set(approved), installToFutureLocations: Boolean(decision.installToFutureLocations) };
		store(sim).agencies.set(id, agency);
		for (const locationId of approved) install(sim, locationId);
		grant = { userType: 'Company', companyId: id, approveAllLocations: approved.length === inCompany.size };
	} else {
		throw new ConsentError('Choose a sub-account or an agency.');
	}
	const code = randomBytes(20).toString('hex');
	store(sim).codes.set(code, {
		...grant,
		scopes: request.scopes,
		redirectUri: request.redirectUri,
		userId: sim.userId,
		expiresAt: nowMs(sim) + sim.marketplace.settings.codeSeconds * 1000,
	});
	return { code, redirectUrl: back({ code, state: request.state }) };
}

// ------------------------------------------------------------------------------------------------
// The token endpoint.

function newGrant(sim, fields) {
	const grant = { id: secret('grant-', 9), refreshes: 0, refusedRefreshes: 0, revoked: false, ...fields };
	store(sim).grants.set(grant.id, grant);
	return grant;
}

/** A fresh access token and refresh token for a grant; the grant's earlier refresh token is used up. */
function issue(sim, grant, accessSeconds) {
	const { app } = sim.marketplace;
	const access = addToken(sim.state, {
		token: secret('sim-at-'),
		kind: 'oauth',
		userType: grant.userType,
		locationId: grant.locationId,
		companyId: grant.companyId,
		scopes: grant.scopes,
		appId: app.appId,
		grantId: grant.id,
		expiresAt: nowMs(sim) + accessSeconds * 1000,
	});
	if (grant.refreshToken) store(sim).refreshTokens.get(grant.refreshToken).used = true;
	grant.refreshToken = secret('sim-rt-');
	store(sim).refreshTokens.set(grant.refreshToken, {
		grantId: grant.id,
		used: false,
		expiresAt: nowMs(sim) + sim.marketplace.settings.refreshTokenSeconds * 1000,
	});
	return { access, expiresIn: accessSeconds };
}

/** The approved locations of an agency grant, as they are now. */
function approvedLocationsOf(sim, grant) {
	return [...(store(sim).agencies.get(grant.companyId)?.approved ?? [])];
}

/** GetAccessCodeSuccessfulResponseDto (v2) or GetAccessTokenSuccessfulResponseDto (v3). */
function tokenAnswer(sim, grant, issued, version) {
	const company = grant.userType === 'Company';
	const agency = store(sim).agencies.get(grant.companyId);
	return {
		[version === 'v3' ? 'accessToken' : 'access_token']: issued.access.token,
		[version === 'v3' ? 'tokenType' : 'token_type']: 'Bearer',
		[version === 'v3' ? 'expiresIn' : 'expires_in']: issued.expiresIn,
		[version === 'v3' ? 'refreshToken' : 'refresh_token']: grant.refreshToken,
		scope: grant.scopes.join(' '),
		userType: grant.userType,
		companyId: grant.companyId,
		...(company
			? {
					approvedLocations: approvedLocationsOf(sim, grant),
					installToFutureLocations: Boolean(agency?.installToFutureLocations),
					approveAllLocations: Boolean(grant.approveAllLocations),
				}
			: { locationId: grant.locationId }),
		userId: grant.userId,
		isBulkInstallation: company,
	};
}

/** Client ID and secret of a token request (400 as the v3 spec's examples name them). */
function requireClient(sim, body, names) {
	const { app } = sim.marketplace;
	for (const field of ['clientId', 'clientSecret', 'grantType']) {
		if (body[names[field]] === undefined || body[names[field]] === '')
			throw tokenError(sim, 400, `Missing parameter: ${names[field]}`, 'invalid_request');
	}
	if (body[names.clientId] !== app.clientId) throw tokenError(sim, 400, `Invalid parameter: ${names.clientId}`, 'invalid_client');
	if (body[names.clientSecret] !== app.clientSecret)
		throw tokenError(sim, 400, `Invalid parameter: ${names.clientSecret}`, 'invalid_client');
}

function requireUserType(sim, body, names, userType) {
	const asked = body[names.userType];
	if (asked !== undefined && asked !== userType) throw tokenError(sim, 400, `Invalid parameter: ${names.userType}`, 'invalid_request');
}

function authorizationCodeGrant(sim, body, names, version) {
	const code = body[names.code];
	if (!code) throw tokenError(sim, 400, `Missing parameter: ${names.code}`, 'invalid_request');
	const pending = store(sim).codes.get(code);
	store(sim).codes.delete(code);
	if (!pending || nowMs(sim) >= pending.expiresAt) throw tokenError(sim, 400, INVALID_CODE, 'invalid_grant');
	if (body[names.redirectUri] !== undefined && body[names.redirectUri] !== pending.redirectUri) {
		throw tokenError(sim, 400, `Invalid parameter: ${names.redirectUri}`, 'invalid_grant');
	}
	requireUserType(sim, body, names, pending.userType);
	const { expiresAt, redirectUri, ...fields } = pending;
	const grant = newGrant(sim, { ...fields, via: 'consent' });
	return tokenAnswer(sim, grant, issue(sim, grant, sim.marketplace.settings.accessTokenSeconds), version);
}

function refreshTokenGrant(sim, body, names, version) {
	const presented = body[names.refreshToken];
	if (!presented) throw tokenError(sim, 400, `Missing parameter: ${names.refreshToken}`, 'invalid_request');
	const held = store(sim).refreshTokens.get(presented);
	const grant = held && store(sim).grants.get(held.grantId);
	if (!held || !grant || held.used || grant.revoked || nowMs(sim) >= held.expiresAt) {
		if (grant) grant.refusedRefreshes += 1;
		throw tokenError(sim, 400, INVALID_REFRESH_TOKEN, 'invalid_grant');
	}
	requireUserType(sim, body, names, grant.userType);
	if (grant.locationId && sim.state.locations.get(grant.locationId)?.active === false) {
		throw tokenError(sim, 400, 'Location is not active', 'invalid_grant');
	}
	grant.refreshes += 1;
	const seconds = grant.via === 'exchange' ? sim.marketplace.settings.locationTokenSeconds : sim.marketplace.settings.accessTokenSeconds;
	return tokenAnswer(sim, grant, issue(sim, grant, seconds), version);
}

/** POST /oauth/token: the authorization_code and refresh_token grants. */
function tokenRequest(sim, body, version) {
	const names = STYLES[version];
	requireClient(sim, body, names);
	const grantType = body[names.grantType];
	if (grantType === 'authorization_code') return authorizationCodeGrant(sim, body, names, version);
	if (grantType === 'refresh_token') return refreshTokenGrant(sim, body, names, version);
	// client_credentials is in the enum, but nothing says what it grants: not modelled.
	throw tokenError(sim, 400, `Invalid parameter: ${names.grantType}`, 'unsupported_grant_type');
}

// ------------------------------------------------------------------------------------------------
// Agency endpoints.

/** The company and app an installed-locations request names must be the agency token's. */
function requireCompanyAndApp(sim, token, query, version) {
	const { app } = sim.marketplace;
	if (query.companyId !== token.companyId) throw forbidden('The token does not have access to this company');
	if (query.appId !== app.appId) {
		const message = `The requested App '${query.appId}' was not found.`;
		if (version !== 'v3') throw badRequest(message);
		const error = new ApiError(404, message);
		error.body = {
			error: {
				code: 'RESOURCE_NOT_FOUND',
				message,
				details: { resource: 'App', identifier: query.appId },
				resolution: 'Verify the App exists and you have permission to access it.',
			},
		};
		throw error;
	}
}

const isTrue = (value) => value === true || value === 'true';
const isFalse = (value) => value === false || value === 'false';

/**
 * The company's locations with the app's install status, filtered as the query asks, installed
 * ones first (newest install first), then by name.
 */
function installedLocations(sim, token, query, version) {
	requireCompanyAndApp(sim, token, query, version);
	const { app } = sim.marketplace;
	const installs = store(sim).installs;
	const text = String(query.query ?? '').toLowerCase();
	const rows = companyLocations(sim, token.companyId)
		.map((location) => {
			const installed = installs.get(location.id);
			return {
				_id: location.id,
				name: location.name,
				address: location.address,
				isInstalled: Boolean(installed),
				...(installed ? { versionId: app.versionId, installedAt: installed.installedAt } : {}),
			};
		})
		.filter((row) => !isTrue(query.isInstalled) || row.isInstalled)
		.filter((row) => !isFalse(query.isInstalled) || !row.isInstalled)
		.filter((row) => !text || row.name.toLowerCase().includes(text))
		.filter((row) => !query.locationId || row._id === query.locationId)
		.filter((row) => !query.versionId || row.versionId === query.versionId)
		// The app has no trial and no paid plans.
		.filter(() => !isTrue(query.onTrial) && !query.planId)
		.sort((a, b) => String(b.installedAt ?? '').localeCompare(String(a.installedAt ?? '')) || a.name.localeCompare(b.name));
	return { rows, installToFutureLocations: Boolean(store(sim).agencies.get(token.companyId)?.installToFutureLocations) };
}

/** POST /oauth/locationToken: an agency token exchanged for one of its locations' tokens. */
function locationToken(sim, token, body, version) {
	const missing = ['companyId', 'locationId'].filter((field) => !body[field]).map((field) => `${field} should not be empty`);
	if (missing.length) throw unprocessable(missing);
	if (body.companyId !== token.companyId) throw forbidden('The token does not have access to this company');
	const location = sim.state.locations.get(body.locationId);
	if (!location || location.companyId !== token.companyId) throw forbidden('The token does not have access to this location');
	if (!store(sim).installs.has(location.id)) throw badRequest('This app is not installed in this location');
	if (!location.active) throw badRequest('Location is not active');
	const parent = store(sim).grants.get(token.grantId);
	const grant = newGrant(sim, {
		userType: 'Location',
		via: 'exchange',
		companyId: location.companyId,
		locationId: location.id,
		scopes: parent.scopes,
		userId: parent.userId,
	});
	const issued = issue(sim, grant, sim.marketplace.settings.locationTokenSeconds);
	const { app } = sim.marketplace;
	const v3 = version === 'v3';
	return {
		[v3 ? 'accessToken' : 'access_token']: issued.access.token,
		[v3 ? 'tokenType' : 'token_type']: 'Bearer',
		[v3 ? 'expiresIn' : 'expires_in']: issued.expiresIn,
		scope: grant.scopes.join(' '),
		locationId: location.id,
		userId: grant.userId,
		appId: app.appId,
		versionId: app.versionId,
		[v3 ? 'refreshToken' : 'refresh_token']: grant.refreshToken,
	};
}

// ------------------------------------------------------------------------------------------------
// Control helpers.

/** Another client holding a copy of the same refresh token refreshes first: the held one is used up. */
function refreshElsewhere(sim, filter = {}) {
	let rotated = 0;
	for (const grant of store(sim).grants.values()) {
		if (
			grant.revoked ||
			(filter.userType && grant.userType !== filter.userType) ||
			(filter.locationId && grant.locationId !== filter.locationId)
		)
			continue;
		issue(sim, grant, sim.marketplace.settings.accessTokenSeconds);
		rotated += 1;
	}
	return rotated;
}

/** Whether a refresh token is the one its grant would accept next (never says which one that is). */
function isCurrentRefreshToken(sim, refreshToken) {
	const held = store(sim).refreshTokens.get(refreshToken);
	return Boolean(held && !held.used && !store(sim).grants.get(held.grantId)?.revoked);
}

function grantSummaries(sim) {
	return [...store(sim).grants.values()].map(({ id, userType, via, locationId, companyId, refreshes, refusedRefreshes, revoked }) => ({
		id,
		userType,
		via,
		locationId,
		companyId,
		refreshes,
		refusedRefreshes,
		revoked,
	}));
}

module.exports = {
	APP_SCOPES,
	DEFAULT_SETTINGS,
	ConsentError,
	settingsFrom,
	isLive,
	requireAccess,
	rateKeyOf,
	install,
	uninstall,
	addCompanyLocation,
	authorizationRequest,
	consentChoices,
	consent,
	tokenRequest,
	installedLocations,
	locationToken,
	refreshElsewhere,
	isCurrentRefreshToken,
	grantSummaries,
};
