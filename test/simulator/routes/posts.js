'use strict';
// Posts: list (201), create (201), get, edit (full replace, no post returned), delete, bulk delete.

const { api, envelope, page } = require('../route');
const { obj, str, arr, createPostBody, locationParams, LIST_TYPES } = require('../schemas');
const { buildPost, formatPost, advanceLifecycle } = require('../posts-model');
const { badRequest, notFound, unprocessable } = require('../errors');
const { postsBetween } = require('../posts-index');

const BASE = '/social-media-posting/:locationId';
const idParams = obj({ locationId: str(), id: str() }, ['locationId', 'id']);
const NUMERIC = /^\d+$/;

/** Checks beyond the JSON schema that the API's DTO validators make. */
function semanticErrors(location, body) {
	const errors = [];
	const status = body.status || (body.scheduleDate ? 'scheduled' : 'published');
	if (status !== 'draft') {
		if (!body.accountIds.length) errors.push('accountIds should not be empty');
		if (body.accountIds.some((id) => !location.accounts.some((a) => a.id === id))) {
			errors.push('Invalid account id in accountIds list');
		}
	}
	if (!location.users.some((u) => u.id === body.userId)) errors.push('userId must be a valid user of this location');
	if ((status === 'scheduled' || status === 'in_review') && !body.scheduleDate) {
		errors.push(`scheduleDate is required when status is ${status}`);
	}
	if (body.scheduleDate !== undefined && Number.isNaN(Date.parse(body.scheduleDate))) {
		errors.push('scheduleDate must be a valid ISO 8601 date string');
	}
	if (status === 'in_review' && !body.postApprovalDetails) {
		errors.push('postApprovalDetails is required when status is in_review');
	}
	if (body.categoryId && !location.categories.some((c) => c._id === body.categoryId)) {
		errors.push('Invalid categoryId');
	}
	if ((body.tags || []).some((t) => !location.tags.some((x) => x._id === t))) errors.push('Invalid tag id in tags list');
	const gmb = body.gmbPostDetails;
	const gmbRequired = {
		EVENT: ['title', 'startDate', 'endDate'],
		OFFER: ['offerTitle', 'startDate', 'endDate', 'termsConditions', 'couponCode', 'redeemOnlineUrl'],
	};
	for (const key of (gmb && gmbRequired[gmb.gmbEventType]) || []) {
		if (!gmb[key]) errors.push(`gmbPostDetails.${key} is required for ${gmb.gmbEventType} posts`);
	}
	if (gmb && gmb.actionType && !['none', 'call'].includes(gmb.actionType) && !gmb.url) {
		errors.push(`gmbPostDetails.url is required for actionType ${gmb.actionType}`);
	}
	const tiktok = body.tiktokPostDetails;
	if (tiktok && tiktok.videoDisclosure && tiktok.privacyLevel === 'SELF_ONLY') {
		errors.push('videoDisclosure cannot be used with privacyLevel SELF_ONLY');
	}
	if (tiktok && tiktok.videoDisclosure && !tiktok.promoteYourBrand && !tiktok.promoteOtherBrand) {
		errors.push('videoDisclosure requires promoteYourBrand or promoteOtherBrand');
	}
	return errors;
}

function listErrors(body) {
	const errors = [];
	if (!NUMERIC.test(body.skip)) errors.push('skip must be a number string');
	if (!NUMERIC.test(body.limit)) errors.push('limit must be a number string');
	if (!['true', 'false'].includes(body.includeUsers)) errors.push('includeUsers must be a boolean string');
	for (const key of ['fromDate', 'toDate']) {
		if (Number.isNaN(Date.parse(body[key]))) errors.push(`${key} must be a valid ISO 8601 date string`);
	}
	if (body.type !== undefined && !LIST_TYPES.includes(body.type)) {
		errors.push(`type must be one of the following values: ${LIST_TYPES.join(', ')}`);
	}
	if (body.postType !== undefined && !['post', 'story', 'reel'].includes(body.postType)) {
		errors.push('postType must be one of the following values: post, story, reel');
	}
	return errors;
}

function matchesType(post, type) {
	if (!type || type === 'all') return post.status !== 'deleted';
	if (type === 'recent') return post.status === 'published' || post.status === 'failed';
	return post.status === type;
}

function listPosts(sim, location, body) {
	const accounts = body.accounts
		? body.accounts
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		: [];
	const fits = (p) =>
		matchesType(p, body.type) &&
		(!accounts.length || (p.accountIds || []).some((id) => accounts.includes(id))) &&
		(!body.postType || p.type === body.postType);
	const { skip, limit } = page(body.skip, body.limit, 10);
	const includeUsers = body.includeUsers === 'true';
	// Already newest first (see posts-index): count every match, format only the page's.
	const posts = [];
	let count = 0;
	for (const post of postsBetween(location, Date.parse(body.fromDate), Date.parse(body.toDate))) {
		if (!fits(post)) continue;
		if (count >= skip && count < skip + limit) posts.push(formatPost(post, location, includeUsers));
		count += 1;
	}
	return { posts, count };
}

function findPost(location, id) {
	const post = location.posts.find((p) => p._id === id && p.status !== 'deleted');
	if (!post) throw notFound('Post not found');
	return post;
}

function register(app, sim) {
	const loc = (req) => sim.state.locations.get(req.params.locationId);

	api(
		app,
		'POST',
		`${BASE}/posts/list`,
		{
			scope: 'socialplanner/post.readonly',
			location: 'params',
			schema: {
				params: locationParams,
				body: obj(
					{ type: str(), accounts: str(), skip: str(), limit: str(), fromDate: str(), toDate: str(), includeUsers: str(), postType: str() },
					['skip', 'limit', 'fromDate', 'toDate', 'includeUsers'],
				),
			},
		},
		async (req, reply) => {
			const errors = listErrors(req.body);
			if (errors.length) throw unprocessable(errors);
			reply.code(201);
			return envelope(201, 'Posts fetched', listPosts(sim, loc(req), req.body));
		},
	);

	api(
		app,
		'POST',
		`${BASE}/posts`,
		{
			scope: 'socialplanner/post.write',
			location: 'params',
			schema: { params: locationParams, body: createPostBody },
		},
		async (req, reply) => {
			const location = loc(req);
			const errors = semanticErrors(location, req.body);
			if (errors.length) throw unprocessable(errors);
			const post = buildPost(sim, location, req.body);
			location.posts.push(post);
			advanceLifecycle(sim); // a "post now" starts publishing at once
			reply.code(201);
			return envelope(201, 'Created Post', { post: formatPost(post, location, false) });
		},
	);

	api(
		app,
		'GET',
		`${BASE}/posts/:id`,
		{
			scope: 'socialplanner/post.readonly',
			location: 'params',
			schema: { params: idParams },
		},
		async (req) => {
			const location = loc(req);
			const post = location.posts.find((p) => p._id === req.params.id);
			if (!post) throw notFound('Post not found');
			return envelope(200, 'Fetched Post', { post: formatPost(post, location, false) });
		},
	);

	api(
		app,
		'PUT',
		`${BASE}/posts/:id`,
		{
			scope: 'socialplanner/post.write',
			location: 'params',
			schema: { params: idParams, body: createPostBody },
		},
		async (req) => {
			const location = loc(req);
			const existing = findPost(location, req.params.id);
			if (existing.status === 'published' || existing.status === 'in_progress') {
				throw badRequest(`A post that is ${existing.status.replace('_', ' ')} cannot be edited`);
			}
			const errors = semanticErrors(location, req.body);
			if (errors.length) throw unprocessable(errors);
			const updated = buildPost(sim, location, req.body, existing);
			location.posts[location.posts.indexOf(existing)] = updated;
			advanceLifecycle(sim);
			return envelope(200, 'Updated Post');
		},
	);

	api(
		app,
		'DELETE',
		`${BASE}/posts/:id`,
		{
			scope: 'socialplanner/post.write',
			location: 'params',
			schema: { params: idParams },
		},
		async (req) => {
			const post = findPost(loc(req), req.params.id);
			post.status = 'deleted';
			post.updatedAt = sim.clock.nowIso();
			return envelope(200, 'Deleted Post', { postId: post._id });
		},
	);

	// Scopes.md lists bulk-delete under socialplanner/csv.write.
	api(
		app,
		'POST',
		`${BASE}/posts/bulk-delete`,
		{
			scope: 'socialplanner/csv.write',
			location: 'params',
			schema: { params: locationParams, body: obj({ postIds: arr(str()) }) },
		},
		async (req, reply) => {
			const ids = req.body.postIds || [];
			if (!ids.length) throw badRequest('postIds should not be empty');
			if (ids.length > 50) throw badRequest('You can delete a maximum of 50 posts at a time');
			const location = loc(req);
			const targets = location.posts.filter((p) => ids.includes(p._id) && p.status !== 'deleted');
			if (!targets.length) throw notFound('No posts found to delete');
			for (const post of targets) {
				post.status = 'deleted';
				post.updatedAt = sim.clock.nowIso();
			}
			reply.code(201);
			return envelope(201, 'Posts Deleted Successfully', { message: 'Posts deleted successfully', deletedCount: targets.length });
		},
	);
}

module.exports = { register };
