'use strict';
// Declares an API route: `scope` is checked against the token (Scopes.md), `location` names
// where the request carries its locationId ('params' | 'query' | 'body') for the ownership check;
// `openInBrowser` marks a page a browser opens without the token when the simulator is told so;
// `access` is the token class it takes: 'location' (sub-account endpoints, the default), 'agency'
// (Agency-Access-Only) or 'none' (the token endpoint: no bearer token).

function api(app, method, url, options, handler) {
	app.route({
		method,
		url,
		schema: options.schema,
		config: {
			api: true,
			scope: options.scope,
			location: options.location,
			openInBrowser: Boolean(options.openInBrowser),
			access: options.access || 'location',
		},
		handler,
	});
}

/** The success envelope most endpoints use. */
function envelope(statusCode, message, results) {
	const body = { success: true, statusCode, message };
	if (results !== undefined) body.results = results;
	return body;
}

/** Category-queue endpoints wrap the message inside results. */
function queueEnvelope(statusCode, message, payload) {
	return { success: true, statusCode, results: { message, ...(payload || {}) } };
}

/** skip/limit given as strings or numbers; invalid values fall back to the defaults. */
function page(skipValue, limitValue, defaultLimit) {
	const skip = Math.max(0, parseInt(skipValue ?? '0', 10) || 0);
	const limitParsed = parseInt(limitValue ?? String(defaultLimit), 10);
	const limit = Number.isNaN(limitParsed) ? defaultLimit : Math.max(0, limitParsed);
	return { skip, limit, slice: (list) => list.slice(skip, skip + limit) };
}

module.exports = { api, envelope, queueEnvelope, page };
