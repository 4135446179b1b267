'use strict';
// Connected social accounts and groups; deleting an account removes it from every group.

const { api, envelope } = require('../route');
const { obj, str, locationParams } = require('../schemas');
const { notFound } = require('../errors');
const { isExpired } = require('../posts-model');

/** GetAccountSchema; `isExpired` follows the sim clock past `expire`. */
function accountView(a, nowMs) {
	const { id, oauthId, profileId, name, platform, type, expire, meta } = a;
	return { id, oauthId, profileId, name, platform, type, expire, isExpired: isExpired(a, nowMs ?? Date.now()), meta };
}

function register(app, sim) {
	api(
		app,
		'GET',
		'/social-media-posting/:locationId/accounts',
		{
			scope: 'socialplanner/account.readonly',
			location: 'params',
			schema: { params: locationParams },
		},
		async (req) => {
			const location = sim.state.locations.get(req.params.locationId);
			return envelope(200, 'Fetched Accounts', {
				accounts: location.accounts.map((a) => accountView(a, sim.clock.now())),
				groups: location.groups.map((g) => ({ id: g.id, name: g.name, accountIds: [...g.accountIds] })),
			});
		},
	);

	api(
		app,
		'DELETE',
		'/social-media-posting/:locationId/accounts/:id',
		{
			scope: 'socialplanner/account.write',
			location: 'params',
			schema: {
				params: obj({ locationId: str(), id: str() }, ['locationId', 'id']),
				querystring: obj({ companyId: str(), userId: str() }),
			},
		},
		async (req) => {
			const location = sim.state.locations.get(req.params.locationId);
			const index = location.accounts.findIndex((a) => a.id === req.params.id);
			if (index < 0) throw notFound('Account not found');
			location.accounts.splice(index, 1);
			for (const group of location.groups) group.accountIds = group.accountIds.filter((id) => id !== req.params.id);
			return envelope(200, 'Deleted Account', { locationId: location.id, id: req.params.id });
		},
	);
}

module.exports = { register, accountView };
