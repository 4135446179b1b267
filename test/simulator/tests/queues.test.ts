// Category queues: creation, time slots → schedules, items, edit sessions, calendars.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { category, locationOf } from './fixtures';
import type { AxiosInstance } from 'axios';

// Saturday 28 Nov 2026, 12:00 UTC.
const NOW = '2026-11-28T12:00:00.000Z';
const Q = '/social-media-posting/category/queues';
let sim: Simulator;
let api: AxiosInstance;
let queueId: string;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: NOW });
	api = apiClient(sim);
});
beforeEach(async () => {
	sim.control.reset();
	const { data } = await api.post(`${Q}/list`, { locationId: sim.locationId });
	queueId = data.results.queues[0]._id;
});
afterAll(async () => {
	await sim.stop();
});

const body = (extra: Record<string, unknown> = {}) => ({ locationId: sim.locationId, ...extra });
const items = async (extra: Record<string, unknown> = {}) => (await api.post(`${Q}/${queueId}/items`, body(extra))).data.results;
const slots = async (extra: Record<string, unknown> = {}) => (await api.post(`${Q}/${queueId}/slots`, body(extra))).data.results;

describe('queues', () => {
	test('create: a draft queue with the published posts of the category already in it', async () => {
		const promos = category(sim, 'Promotions');
		// Publish a Promotions post first so it is auto-added.
		const scheduled = (locationOf(sim).posts as Array<{ categoryId?: string; _id: string }>).find((p) => p.categoryId === promos._id);
		sim.control.advanceClock(25 * 3600000);
		const res = await api.post(Q, body({ categoryId: promos._id, timeSlots: [{ dayOfWeek: 2, time: '10:00' }], userId: sim.userId }));
		expect(res.status).toBe(201);
		const queue = res.data.results.queue;
		expect(res.data.results.message).toEqual(expect.any(String));
		expect(queue).toMatchObject({
			status: 'draft',
			categoryId: promos._id,
			totalPosts: 1,
			enableFuturePosts: false,
			prioritizeNewContent: false,
			createdBy: sim.userId,
		});
		const created = await api.post(`${Q}/${queue._id}/items`, body());
		expect(created.data.results.items[0].postId).toBe(scheduled?._id);
		const again = await api.post(Q, body({ categoryId: promos._id, timeSlots: [{ dayOfWeek: 2, time: '10:00' }], userId: sim.userId }));
		expect(again.status).toBe(400);
	});

	test('create validation: HH:mm, dayOfWeek 0..6, category must exist', async () => {
		const id = category(sim, 'Behind the scenes')._id;
		const bad = await api.post(Q, body({ categoryId: id, timeSlots: [{ dayOfWeek: 7, time: '25:00' }], userId: sim.userId }));
		expect(bad.status).toBe(422);
		expect((await api.post(Q, body({ categoryId: id, timeSlots: [{ dayOfWeek: 1, time: '9am' }], userId: sim.userId }))).status).toBe(422);
		expect((await api.post(Q, body({ categoryId: 'x', timeSlots: [{ dayOfWeek: 1, time: '09:00' }], userId: sim.userId }))).status).toBe(
			404,
		);
	});

	test('list and get wrap the payload in results.message; meta.count is a string', async () => {
		const list = await api.post(`${Q}/list`, body({ skip: 0, limit: 5 }));
		expect(list.status).toBe(201);
		expect(list.data.results.meta.count).toBe('1');
		expect(list.data.results.queues[0].category.name).toBe('Coffee tips');
		const one = await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } });
		expect(one.data.results.queue).toMatchObject({ _id: queueId, status: 'active' });
		expect((await api.get(`${Q}/${'0'.repeat(24)}`, { params: { locationId: sim.locationId } })).status).toBe(404);
	});

	test('available categories report queue status', async () => {
		const res = await api.get(`${Q}/available-categories`, { params: { locationId: sim.locationId } });
		const byName = Object.fromEntries(res.data.results.categories.map((c: { name: string; status: string }) => [c.name, c.status]));
		expect(byName).toEqual({ 'Coffee tips': 'in_queue', Promotions: 'available', 'Behind the scenes': 'available' });
		expect(res.data.results.meta.count).toBe('3');
	});
});

describe('time slots produce schedules', () => {
	test('slots fall on the configured weekdays and times, in order, after now', async () => {
		const r = await slots();
		expect(r.total).toBe(2);
		expect(r.timezone).toBe('UTC');
		const times = r.slots.map((s: { scheduledDateTime: string }) => s.scheduledDateTime);
		// Mon 09:00, Wed 09:00, Fri 15:30 → next after Sat 28 Nov 12:00 are Mon 30 Nov and Wed 2 Dec.
		expect(times).toEqual(['2026-11-30T09:00:00.000Z', '2026-12-02T09:00:00.000Z']);
	});

	test('changing the time slots changes the schedule; pausing removes the times', async () => {
		await api.put(`${Q}/${queueId}`, body({ timeSlots: [{ dayOfWeek: 0, time: '18:45' }] }));
		expect((await slots()).slots.map((s: { scheduledDateTime: string }) => s.scheduledDateTime)).toEqual([
			'2026-11-29T18:45:00.000Z',
			'2026-12-06T18:45:00.000Z',
		]);
		const paused = await api.put(`${Q}/${queueId}`, body({ status: 'paused' }));
		expect(paused.data.results.message).toBe('Queue paused successfully.');
		expect((await slots()).slots.every((s: { scheduledDateTime: string | null }) => s.scheduledDateTime === null)).toBe(true);
	});

	test('a skipped date moves the item to the next slot', async () => {
		await api.put(`${Q}/${queueId}`, body({ skipDateTime: '2026-11-30T09:00:00.000Z' }));
		expect((await slots()).slots.map((s: { scheduledDateTime: string }) => s.scheduledDateTime)).toEqual([
			'2026-12-02T09:00:00.000Z',
			'2026-12-04T15:30:00.000Z',
		]);
	});

	test('the calendar lists queue posts inside the range, rotating items', async () => {
		const res = await api.post(`${Q}/list/calendar`, body({ startDate: NOW, endDate: '2026-12-07T23:59:59.000Z' }));
		expect(res.status).toBe(201);
		const posts = res.data.results.scheduledPosts;
		expect(posts.map((p: { scheduledDateTime: string }) => p.scheduledDateTime)).toEqual([
			'2026-11-30T09:00:00.000Z',
			'2026-12-02T09:00:00.000Z',
			'2026-12-04T15:30:00.000Z',
			'2026-12-07T09:00:00.000Z',
		]);
		expect(posts[0].queueItemId).toBe(posts[2].queueItemId);
		expect(posts[0].queueItemId).not.toBe(posts[1].queueItemId);
		expect(res.data.results.total).toBe(4);
		expect((await api.post(`${Q}/list/calendar`, body({ startDate: '2026-12-07T00:00:00Z', endDate: NOW }))).status).toBe(400);
	});

	test('as slots pass, the rotation moves on to the next item', async () => {
		const before = (await slots()).slots;
		// Mon 30 Nov 09:00 published the first item; Wed's slot now belongs to the second item.
		sim.control.setClock('2026-12-01T00:00:00.000Z');
		const after = (await slots()).slots;
		const wednesday = after.find((s: { scheduledDateTime: string }) => s.scheduledDateTime === '2026-12-02T09:00:00.000Z');
		expect(wednesday.itemId).toBe(before[1].itemId);
		const friday = after.find((s: { scheduledDateTime: string }) => s.scheduledDateTime === '2026-12-04T15:30:00.000Z');
		expect(friday.itemId).toBe(before[0].itemId);
		const queue = (await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } })).data.results.queue;
		expect(queue.lastScheduledTime).toBe('2026-12-02T09:00:00.000Z');
	});

	test('a slot whose time passes publishes its item as a real post (scheduled, then published by the lifecycle)', async () => {
		const before = (await slots()).slots;
		const postsBefore = locationOf(sim).posts.length;
		// Mon 30 Nov 09:00 and Wed 2 Dec 09:00 pass in one jump: one post each, items in rotation.
		sim.control.setClock('2026-12-02T09:00:10.000Z');
		type Made = { _id: string; source: string; status: string; scheduleDate: string; categoryId: string; summary: string };
		const made = (locationOf(sim).posts as Made[]).slice(postsBefore);
		expect(made.map((p) => [p.scheduleDate, p.status, p.source])).toEqual([
			['2026-11-30T09:00:00.000Z', 'published', 'recurring'],
			['2026-12-02T09:00:00.000Z', 'in_progress', 'recurring'],
		]);
		const items = (await api.post(`${Q}/${queueId}/items`, body())).data.results.items as Array<{
			_id: string;
			variations: Array<{ content: string }>;
		}>;
		const contentOf = (itemId: string) => items.find((i) => i._id === itemId)?.variations[0].content;
		expect(made.map((p) => p.summary)).toEqual([contentOf(before[0].itemId), contentOf(before[1].itemId)]);
		expect(made.every((p) => p.categoryId === category(sim, 'Coffee tips')._id)).toBe(true);
		// Through the posts API too, and once only: asking again makes no second post for a slot.
		sim.control.advanceClock(31_000);
		const listed = await api.post(`/social-media-posting/${sim.locationId}/posts/list`, {
			skip: '0',
			limit: '50',
			fromDate: NOW,
			toDate: '2026-12-03T00:00:00.000Z',
			type: 'published',
			includeUsers: 'false',
		});
		expect(listed.data.results.posts.map((p: { _id: string }) => p._id)).toEqual(expect.arrayContaining(made.map((p) => p._id)));
		expect(locationOf(sim).posts.length).toBe(postsBefore + 2);
	});

	test('a paused or skipped slot makes no post', async () => {
		const postsBefore = locationOf(sim).posts.length;
		await api.put(`${Q}/${queueId}`, body({ skipDateTime: '2026-11-30T09:00:00.000Z' }));
		sim.control.setClock('2026-12-01T00:00:00.000Z');
		expect(locationOf(sim).posts.length).toBe(postsBefore);
		await api.put(`${Q}/${queueId}`, body({ status: 'paused' }));
		sim.control.setClock('2026-12-10T00:00:00.000Z');
		expect(locationOf(sim).posts.length).toBe(postsBefore);
	});

	test('a paused queue does not rotate while paused', async () => {
		const before = (await slots()).slots;
		await api.put(`${Q}/${queueId}`, body({ status: 'paused' }));
		sim.control.setClock('2026-12-10T00:00:00.000Z');
		await api.put(`${Q}/${queueId}`, body({ status: 'active' }));
		const after = (await slots()).slots;
		expect(after[0]).toMatchObject({ itemId: before[0].itemId, scheduledDateTime: '2026-12-11T15:30:00.000Z' });
	});

	test('deleting the active post schedules the next item', async () => {
		const before = (await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } })).data.results.queue;
		const res = await api.delete(`${Q}/${before.currentPostId}/active-post`, { params: { locationId: sim.locationId } });
		expect(res.status).toBe(200);
		const after = (await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } })).data.results.queue;
		expect(after.currentPostId).not.toBe(before.currentPostId);
		expect((await api.delete(`${Q}/${before.currentPostId}/active-post`, { params: { locationId: sim.locationId } })).status).toBe(404);
	});
});

describe('items', () => {
	test('direct-to-queue items go to the bottom (or top with prioritizeNewContent)', async () => {
		const add = (content: string) => api.post(`${Q}/${queueId}/create/item`, body({ directToQueue: true, variations: [{ content }] }));
		expect((await add('bottom one')).status).toBe(201);
		await api.put(`${Q}/${queueId}`, body({ prioritizeNewContent: true }));
		await add('top one');
		const list = (await items()).items.map((i: { variations: Array<{ content: string }> }) => i.variations[0].content);
		expect(list[0]).toBe('top one');
		expect(list[list.length - 1]).toBe('bottom one');
	});

	test('reorder with newOrder reports the slots that moved', async () => {
		const [first, second] = (await items()).items;
		const res = await api.put(`${Q}/${queueId}/items/${second._id}`, body({ newOrder: 'top' }));
		expect(res.status).toBe(200);
		expect(res.data.results.totalPostsChanged).toBe(2);
		expect((await items()).items.map((i: { _id: string }) => i._id)).toEqual([second._id, first._id]);
	});

	test('edit variations, then reset restores the original', async () => {
		const [first] = (await items()).items;
		await api.put(`${Q}/${queueId}/items/${first._id}`, body({ variations: [{ content: 'changed' }] }));
		expect((await items()).items[0].variations[0].content).toBe('changed');
		const reset = await api.put(`${Q}/${queueId}/items/${first._id}/reset`, body());
		expect(reset.data.results.queueItem.variations[0].content).toBe(first.variations[0].content);
	});

	test('delete removes the item; pagination meta counts the rest', async () => {
		const [first] = (await items()).items;
		const res = await api.delete(`${Q}/${queueId}/items/${first._id}`, { params: { locationId: sim.locationId } });
		expect(res.status).toBe(200);
		const after = await items({ skip: 0, limit: 1 });
		expect(after.meta).toEqual({ count: '1', skip: 0, limit: 1 });
	});

	test('without a session and without directToQueue, creating an item is 400', async () => {
		expect((await api.post(`${Q}/${queueId}/create/item`, body({ variations: [{ content: 'x' }] }))).status).toBe(400);
	});
});

describe('edit sessions stage changes until save or discard', () => {
	async function start() {
		const res = await api.post(`${Q}/${queueId}/edit/start`, body());
		expect(res.status).toBe(201);
		return res.data.results as { sessionId: string; itemCount: number };
	}

	test('start resumes an open session', async () => {
		const a = await start();
		const b = await start();
		expect(b.sessionId).toBe(a.sessionId);
		expect(a.itemCount).toBe(2);
	});

	test('staged items are invisible to the live queue until save', async () => {
		const { sessionId } = await start();
		const created = await api.post(`${Q}/${queueId}/create/item`, body({ sessionId, order: 0, variations: [{ content: 'staged' }] }));
		expect(created.status).toBe(201);
		expect((await items()).items).toHaveLength(2);
		const staged = await items({ sessionId });
		expect(staged.items).toHaveLength(3);
		expect(staged.items[0].variations[0].content).toBe('staged');
		const calendar = await api.post(
			`${Q}/${queueId}/edit/calendar`,
			body({ sessionId, startDate: NOW, endDate: '2026-12-03T00:00:00.000Z' }),
		);
		expect(calendar.data.results.scheduledPosts[0]).toMatchObject({ isDraft: true, originalItemId: null });
		const saved = await api.post(`${Q}/${queueId}/edit/save`, body({ sessionId }));
		expect(saved.status).toBe(200);
		expect(saved.data.results.totalPostsChanged).toBeGreaterThan(0);
		expect((await items()).items.map((i: { variations: Array<{ content: string }> }) => i.variations[0].content)[0]).toBe('staged');
		expect((await api.post(`${Q}/${queueId}/edit/save`, body({ sessionId }))).status).toBe(400);
	});

	test('discard drops staged changes', async () => {
		const { sessionId } = await start();
		const [first] = (await items({ sessionId })).items;
		await api.delete(`${Q}/${queueId}/items/${first._id}`, { params: { locationId: sim.locationId, sessionId } });
		expect((await items({ sessionId })).items).toHaveLength(1);
		expect((await api.post(`${Q}/${queueId}/edit/discard`, body({ sessionId }))).status).toBe(200);
		expect((await items()).items).toHaveLength(2);
		const gone = await api.post(`${Q}/${queueId}/items`, body({ sessionId }));
		expect(gone.status).toBe(400);
	});

	test('clone needs an active session', async () => {
		const [first] = (await items()).items;
		expect((await api.post(`${Q}/${queueId}/items/${first._id}/clone`, body({ sessionId: 'nope', order: 0 }))).status).toBe(400);
		const { sessionId } = await start();
		const cloned = await api.post(`${Q}/${queueId}/items/${first._id}/clone`, body({ sessionId, order: 1 }));
		expect(cloned.status).toBe(201);
		expect(cloned.data.results.queueItem._id).not.toBe(first._id);
		expect((await items({ sessionId })).items).toHaveLength(3);
	});

	test('saving a draft queue activates it unless keepInDraft', async () => {
		const id = category(sim, 'Behind the scenes')._id;
		const { data } = await api.post(Q, body({ categoryId: id, timeSlots: [{ dayOfWeek: 1, time: '08:00' }], userId: sim.userId }));
		queueId = data.results.queue._id;
		const kept = await start();
		await api.post(`${Q}/${queueId}/edit/save`, body({ sessionId: kept.sessionId, keepInDraft: true }));
		expect((await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } })).data.results.queue.status).toBe('draft');
		const activated = await start();
		await api.post(`${Q}/${queueId}/edit/save`, body({ sessionId: activated.sessionId }));
		expect((await api.get(`${Q}/${queueId}`, { params: { locationId: sim.locationId } })).data.results.queue.status).toBe('active');
	});
});

describe('queue scopes', () => {
	test('category.readonly reads but cannot write', async () => {
		sim.control.setScopes(sim.token, ['socialplanner/category.readonly']);
		expect((await api.post(`${Q}/list`, body())).status).toBe(201);
		expect((await api.post(`${Q}/${queueId}/edit/start`, body())).status).toBe(403);
	});
});
