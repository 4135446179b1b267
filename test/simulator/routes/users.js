'use strict';
// GET /users/?locationId=: the location's users (users.json UserSchema).

const { api } = require('../route');
const { obj, str } = require('../schemas');

function userView(u) {
	const { id, name, firstName, lastName, email, phone, extension, permissions, roles } = u;
	return { id, name, firstName, lastName, email, phone, extension, permissions, roles };
}

function register(app, sim) {
	api(
		app,
		'GET',
		'/users/',
		{
			scope: 'users.readonly',
			location: 'query',
			schema: { querystring: obj({ locationId: str() }, ['locationId']) },
		},
		async (req) => ({ users: sim.state.locations.get(req.query.locationId).users.map(userView) }),
	);
}

module.exports = { register };
