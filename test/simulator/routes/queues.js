'use strict';
// Category queues (v3): queues, items, slots, calendars and edit sessions. locationId travels in
// the body (POST/PUT) or the query (GET/DELETE); responses wrap the message in `results`.

const { api, queueEnvelope, page } = require('../route');
const { obj, str, num, bool, arr, anyObj, queueModifiedPost } = require('../schemas');
const { badRequest, notFound, unprocessable } = require('../errors');
const { newId, clone } = require('../state');
const Q = require('../queue-model');

const Q_BASE = '/social-media-posting/category/queues';
const READ = 'socialplanner/category.readonly';
const WRITE = 'socialplanner/category.write';
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeSlot = obj({ dayOfWeek: num({ minimum: 0, maximum: 6 }), time: str() }, ['dayOfWeek', 'time']);
const orderValue = { anyOf: [{ type: 'number' }, { type: 'string', enum: ['top', 'bottom'] }] };
const variationInput = obj({ content: str(), mentions: arr(anyObj()), ogTags: obj({ metaLink: {}, metaImage: {}, ogTitle: {} }) });
const queueParams = obj({ queueId: str() }, ['queueId']);
const itemParams = obj({ queueId: str(), itemId: str() }, ['queueId', 'itemId']);
const locationQuery = obj({ locationId: str() }, ['locationId']);

function slotErrors(timeSlots) {
	return (timeSlots || []).filter((s) => !TIME_RE.test(s.time)).map(() => 'timeSlots.time must be in HH:mm format');
}

function register(app, sim) {
	const locOf = (req) => sim.state.locations.get((req.body && req.body.locationId) || req.query.locationId);
	const findQueue = (location, queueId) => {
		const queue = location.queues.find((q) => q._id === queueId);
		if (!queue) throw notFound('Queue not found');
		return queue;
	};
	/** The items an operation works on: the session's staged copy or the live queue. */
	const workingItems = (location, queue, sessionId, required) => {
		if (!sessionId) {
			if (required) throw badRequest('sessionId is required');
			return { items: Q.itemsOf(location, queue._id), session: undefined };
		}
		const session = location.sessions.get(queue._id);
		if (!session || session.sessionId !== sessionId) throw badRequest('Edit session not found or expired');
		return { items: session.items.filter((i) => !i.deleted).sort((a, b) => a.order - b.order), session };
	};
	const scheduleOf = (queue, items) => Q.slotsFor(sim, queue, items);

	api(
		app,
		'GET',
		`${Q_BASE}/available-categories`,
		{
			scope: READ,
			location: 'query',
			schema: { querystring: obj({ locationId: str(), skip: str(), limit: str(), q: str() }, ['locationId']) },
		},
		async (req) => {
			const location = locOf(req);
			const needle = (req.query.q || '').toLowerCase();
			const categories = location.categories
				.filter((c) => !c.deleted && c.name.toLowerCase().includes(needle))
				.map((c) => {
					const queue = location.queues.find((q) => q.categoryId === c._id);
					const view = {
						...clone(c),
						publishedPostsCount: location.posts.filter((p) => p.categoryId === c._id && p.status === 'published').length,
						status: !queue ? 'available' : queue.status === 'draft' ? 'draft' : 'in_queue',
					};
					if (queue)
						view.queueDetails = {
							queueId: queue._id,
							prioritizeNewContent: queue.prioritizeNewContent,
							enableFuturePosts: queue.enableFuturePosts,
						};
					return view;
				});
			const { slice } = page(req.query.skip, req.query.limit, 10);
			return queueEnvelope(200, 'Categories fetched successfully', {
				categories: slice(categories),
				meta: { count: String(categories.length) },
			});
		},
	);

	api(
		app,
		'POST',
		Q_BASE,
		{
			scope: WRITE,
			location: 'body',
			schema: {
				body: obj(
					{
						locationId: str(),
						categoryId: str(),
						timeSlots: arr(timeSlot, { minItems: 1 }),
						enableFuturePosts: bool(),
						prioritizeNewContent: bool(),
						userId: str(),
					},
					['locationId', 'categoryId', 'timeSlots', 'userId'],
				),
			},
		},
		async (req, reply) => {
			const errors = slotErrors(req.body.timeSlots);
			if (errors.length) throw unprocessable(errors);
			const location = locOf(req);
			if (!location.categories.some((c) => c._id === req.body.categoryId && !c.deleted)) throw notFound('Category not found');
			if (location.queues.some((q) => q.categoryId === req.body.categoryId)) throw badRequest('A queue already exists for this category');
			const queue = Q.createQueue(sim, location, req.body);
			reply.code(201);
			const { currentOrder, currentPostId, ...created } = Q.queueView(location, queue, false);
			return queueEnvelope(201, 'Queue created successfully', { queue: created });
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/list`,
		{
			scope: READ,
			location: 'body',
			schema: { body: obj({ locationId: str(), skip: num({ minimum: 0 }), limit: num({ minimum: 0 }) }, ['locationId']) },
		},
		async (req, reply) => {
			const location = locOf(req);
			for (const q of location.queues) Q.refreshQueue(sim, location, q);
			const { slice } = page(req.body.skip, req.body.limit, 10);
			reply.code(201);
			return queueEnvelope(200, 'Queues fetched successfully', {
				queues: slice(location.queues).map((q) => Q.queueView(location, q, true)),
				meta: { count: String(location.queues.length) },
			});
		},
	);

	/** Slot occurrences between two dates for the given queues, items in rotation. */
	const calendar = (location, queues, itemsFor, startMs, endMs, accountIds, extra) => {
		const scheduledPosts = [];
		for (const queue of queues) {
			if (queue.status === 'paused') continue;
			const items = itemsFor(queue);
			const byId = new Map(items.map((i) => [i._id, i]));
			const planned = Q.schedule(sim, queue, items, 500).filter((s) => !s.isSkipped);
			for (const slot of planned) {
				const at = Date.parse(slot.scheduledDateTime);
				if (at > endMs) break;
				if (at < startMs) continue;
				const item = byId.get(slot.itemId);
				const post = Q.itemPost(location, item);
				if (accountIds && accountIds.length && !(post.accountIds || []).some((id) => accountIds.includes(id))) continue;
				scheduledPosts.push({
					scheduledDateTime: slot.scheduledDateTime,
					post,
					queueItemId: item._id,
					queueId: queue._id,
					order: item.order,
					variations: clone(item.variations),
					primaryImage: item.primaryImage,
					errors: [...item.errors],
					category: Q.categoryInfo(location, queue.categoryId),
					currentVariation: item.currentVariation,
					timezone: Q.TIMEZONE,
					...(extra ? extra(item) : {}),
				});
			}
		}
		scheduledPosts.sort((a, b) => Date.parse(a.scheduledDateTime) - Date.parse(b.scheduledDateTime));
		return { scheduledPosts, total: scheduledPosts.length, timezone: Q.TIMEZONE };
	};
	const checkRange = (body) => {
		const start = Date.parse(body.startDate);
		const end = Date.parse(body.endDate);
		if (Number.isNaN(start) || Number.isNaN(end)) throw unprocessable(['startDate and endDate must be valid ISO 8601 date strings']);
		if (start > end) throw badRequest('startDate must be before endDate');
		return { start, end };
	};

	api(
		app,
		'POST',
		`${Q_BASE}/list/calendar`,
		{
			scope: READ,
			location: 'body',
			schema: {
				body: obj({ locationId: str(), startDate: str(), endDate: str(), categoryIds: arr(str()), accountIds: arr(str()) }, [
					'locationId',
					'startDate',
					'endDate',
				]),
			},
		},
		async (req, reply) => {
			const { start, end } = checkRange(req.body);
			const location = locOf(req);
			const queues = location.queues.filter(
				(q) => q.status === 'active' && (!req.body.categoryIds || req.body.categoryIds.includes(q.categoryId)),
			);
			reply.code(201);
			return queueEnvelope(
				200,
				'Calendar fetched successfully',
				calendar(location, queues, (q) => Q.itemsOf(location, q._id), start, end, req.body.accountIds),
			);
		},
	);

	api(
		app,
		'GET',
		`${Q_BASE}/:queueId`,
		{ scope: READ, location: 'query', schema: { params: queueParams, querystring: locationQuery } },
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			Q.refreshQueue(sim, location, queue);
			return queueEnvelope(200, 'Queue fetched successfully', { queue: Q.queueView(location, queue, true) });
		},
	);

	api(
		app,
		'PUT',
		`${Q_BASE}/:queueId`,
		{
			scope: WRITE,
			location: 'body',
			schema: {
				params: queueParams,
				body: obj(
					{
						locationId: str(),
						skipLegacyWatermark: bool(),
						status: { type: 'string', enum: ['active', 'paused', 'deleted'] },
						skipDateTime: str(),
						timeSlots: arr(timeSlot, { minItems: 1 }),
						enableFuturePosts: bool(),
						prioritizeNewContent: bool(),
					},
					['locationId'],
				),
			},
		},
		async (req) => {
			const errors = slotErrors(req.body.timeSlots);
			if (req.body.skipDateTime !== undefined && Number.isNaN(Date.parse(req.body.skipDateTime)))
				errors.push('skipDateTime must be a valid ISO 8601 date string');
			if (errors.length) throw unprocessable(errors);
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const body = req.body;
			Q.reanchor(sim, location, queue);
			let message = 'Queue updated successfully.';
			if (body.status === 'deleted') {
				location.queues.splice(location.queues.indexOf(queue), 1);
				for (const item of location.queueItems) if (item.queueId === queue._id) item.deleted = true;
				location.sessions.delete(queue._id);
				queue.status = 'paused';
				return queueEnvelope(200, 'Queue deleted successfully.', { queue: Q.queueView(location, queue, false) });
			}
			if (body.status) {
				queue.status = body.status;
				message = body.status === 'paused' ? 'Queue paused successfully.' : 'Queue activated successfully.';
			}
			if (body.timeSlots) queue.timeSlots = body.timeSlots.map((s) => ({ _id: newId(sim.state), dayOfWeek: s.dayOfWeek, time: s.time }));
			if (body.skipDateTime) queue.skipDateTime.push(new Date(Date.parse(body.skipDateTime)).toISOString());
			for (const key of ['enableFuturePosts', 'prioritizeNewContent']) if (body[key] !== undefined) queue[key] = body[key];
			queue.updatedAt = sim.clock.nowIso();
			Q.refreshQueue(sim, location, queue);
			return queueEnvelope(200, message, { queue: Q.queueView(location, queue, false) });
		},
	);

	// The spec names this path parameter `postId`: the queue's currently scheduled post.
	api(
		app,
		'DELETE',
		`${Q_BASE}/:postId/active-post`,
		{ scope: WRITE, location: 'query', schema: { params: obj({ postId: str() }, ['postId']), querystring: locationQuery } },
		async (req) => {
			const location = locOf(req);
			for (const q of location.queues) Q.refreshQueue(sim, location, q);
			const queue = location.queues.find((q) => q.status === 'active' && q.currentPostId === req.params.postId);
			if (!queue) throw notFound('No active queue post found with this id');
			const items = Q.itemsOf(location, queue._id).filter((i) => !i.isSkipped);
			const current = items.find((i) => (i.postId || i._id) === req.params.postId);
			const next = items[(items.indexOf(current) + 1) % items.length];
			queue.currentOrder = next.order;
			queue.anchorAt = sim.clock.nowIso();
			if (next === current) queue.skipDateTime.push(queue.lastScheduledTime);
			queue.updatedAt = sim.clock.nowIso();
			Q.refreshQueue(sim, location, queue);
			return queueEnvelope(200, 'Active post deleted and next post scheduled successfully');
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/items`,
		{
			scope: READ,
			location: 'body',
			schema: {
				params: queueParams,
				body: obj(
					{
						locationId: str(),
						sessionId: str(),
						skip: num({ minimum: 0 }),
						limit: num({ minimum: 0 }),
						errorFilter: bool(),
						itemId: str(),
					},
					['locationId'],
				),
			},
		},
		async (req, reply) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items } = workingItems(location, queue, req.body.sessionId);
			const slots = new Map(scheduleOf(queue, items).map((s) => [s.itemId, s]));
			let list = req.body.errorFilter ? items.filter((i) => i.errors.length) : items;
			const limit = req.body.limit ?? 10;
			let skip = req.body.skip ?? 0;
			if (req.body.itemId) {
				const index = list.findIndex((i) => i._id === req.body.itemId);
				if (index < 0) throw notFound('Queue item not found');
				skip = Math.max(0, index - Math.floor(limit / 2));
			}
			const pageItems = list.slice(skip, skip + limit);
			list = pageItems.map((i) => Q.itemView(location, i, slots.get(i._id)));
			reply.code(201);
			return queueEnvelope(200, 'Queue items fetched successfully', {
				items: list,
				meta: { count: String(req.body.errorFilter ? items.filter((i) => i.errors.length).length : items.length), skip, limit },
			});
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/create/item`,
		{
			scope: WRITE,
			location: 'body',
			schema: {
				params: queueParams,
				body: obj(
					{
						locationId: str(),
						sessionId: str(),
						modifiedPostPayload: queueModifiedPost,
						order: orderValue,
						variations: arr(variationInput),
						primaryImage: str(),
						directToQueue: bool(),
					},
					['locationId'],
				),
			},
		},
		async (req, reply) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const body = req.body;
			if (!body.modifiedPostPayload && !(body.variations && body.variations.length))
				throw unprocessable(['modifiedPostPayload or variations is required']);
			const item = Q.makeItem(sim, location, queue, body);
			if (body.directToQueue) {
				Q.reanchor(sim, location, queue);
				const items = Q.itemsOf(location, queue._id);
				location.queueItems.push(item);
				Q.placeItem([...items, item], item, queue.prioritizeNewContent ? 'top' : 'bottom');
				Q.refreshQueue(sim, location, queue);
			} else {
				const { items, session } = workingItems(location, queue, body.sessionId, true);
				item.isDraft = true;
				item.originalItemId = null;
				session.items.push(item);
				Q.placeItem([...items, item], item, body.order ?? 'bottom');
			}
			reply.code(201);
			return queueEnvelope(201, 'Queue item created successfully', { queueItem: Q.createdItemView(item) });
		},
	);

	api(
		app,
		'PUT',
		`${Q_BASE}/:queueId/items/:itemId`,
		{
			scope: WRITE,
			location: 'body',
			schema: {
				params: itemParams,
				body: obj(
					{
						locationId: str(),
						sessionId: str(),
						modifiedPostPayload: queueModifiedPost,
						newOrder: orderValue,
						variations: arr(variationInput),
						primaryImage: str(),
					},
					['locationId'],
				),
			},
		},
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items, session } = workingItems(location, queue, req.body.sessionId);
			const item = items.find((i) => i._id === req.params.itemId);
			if (!item) throw notFound('Queue item not found');
			if (!session) Q.reanchor(sim, location, queue);
			const before = scheduleOf(queue, items);
			const body = req.body;
			if (body.newOrder !== undefined) Q.placeItem(items, item, body.newOrder);
			if (body.variations)
				item.variations = body.variations.map((v) => ({
					_id: newId(sim.state),
					content: v.content ?? '',
					mentions: v.mentions || [],
					ogTags: v.ogTags || {},
				}));
			if (body.modifiedPostPayload) item.modifiedPostPayload = clone(body.modifiedPostPayload);
			if (body.primaryImage !== undefined) item.primaryImage = body.primaryImage;
			item.updatedAt = sim.clock.nowIso();
			const after = scheduleOf(queue, items);
			if (!session) Q.refreshQueue(sim, location, queue);
			const updatedSlots = Q.changedSlots(before, after);
			return queueEnvelope(200, 'Queue item updated successfully', {
				queueItem: Q.createdItemView(item),
				updatedSlots,
				totalPostsChanged: updatedSlots.length,
			});
		},
	);

	api(
		app,
		'DELETE',
		`${Q_BASE}/:queueId/items/:itemId`,
		{
			scope: WRITE,
			location: 'query',
			schema: { params: itemParams, querystring: obj({ locationId: str(), sessionId: str() }, ['locationId']) },
		},
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items, session } = workingItems(location, queue, req.query.sessionId);
			const item = items.find((i) => i._id === req.params.itemId);
			if (!item) throw notFound('Queue item not found');
			if (!session) Q.reanchor(sim, location, queue);
			const before = scheduleOf(queue, items);
			item.deleted = true;
			const rest = items.filter((i) => i !== item);
			Q.renumber(rest);
			const after = scheduleOf(queue, rest);
			if (!session) Q.refreshQueue(sim, location, queue);
			const updatedSlots = Q.changedSlots(before, after);
			return queueEnvelope(200, 'Queue item deleted successfully', { updatedSlots, totalPostsChanged: updatedSlots.length });
		},
	);

	api(
		app,
		'PUT',
		`${Q_BASE}/:queueId/items/:itemId/reset`,
		{
			scope: WRITE,
			location: 'body',
			schema: { params: itemParams, body: obj({ locationId: str(), sessionId: str() }, ['locationId']) },
		},
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items } = workingItems(location, queue, req.body.sessionId);
			const item = items.find((i) => i._id === req.params.itemId);
			if (!item) throw notFound('Queue item not found');
			Object.assign(item, clone(item.original));
			item.currentVariation = 0;
			item.isSkipped = false;
			item.updatedAt = sim.clock.nowIso();
			const slot = scheduleOf(queue, items).find((s) => s.itemId === item._id);
			return queueEnvelope(200, 'Queue item reset successfully', { queueItem: Q.itemView(location, item, slot) });
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/items/:itemId/clone`,
		{
			scope: WRITE,
			location: 'body',
			schema: {
				params: itemParams,
				body: obj({ locationId: str(), sessionId: str(), order: num() }, ['locationId', 'sessionId', 'order']),
			},
		},
		async (req, reply) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items, session } = workingItems(location, queue, req.body.sessionId, true);
			const source = items.find((i) => i._id === req.params.itemId);
			if (!source) throw notFound('Queue item not found');
			const copy = {
				...clone(source),
				_id: newId(sim.state),
				isDraft: true,
				originalItemId: null,
				createdAt: sim.clock.nowIso(),
				updatedAt: sim.clock.nowIso(),
			};
			copy.variations = copy.variations.map((v) => ({ ...v, _id: newId(sim.state) }));
			session.items.push(copy);
			Q.placeItem([...items, copy], copy, req.body.order);
			reply.code(201);
			return queueEnvelope(201, 'Queue item cloned successfully', { queueItem: Q.createdItemView(copy) });
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/slots`,
		{
			scope: READ,
			location: 'body',
			schema: {
				params: queueParams,
				body: obj({ locationId: str(), sessionId: str(), skip: num({ minimum: 0 }), limit: num({ minimum: 0 }) }, ['locationId']),
			},
		},
		async (req, reply) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items } = workingItems(location, queue, req.body.sessionId);
			const slots = scheduleOf(queue, items);
			const skip = req.body.skip ?? 0;
			const limit = req.body.limit ?? 20;
			reply.code(201);
			return queueEnvelope(200, 'Slots fetched successfully', {
				slots: slots.slice(skip, skip + limit),
				total: slots.length,
				skip,
				limit,
				timezone: Q.TIMEZONE,
			});
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/edit/start`,
		{
			scope: WRITE,
			location: 'body',
			schema: { params: queueParams, body: obj({ locationId: str() }, ['locationId']) },
		},
		async (req, reply) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { session, resumed } = Q.startSession(sim, location, queue);
			reply.code(201);
			return queueEnvelope(201, resumed ? 'Edit session resumed' : 'Edit session started', {
				sessionId: session.sessionId,
				itemCount: session.items.filter((i) => !i.deleted).length,
			});
		},
	);

	const sessionBody = obj({ locationId: str(), sessionId: str(), keepInDraft: bool() }, ['locationId', 'sessionId']);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/edit/save`,
		{ scope: WRITE, location: 'body', schema: { params: queueParams, body: sessionBody } },
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { session } = workingItems(location, queue, req.body.sessionId, true);
			Q.reanchor(sim, location, queue);
			const before = scheduleOf(queue, Q.itemsOf(location, queue._id));
			location.queueItems = location.queueItems.filter((i) => i.queueId !== queue._id);
			for (const staged of session.items) {
				const { isDraft, originalItemId, ...item } = staged;
				if (!item.deleted) location.queueItems.push(item);
			}
			Q.renumber(Q.itemsOf(location, queue._id));
			location.sessions.delete(queue._id);
			if (queue.status === 'draft' && !req.body.keepInDraft) queue.status = 'active';
			queue.updatedAt = sim.clock.nowIso();
			Q.refreshQueue(sim, location, queue);
			const updatedSlots = Q.changedSlots(before, scheduleOf(queue, Q.itemsOf(location, queue._id)));
			return queueEnvelope(200, 'Edit session saved successfully', { updatedSlots, totalPostsChanged: updatedSlots.length });
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/edit/discard`,
		{ scope: WRITE, location: 'body', schema: { params: queueParams, body: sessionBody } },
		async (req) => {
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			workingItems(location, queue, req.body.sessionId, true);
			location.sessions.delete(queue._id);
			return queueEnvelope(200, 'Edit session discarded successfully');
		},
	);

	api(
		app,
		'POST',
		`${Q_BASE}/:queueId/edit/calendar`,
		{
			scope: READ,
			location: 'body',
			schema: {
				params: queueParams,
				body: obj({ locationId: str(), sessionId: str(), startDate: str(), endDate: str(), accountIds: arr(str()) }, [
					'locationId',
					'sessionId',
					'startDate',
					'endDate',
				]),
			},
		},
		async (req, reply) => {
			const { start, end } = checkRange(req.body);
			const location = locOf(req);
			const queue = findQueue(location, req.params.queueId);
			const { items } = workingItems(location, queue, req.body.sessionId, true);
			const preview = { ...queue, status: queue.status === 'paused' ? 'paused' : 'active' };
			reply.code(201);
			return queueEnvelope(
				200,
				'Edit session calendar fetched successfully',
				calendar(
					location,
					[preview],
					() => items,
					start,
					end,
					req.body.accountIds,
					(item) => ({ isDraft: Boolean(item.isDraft), originalItemId: item.originalItemId ?? null }),
				),
			);
		},
	);
}

module.exports = { register };
