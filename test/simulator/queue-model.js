'use strict';
// Category queues: a queue recycles the items (posts) of one category into weekly time slots.
// Slots are computed from the sim clock; edit sessions hold a staged copy of the items until
// they are saved or discarded.

const { newId, clone } = require('./state');
const { buildPost, formatPost } = require('./posts-model');

const DAY = 24 * 60 * 60 * 1000;
const TIMEZONE = 'UTC';

function createQueue(sim, location, body) {
	const nowIso = sim.clock.nowIso();
	const queue = {
		_id: newId(sim.state),
		locationId: location.id,
		categoryId: body.categoryId,
		timeSlots: body.timeSlots.map((s) => ({ _id: newId(sim.state), dayOfWeek: s.dayOfWeek, time: s.time })),
		enableFuturePosts: Boolean(body.enableFuturePosts),
		prioritizeNewContent: Boolean(body.prioritizeNewContent),
		currentOrder: 0,
		status: 'draft',
		startDate: nowIso,
		skipDateTime: [],
		currentPostId: null,
		totalPosts: 0,
		lastScheduledTime: null,
		createdBy: body.userId,
		createdAt: nowIso,
		updatedAt: nowIso,
	};
	location.queues.push(queue);
	// Published posts of the category are added automatically, oldest first.
	const published = location.posts
		.filter((p) => p.categoryId === body.categoryId && p.status === 'published')
		.sort((a, b) => Date.parse(a.publishedAt || a.createdAt) - Date.parse(b.publishedAt || b.createdAt));
	for (const post of published) location.queueItems.push(makeItem(sim, location, queue, { postId: post._id }, post));
	renumber(itemsOf(location, queue._id));
	refreshQueue(sim, location, queue);
	return queue;
}

function makeItem(sim, location, queue, input, post) {
	const nowIso = sim.clock.nowIso();
	const content = input.variations?.[0]?.content ?? input.modifiedPostPayload?.summary ?? post?.summary ?? '';
	const variations = (input.variations && input.variations.length ? input.variations : [{ content }]).map((v) => ({
		_id: newId(sim.state),
		content: v.content ?? '',
		mentions: v.mentions || [],
		ogTags: v.ogTags || {},
	}));
	const media = input.modifiedPostPayload?.media || post?.media || [];
	const item = {
		_id: newId(sim.state),
		queueId: queue._id,
		locationId: location.id,
		order: 0,
		variations,
		primaryImage: input.primaryImage || (media[0] ? media[0].url : ''),
		postId: input.postId || '',
		parentPostId: input.parentPostId || input.postId || '',
		modifiedPostPayload: input.modifiedPostPayload ? clone(input.modifiedPostPayload) : undefined,
		errors: [],
		currentVariation: 0,
		isSkipped: false,
		lastScheduledTime: null,
		createdAt: nowIso,
		updatedAt: nowIso,
		deleted: false,
	};
	item.original = clone({ variations: item.variations, modifiedPostPayload: item.modifiedPostPayload, primaryImage: item.primaryImage });
	item.errors = itemErrors(location, item, post);
	return item;
}

function itemErrors(location, item, post) {
	const errors = [];
	const author = post ? post.createdBy : item.modifiedPostPayload?.userId;
	if (author && !location.users.some((u) => u.id === author)) errors.push('INVALID_USER_ID');
	const media = item.modifiedPostPayload?.media || post?.media || [];
	if (media.some((m) => /pixabay/i.test(m.url))) errors.push('PIXABAY_MEDIA');
	return errors;
}

function itemsOf(location, queueId) {
	return location.queueItems.filter((i) => i.queueId === queueId && !i.deleted).sort((a, b) => a.order - b.order);
}

function renumber(items) {
	items
		.sort((a, b) => a.order - b.order)
		.forEach((item, index) => {
			item.order = index;
		});
}

/** Moves `item` to `target` (number | 'top' | 'bottom') within `items`. */
function placeItem(items, item, target) {
	const others = items.filter((i) => i !== item).sort((a, b) => a.order - b.order);
	let index = others.length;
	if (target === 'top') index = 0;
	else if (typeof target === 'number') index = Math.max(0, Math.min(others.length, Math.floor(target)));
	others.splice(index, 0, item);
	others.forEach((i, n) => {
		i.order = n;
	});
}

/** Weekly slot occurrences (UTC) strictly after `fromMs`, in time order. */
function* occurrences(queue, fromMs) {
	const slots = [...queue.timeSlots].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.time.localeCompare(b.time));
	if (!slots.length) return;
	const start = new Date(fromMs);
	let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
	for (let guard = 0; guard < 3660; guard += 1, day += DAY) {
		const weekday = new Date(day).getUTCDay();
		for (const slot of slots) {
			if (slot.dayOfWeek !== weekday) continue;
			const [h, m] = slot.time.split(':').map(Number);
			const at = day + h * 3600000 + m * 60000;
			if (at > fromMs) yield at;
		}
	}
}

/**
 * The rotation from the queue's anchor (activation or last re-anchor): each slot occurrence with
 * the item it publishes, in time order. Slots up to now have already gone out, each taking the
 * next item; a skipped date keeps its item for the next slot. Paused and draft queues rotate from
 * now on (nothing of theirs has gone out).
 */
function* rotation(sim, queue, items) {
	const active = items.filter((i) => !i.isSkipped).sort((a, b) => a.order - b.order);
	if (!active.length) return;
	const nowMs = sim.clock.now();
	const anchorMs = queue.status === 'active' ? Math.min(Date.parse(queue.anchorAt || queue.startDate), nowMs) : nowMs;
	const skips = new Set((queue.skipDateTime || []).map((d) => Date.parse(d)));
	let cursor = active.findIndex((i) => i.order >= queue.currentOrder);
	if (cursor < 0) cursor = 0;
	for (const at of occurrences(queue, anchorMs)) {
		const item = active[cursor % active.length];
		const skipped = skips.has(at);
		yield { at, item, skipped, past: at <= nowMs };
		if (!skipped) cursor += 1;
	}
}

/** The upcoming schedule: `count` slots, items taken in rotation. */
function schedule(sim, queue, items, count) {
	const out = [];
	if (count <= 0) return out;
	for (const slot of rotation(sim, queue, items)) {
		if (out.length >= count) break;
		if (slot.past) continue;
		out.push({ itemId: slot.item._id, scheduledDateTime: new Date(slot.at).toISOString(), isSkipped: slot.skipped });
	}
	return out;
}

/**
 * A slot's time has come: the item becomes a real post of the location, scheduled at the slot's
 * time, which the post lifecycle then publishes (or fails) like any other. Source `recurring`.
 */
function publishSlot(sim, location, queue, item, atMs) {
	const view = itemPost(location, item);
	const post = buildPost(sim, location, {
		...view,
		categoryId: queue.categoryId,
		status: 'scheduled',
		scheduleDate: new Date(atMs).toISOString(),
		source: 'recurring',
		createdBy: view.createdBy || queue.createdBy,
	});
	post.createdAt = post.updatedAt = new Date(atMs).toISOString();
	location.posts.push(post);
	item.lastScheduledTime = post.scheduleDate;
	return post;
}

/**
 * Turns every slot of the active queues whose time has passed into a post (once per slot). Runs
 * before the post lifecycle on every request and clock move; a queue whose next slot has not come
 * yet costs one date compare.
 */
function advanceQueues(sim) {
	const nowMs = sim.clock.now();
	for (const location of sim.state.locations.values()) {
		for (const queue of location.queues) {
			if (queue.status !== 'active') continue;
			if (!queue.lastScheduledTime) refreshQueue(sim, location, queue);
			if (!queue.lastScheduledTime || Date.parse(queue.lastScheduledTime) > nowMs) continue;
			const after = Math.max(queue.publishedUntil ?? -Infinity, Date.parse(queue.anchorAt || queue.startDate));
			for (const slot of rotation(sim, queue, itemsOf(location, queue._id))) {
				if (!slot.past) break;
				if (slot.at > after && !slot.skipped) publishSlot(sim, location, queue, slot.item, slot.at);
			}
			queue.publishedUntil = nowMs;
			refreshQueue(sim, location, queue);
		}
	}
}

/** Pins the rotation at "now" (before the queue's config or items change). */
function reanchor(sim, location, queue) {
	if (queue.status === 'active') {
		const items = itemsOf(location, queue._id);
		const next = schedule(sim, queue, items, 1 + (queue.skipDateTime || []).length).find((s) => !s.isSkipped);
		const item = next && items.find((i) => i._id === next.itemId);
		if (item) queue.currentOrder = item.order;
	}
	queue.anchorAt = sim.clock.nowIso();
}

/** One slot per item (the next cycle); paused queues have no times. */
function slotsFor(sim, queue, items) {
	if (queue.status === 'paused') return items.map((i) => ({ itemId: i._id, scheduledDateTime: null, isSkipped: i.isSkipped }));
	const planned = schedule(sim, queue, items, items.length + (queue.skipDateTime || []).length).filter((s) => !s.isSkipped);
	const byItem = new Map(planned.map((s) => [s.itemId, s]));
	return items.map((i) => byItem.get(i._id) || { itemId: i._id, scheduledDateTime: null, isSkipped: i.isSkipped });
}

function refreshQueue(sim, location, queue) {
	const items = itemsOf(location, queue._id);
	queue.totalPosts = items.length;
	const next =
		queue.status === 'active' ? schedule(sim, queue, items, 1 + (queue.skipDateTime || []).length).find((s) => !s.isSkipped) : undefined;
	const item = next && items.find((i) => i._id === next.itemId);
	queue.currentPostId = item ? item.postId || item._id : null;
	queue.lastScheduledTime = next ? next.scheduledDateTime : null;
}

/** Slots whose time changed between two schedules. */
function changedSlots(before, after) {
	const old = new Map(before.map((s) => [s.itemId, s.scheduledDateTime]));
	return after.filter((s) => old.get(s.itemId) !== s.scheduledDateTime);
}

/** Starts an edit session on a queue (a staged copy of its items), or resumes the open one. */
function startSession(sim, location, queue) {
	const open = location.sessions.get(queue._id);
	if (open) return { session: open, resumed: true };
	const items = itemsOf(location, queue._id).map((i) => ({ ...clone(i), isDraft: false, originalItemId: i._id }));
	const session = { sessionId: newId(sim.state), queueId: queue._id, items, startedAt: sim.clock.nowIso() };
	location.sessions.set(queue._id, session);
	return { session, resumed: false };
}

function categoryInfo(location, categoryId) {
	const c = location.categories.find((x) => x._id === categoryId);
	if (!c) return undefined;
	const { _id, name, primaryColor, secondaryColor, deleted, locationId, createdBy, createdAt, updatedAt } = c;
	return { _id, name, primaryColor, secondaryColor, deleted, locationId, createdBy, createdAt, updatedAt };
}

function queueView(location, queue, withCategory) {
	const out = clone(queue);
	delete out.anchorAt;
	delete out.publishedUntil;
	if (withCategory) out.category = categoryInfo(location, queue.categoryId);
	return out;
}

/** The post an item would publish: its source post with the current variation applied. */
function itemPost(location, item) {
	const base = location.posts.find((p) => p._id === item.postId);
	const variation = item.variations[item.currentVariation] || item.variations[0];
	const post = base
		? formatPost(base, location, false)
		: {
				_id: item._id,
				source: 'recurring',
				locationId: location.id,
				error: '',
				type: item.modifiedPostPayload?.type || 'post',
				accountIds: item.modifiedPostPayload?.accountIds || [],
				media: item.modifiedPostPayload?.media || [],
				status: 'draft',
				createdAt: item.createdAt,
				updatedAt: item.updatedAt,
			};
	if (item.modifiedPostPayload) {
		for (const [k, v] of Object.entries(item.modifiedPostPayload)) if (k !== 'locationId' && k !== 'userId') post[k] = clone(v);
	}
	if (variation) post.summary = variation.content;
	return post;
}

function itemView(location, item, slot) {
	return {
		_id: item._id,
		order: item.order,
		variations: clone(item.variations),
		primaryImage: item.primaryImage,
		postId: item.postId,
		post: itemPost(location, item),
		errors: [...item.errors],
		scheduledDateTime: slot ? slot.scheduledDateTime : null,
		scheduledVariationIndex: item.currentVariation,
		isSkipped: item.isSkipped,
		currentVariation: item.currentVariation,
	};
}

function createdItemView(item) {
	const out = clone(item);
	delete out.original;
	delete out.isSkipped;
	delete out.isDraft;
	delete out.originalItemId;
	if (out.modifiedPostPayload === undefined) delete out.modifiedPostPayload;
	else out.modifiedPostPayload = { locationId: item.locationId, error: '', type: 'post', ...out.modifiedPostPayload };
	return out;
}

module.exports = {
	TIMEZONE,
	createQueue,
	makeItem,
	itemsOf,
	renumber,
	placeItem,
	schedule,
	advanceQueues,
	reanchor,
	slotsFor,
	refreshQueue,
	changedSlots,
	startSession,
	categoryInfo,
	queueView,
	itemPost,
	itemView,
	createdItemView,
};
