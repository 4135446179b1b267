'use strict';
// Comments (v3): list per platform and account originIds, create (top level or reply), like/unlike.

const { api, envelope } = require('../route');
const { obj, str, num, bool, arr, oneOfStr } = require('../schemas');
const { badRequest, notFound, unprocessable } = require('../errors');
const { makeComment } = require('../seed');

const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'community', 'tiktok', 'bluesky', 'youtube', 'threads'];
const LIKE_PLATFORMS = ['facebook', 'linkedin', 'community', 'tiktok', 'bluesky'];

const listBody = obj(
	{
		fromDate: str(),
		toDate: str(),
		originIds: arr(str()),
		sortBy: oneOfStr(['top', 'latest']),
		search: str(),
		skip: num({ minimum: 0 }),
		limit: num({ minimum: 1, maximum: 100 }),
		parentId: str(),
	},
	['originIds'],
);
const createBody = obj(
	{
		parentId: str(),
		isParentThread: bool(),
		content: str(),
		attachments: arr(obj({ url: str(), type: oneOfStr(['image']) }, ['url', 'type'])),
		mentions: arr(obj({ name: str(), id: str(), offset: num(), length: num(), slug: str() }, ['name', 'id', 'offset', 'length'])),
		notifyAllGroupMembers: bool(),
	},
	['parentId', 'isParentThread', 'content'],
);
const locationQuery = obj({ locationId: str() }, ['locationId']);

function commentView(c) {
	const { likedByPage, parentCommentId, ...rest } = c;
	return { ...rest };
}

function register(app, sim) {
	const loc = (req) => sim.state.locations.get(req.query.locationId);

	api(
		app,
		'POST',
		'/social-media-posting/comments/:platform/list',
		{
			location: 'query',
			schema: { params: obj({ platform: oneOfStr(PLATFORMS) }, ['platform']), querystring: locationQuery, body: listBody },
		},
		async (req, reply) => {
			const body = req.body;
			if (!body.originIds.length) throw unprocessable(['originIds should not be empty']);
			if ((body.fromDate === undefined) !== (body.toDate === undefined)) throw badRequest('fromDate and toDate must be provided together');
			const from = body.fromDate ? Date.parse(body.fromDate) : -Infinity;
			const to = body.toDate ? Date.parse(body.toDate) : Infinity;
			if (Number.isNaN(from) || Number.isNaN(to)) throw unprocessable(['fromDate and toDate must be valid ISO 8601 date strings']);
			const needle = body.search ? body.search.toLowerCase() : '';
			let matching = loc(req).comments.filter(
				(c) =>
					c.platform === req.params.platform &&
					body.originIds.includes(c.originId) &&
					!c.isDeleted &&
					Date.parse(c.publishedAt) >= from &&
					Date.parse(c.publishedAt) <= to &&
					(!needle || c.content.toLowerCase().includes(needle)) &&
					(body.parentId ? c.parentCommentId === body.parentId || c.postId === body.parentId : true),
			);
			matching = matching.sort((a, b) =>
				body.sortBy === 'top'
					? b.likeCount + b.replyCount - (a.likeCount + a.replyCount)
					: Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
			);
			const skip = body.skip ?? 0;
			const limit = body.limit ?? 20;
			reply.code(201);
			return envelope(201, 'Comments fetched', {
				comments: matching.slice(skip, skip + limit).map(commentView),
				meta: {
					total: matching.length,
					totalUnread: matching.filter((c) => !c.isRead).length,
					skip,
					limit,
					hasMore: skip + limit < matching.length,
				},
			});
		},
	);

	api(
		app,
		'POST',
		'/social-media-posting/comments/:platform',
		{
			location: 'query',
			schema: { params: obj({ platform: oneOfStr(PLATFORMS) }, ['platform']), querystring: locationQuery, body: createBody },
		},
		async (req, reply) => {
			const { platform } = req.params;
			const body = req.body;
			if (body.parentId.length !== 24) throw unprocessable(['parentId must be longer than or equal to 24 characters']);
			if (body.attachments && body.attachments.length && platform !== 'facebook')
				throw badRequest('Attachments are only supported for facebook');
			const location = loc(req);
			const parentComment = location.comments.find((c) => c._id === body.parentId && c.platform === platform);
			const post = parentComment
				? location.posts.find((p) => p._id === parentComment.postId)
				: location.posts.find((p) => p._id === body.parentId);
			if (!post && !parentComment) throw notFound('Parent post or comment not found');
			if (!parentComment && post.status !== 'published') throw badRequest('Comments can only be added to published posts');
			const account = location.accounts.find((a) => (post ? post.accountIds.includes(a.id) : false) && a.platform === platform);
			if (!parentComment && !account) throw badRequest(`The post was not published on ${platform}`);
			const nowIso = sim.clock.nowIso();
			const comment = makeComment(sim, location, {
				platform,
				postId: post ? post._id : parentComment.postId,
				originId: parentComment ? parentComment.originId : account.originId,
				platformPostId: post ? post.postId || '' : parentComment.platformPostId,
				platformParentId: parentComment ? parentComment.platformCommentId : '',
				parentCommentId: parentComment ? parentComment._id : undefined,
				isParentThread: body.isParentThread,
				level: parentComment ? parentComment.level + 1 : 0,
				content: body.content,
				attachments: (body.attachments || []).map((a) => ({ type: a.type, url: a.url })),
				author: account ? { id: account.originId, name: account.name, profilePic: account.avatar } : parentComment.author,
				isRead: true,
				publishedAt: nowIso,
			});
			location.comments.push(comment);
			if (parentComment) parentComment.replyCount += 1;
			reply.code(201);
			return envelope(201, 'Comment created', commentView(comment));
		},
	);

	const likeHandler = (like) => async (req, reply) => {
		const { platform, id } = req.params;
		if (platform === 'instagram') throw badRequest('Liking comments is not supported for instagram');
		if (!LIKE_PLATFORMS.includes(platform))
			throw unprocessable([`platform must be one of the following values: ${LIKE_PLATFORMS.join(', ')}`]);
		const comment = loc(req).comments.find((c) => c._id === id && c.platform === platform && !c.isDeleted);
		if (!comment) throw notFound('Comment not found');
		if (like === comment.likedByPage) throw badRequest(like ? 'Comment is already liked' : 'Comment is not liked');
		comment.likedByPage = like;
		comment.likeCount += like ? 1 : -1;
		comment.updatedAt = sim.clock.nowIso();
		reply.code(like ? 201 : 200);
		return envelope(like ? 201 : 200, like ? 'Comment liked' : 'Comment unliked');
	};
	const likeSchema = { params: obj({ platform: str(), id: str() }, ['platform', 'id']), querystring: locationQuery };
	api(app, 'POST', '/social-media-posting/comments/:platform/:id/like', { location: 'query', schema: likeSchema }, likeHandler(true));
	api(app, 'DELETE', '/social-media-posting/comments/:platform/:id/like', { location: 'query', schema: likeSchema }, likeHandler(false));
}

module.exports = { register };
