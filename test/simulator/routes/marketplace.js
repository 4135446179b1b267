'use strict';
// The Marketplace over HTTP (model: ../marketplace.js). The authorization page a person opens
// (`/v2/oauth/chooselocation`, on the marketplace host: here the simulator's own), where they
// choose a sub-account or an agency and allow the app; the token endpoint (`POST /oauth/token`,
// form-encoded, authorization_code and refresh_token grants); and the agency endpoints: the
// installed locations and the exchange for a location token, v2 (oauth.json) and v3 (oauth-v3.json).

const { api } = require('../route');
const { obj, str } = require('../schemas');
const marketplace = require('../marketplace');

const AUTHORIZE_PATHS = ['/v2/oauth/chooselocation', '/oauth/chooselocation'];

const escape = (text) =>
	String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

function page(title, body) {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1d2433}
fieldset{border:1px solid #d0d5dd;border-radius:8px;margin:1rem 0;padding:.5rem 1rem}label{display:block;margin:.4rem 0}
.agency-locations{margin-left:1.6rem}.scopes{font-size:.85rem;color:#555}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}
.error{color:#b42318}</style></head><body>${body}</body></html>`;
}

function errorPage(reply, message) {
	reply.code(400).type('text/html; charset=utf-8');
	return page('Something went wrong', `<h1>Something went wrong</h1><p class="error" id="error">${escape(message)}</p>`);
}

/** The page: the app, what it asks for, and where to install it (one agency, or one sub-account). */
function consentPage(sim, query, request) {
	const hidden = ['response_type', 'redirect_uri', 'client_id', 'scope', 'state']
		.filter((name) => query[name] !== undefined)
		.map((name) => `<input type="hidden" name="${name}" value="${escape(query[name])}">`)
		.join('');
	const choices = marketplace
		.consentChoices(sim)
		.map(({ company, locations }) => {
			const agency = `<label><input type="radio" name="target" value="company:${escape(company.id)}" data-test="agency">
Agency: <strong>${escape(company.name)}</strong> (install in the sub-accounts ticked below)</label>
<div class="agency-locations">${locations
				.map(
					(location) =>
						`<label><input type="checkbox" name="approvedLocations" value="${escape(location.id)}" checked> ${escape(location.name)}</label>`,
				)
				.join('')}
<label><input type="checkbox" name="installToFutureLocations" value="true"> Also install in sub-accounts added later</label></div>`;
			const subAccounts = locations
				.map(
					(location) =>
						`<label><input type="radio" name="target" value="location:${escape(location.id)}" data-test="sub-account" data-name="${escape(location.name)}">
Sub-account: <strong>${escape(location.name)}</strong></label>`,
				)
				.join('');
			return `<fieldset><legend>${escape(company.name)}</legend>${agency}${subAccounts}</fieldset>`;
		})
		.join('');
	return page(
		`${request.app.name}: choose where to install`,
		`<h1>${escape(request.app.name)}</h1>
<p>wants access to:</p><p class="scopes" id="scopes">${request.scopes.map(escape).join(' · ')}</p>
<form method="post" action="/v2/oauth/chooselocation">${hidden}<h2>Choose where to install it</h2>${choices}
<button type="submit" name="decision" value="allow" id="allow">Allow and install</button>
<button type="submit" name="decision" value="cancel" id="cancel">Cancel</button></form>`,
	);
}

/** `Version: v3` (the v3 spec) or anything else (the v2 spec, which declares no Version on /oauth/token). */
const versionOf = (request) => (String(request.headers.version ?? '') === 'v3' ? 'v3' : 'v2');

function registerAuthorizationPage(app, sim) {
	for (const path of AUTHORIZE_PATHS) {
		app.get(path, async (req, reply) => {
			try {
				const request = marketplace.authorizationRequest(sim, req.query || {});
				reply.type('text/html; charset=utf-8');
				return consentPage(sim, req.query, request);
			} catch (error) {
				if (error instanceof marketplace.ConsentError) return errorPage(reply, error.message);
				throw error;
			}
		});
	}
	app.post('/v2/oauth/chooselocation', async (req, reply) => {
		const form = req.body || {};
		try {
			const { redirectUrl } = marketplace.consent(sim, form, {
				cancel: form.decision === 'cancel',
				target: form.target,
				approvedLocations: form.approvedLocations,
				installToFutureLocations: form.installToFutureLocations === 'true',
			});
			return reply.redirect(redirectUrl, 302);
		} catch (error) {
			if (error instanceof marketplace.ConsentError) return errorPage(reply, error.message);
			throw error;
		}
	});
}

const locationTokenBody = obj({ companyId: str(), locationId: str() });

function register(app, sim) {
	registerAuthorizationPage(app, sim);

	api(app, 'POST', '/oauth/token', { access: 'none' }, async (req) => marketplace.tokenRequest(sim, req.body || {}, versionOf(req)));

	const installed = (version) => async (req) => {
		const { rows, installToFutureLocations } = marketplace.installedLocations(sim, req.token, req.query, version);
		if (version === 'v2') {
			const skip = Math.max(0, parseInt(req.query.skip ?? '0', 10) || 0);
			const limit = Math.max(0, parseInt(req.query.limit ?? '20', 10) || 20);
			return { locations: rows.slice(skip, skip + limit), count: rows.length, installToFutureLocations };
		}
		const pageSize = Math.min(100, Math.max(1, parseInt(req.query.pageSize ?? '20', 10) || 20));
		const skip = req.query.pageToken ? Number(JSON.parse(Buffer.from(req.query.pageToken, 'base64url').toString()).skip) || 0 : 0;
		const items = rows.slice(skip, skip + pageSize);
		const token = (at) => Buffer.from(JSON.stringify({ skip: at })).toString('base64url');
		return {
			items,
			pagination: {
				totalRecords: rows.length,
				hasNextPage: skip + pageSize < rows.length,
				hasPrevPage: skip > 0,
				...(skip + pageSize < rows.length ? { nextPageToken: token(skip + pageSize) } : {}),
				...(skip > 0 ? { prevPageToken: token(Math.max(0, skip - pageSize)) } : {}),
				currentPageSize: items.length,
			},
			metadata: {
				filterApplied: Object.fromEntries(Object.entries(req.query).filter(([key]) => !['pageSize', 'pageToken'].includes(key))),
				sortApplied: { installedAt: 'desc' },
			},
			installToFutureLocations,
		};
	};
	const query = (paging) =>
		obj(
			{
				...paging,
				query: str(),
				isInstalled: str({ enum: ['true', 'false'] }),
				restrictToUserLocations: str({ enum: ['true', 'false'] }),
				companyId: str(),
				appId: str(),
				versionId: str(),
				onTrial: str({ enum: ['true', 'false'] }),
				planId: str(),
				locationId: str(),
			},
			['companyId', 'appId'],
		);
	api(
		app,
		'GET',
		'/oauth/installedLocations',
		{ access: 'agency', scope: 'oauth.readonly', schema: { querystring: query({ skip: str(), limit: str() }) } },
		installed('v2'),
	);
	api(
		app,
		'GET',
		'/oauth/installed-locations',
		{ access: 'agency', scope: 'oauth.readonly', schema: { querystring: query({ pageSize: str(), pageToken: str() }) } },
		installed('v3'),
	);

	const exchange = (version) => async (req, reply) => {
		const answer = marketplace.locationToken(sim, req.token, req.body || {}, version);
		reply.code(sim.marketplace.settings.locationTokenStatus);
		return answer;
	};
	api(app, 'POST', '/oauth/locationToken', { access: 'agency', scope: 'oauth.write', schema: { body: locationTokenBody } }, exchange('v2'));
	api(
		app,
		'POST',
		'/oauth/location-token',
		{ access: 'agency', scope: 'oauth.write', schema: { body: locationTokenBody } },
		exchange('v3'),
	);
}

module.exports = { register };
