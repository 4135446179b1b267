'use strict';
// Categories and tags (read-only in the API): search, skip/limit as strings, totals in `count`.

const { api, envelope, page } = require('../route');
const { obj, str, arr, locationParams } = require('../schemas');
const { notFound } = require('../errors');

const listQuery = obj({ searchText: str(), limit: str(), skip: str() });

function search(list, field, text) {
	if (!text) return list;
	const needle = String(text).toLowerCase();
	return list.filter((x) => String(x[field]).toLowerCase().includes(needle));
}

function register(app, sim) {
	const loc = (req) => sim.state.locations.get(req.params.locationId);

	api(
		app,
		'GET',
		'/social-media-posting/:locationId/categories',
		{
			scope: 'socialplanner/category.readonly',
			location: 'params',
			schema: { params: locationParams, querystring: listQuery },
		},
		async (req) => {
			const matching = search(
				loc(req).categories.filter((c) => !c.deleted),
				'name',
				req.query.searchText,
			);
			const { slice } = page(req.query.skip, req.query.limit, 10);
			return envelope(200, 'Fetched Categories', { count: matching.length, categories: slice(matching) });
		},
	);

	api(
		app,
		'GET',
		'/social-media-posting/:locationId/categories/:id',
		{
			scope: 'socialplanner/category.readonly',
			location: 'params',
			schema: { params: obj({ locationId: str(), id: str() }, ['locationId', 'id']) },
		},
		async (req) => {
			const category = loc(req).categories.find((c) => c._id === req.params.id && !c.deleted);
			if (!category) throw notFound('Category not found');
			return envelope(200, 'Fetched Category', { category: { ...category, message: 'Category fetched successfully' } });
		},
	);

	api(
		app,
		'GET',
		'/social-media-posting/:locationId/tags',
		{
			scope: 'socialplanner/tag.readonly',
			location: 'params',
			schema: { params: locationParams, querystring: listQuery },
		},
		async (req) => {
			const matching = search(
				loc(req).tags.filter((t) => !t.deleted),
				'tag',
				req.query.searchText,
			);
			const { slice } = page(req.query.skip, req.query.limit, 10);
			return envelope(200, 'Fetched Tags', { tags: slice(matching), count: matching.length });
		},
	);

	api(
		app,
		'POST',
		'/social-media-posting/:locationId/tags/details',
		{
			scope: 'socialplanner/tag.readonly',
			location: 'params',
			schema: { params: locationParams, body: obj({ tagIds: arr(str()) }, ['tagIds']) },
		},
		async (req, reply) => {
			const tags = loc(req).tags.filter((t) => req.body.tagIds.includes(t._id) && !t.deleted);
			reply.code(201);
			return envelope(201, 'Fetched Tags', { tags, count: tags.length });
		},
	);
}

module.exports = { register };
