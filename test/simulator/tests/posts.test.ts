// Posts: CRUD shapes, validation, list filters and pagination, bulk delete, lifecycle on the clock.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient } from './client';
import { account, locationOf, postsWith } from './fixtures';
import type { AxiosInstance } from 'axios';

const NOW = '2026-11-28T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const HOUR = 3600000;
let sim: Simulator;
let api: AxiosInstance;
let base: string;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: NOW });
	api = apiClient(sim);
	base = `/social-media-posting/${sim.locationId}`;
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

function draft(extra: Record<string, unknown> = {}) {
	return { accountIds: [account(sim, 'facebook').id], type: 'post', userId: sim.userId, summary: 'Hello', ...extra };
}

async function list(body: Record<string, unknown>) {
	return api.post(`${base}/posts/list`, {
		skip: '0',
		limit: '100',
		fromDate: at(-60 * 24 * HOUR),
		toDate: at(60 * 24 * HOUR),
		includeUsers: 'false',
		...body,
	});
}

describe('create, get, edit, delete', () => {
	test('create answers 201 with results.post; GET returns the same post', async () => {
		const created = await api.post(`${base}/posts`, draft({ status: 'scheduled', scheduleDate: at(HOUR) }));
		expect(created.status).toBe(201);
		const post = created.data.results.post;
		expect(post).toMatchObject({
			status: 'scheduled',
			summary: 'Hello',
			locationId: sim.locationId,
			type: 'post',
			error: '',
			platform: 'facebook',
		});
		expect(post._id).toMatch(/^[0-9a-f]{24}$/);
		const got = await api.get(`${base}/posts/${post._id}`);
		expect(got.status).toBe(200);
		expect(got.data.results.post).toEqual(post);
	});

	test('PUT replaces the post and returns no post', async () => {
		const { data } = await api.post(`${base}/posts`, draft({ status: 'draft' }));
		const id = data.results.post._id;
		const put = await api.put(`${base}/posts/${id}`, draft({ status: 'draft', summary: 'Changed' }));
		expect(put.status).toBe(200);
		expect(put.data).toMatchObject({ success: true, statusCode: 200 });
		expect(put.data.results).toBeUndefined();
		const got = await api.get(`${base}/posts/${id}`);
		expect(got.data.results.post.summary).toBe('Changed');
	});

	test('PUT needs the full object (userId, accountIds, type)', async () => {
		const { data } = await api.post(`${base}/posts`, draft({ status: 'draft' }));
		const put = await api.put(`${base}/posts/${data.results.post._id}`, { summary: 'partial' });
		expect(put.status).toBe(422);
		expect(put.data.message).toEqual(
			expect.arrayContaining([
				'accountIds should not be null or undefined',
				'userId should not be null or undefined',
				'type should not be null or undefined',
			]),
		);
	});

	test('a published post cannot be edited', async () => {
		const published = postsWith(sim, 'published')[0];
		const put = await api.put(`${base}/posts/${published._id}`, draft());
		expect(put.status).toBe(400);
	});

	test('DELETE returns results.postId and the post disappears from "all"', async () => {
		const { data } = await api.post(`${base}/posts`, draft({ status: 'draft' }));
		const id = data.results.post._id;
		const del = await api.delete(`${base}/posts/${id}`);
		expect(del.status).toBe(200);
		expect(del.data.results.postId).toBe(id);
		const all = await list({ type: 'all' });
		expect(all.data.results.posts.map((p: { _id: string }) => p._id)).not.toContain(id);
		const deleted = await list({ type: 'deleted' });
		expect(deleted.data.results.posts.map((p: { _id: string }) => p._id)).toContain(id);
		expect((await api.delete(`${base}/posts/${id}`)).status).toBe(404);
	});

	test('the first video’s thumbnail becomes the post’s cover; once published it is on the post only', async () => {
		const video = { url: 'https://x/v.mp4', type: 'video/mp4', thumbnail: 'https://x/cover.jpg' };
		const created = await api.post(`${base}/posts`, draft({ status: 'scheduled', scheduleDate: at(HOUR), media: [video] }));
		expect(created.data.results.post).toMatchObject({ thumbnail: 'https://x/cover.jpg', media: [video] });
		const generated = await api.post(
			`${base}/posts`,
			draft({ status: 'scheduled', scheduleDate: at(HOUR), media: [{ url: 'https://x/w.mp4', type: 'video/mp4' }] }),
		);
		expect(generated.data.results.post.thumbnail).toBe('https://x/w.mp4.cover.jpg');

		sim.control.advanceClock(2 * HOUR);
		const published = (await api.get(`${base}/posts/${created.data.results.post._id}`)).data.results.post;
		expect(published).toMatchObject({
			status: 'published',
			thumbnail: 'https://x/cover.jpg',
			media: [{ url: 'https://x/v.mp4', type: 'video/mp4' }],
		});
		expect(published.media[0].thumbnail).toBeUndefined();
	});

	test('an unknown post id is 404', async () => {
		const res = await api.get(`${base}/posts/${'a'.repeat(24)}`);
		expect(res.status).toBe(404);
		expect(res.data).toMatchObject({ statusCode: 404, message: 'Post not found' });
	});
});

describe('validation', () => {
	test.each([
		['userId missing', { userId: undefined }, 'userId should not be null or undefined'],
		['type not an enum value', { type: 'tweet' }, 'type must be one of the following values: post, story, reel'],
		[
			'media type not a MIME type',
			{ media: [{ url: 'https://x/y.jpg', type: 'image' }] },
			'media.0.type must be one of the following values',
		],
		['unknown account id', { accountIds: ['nope'] }, 'Invalid account id in accountIds list'],
		['scheduled without scheduleDate', { status: 'scheduled' }, 'scheduleDate is required when status is scheduled'],
		[
			'in_review without scheduleDate',
			{ status: 'in_review', postApprovalDetails: { approver: 'x' } },
			'scheduleDate is required when status is in_review',
		],
		['unknown property', { colour: 'blue' }, 'property colour should not exist'],
		['an unknown user', { userId: 'someone-else' }, 'userId must be a valid user of this location'],
		[
			'LinkedIn details without pdfTitle',
			{ linkedinPostDetails: { postAsPdf: false } },
			'linkedinPostDetails.pdfTitle should not be null or undefined',
		],
		[
			'a Google event without title',
			{ gmbPostDetails: { gmbEventType: 'EVENT', startDate: {}, endDate: {} } },
			'gmbPostDetails.title is required for EVENT posts',
		],
		[
			'a Google offer without coupon',
			{
				gmbPostDetails: { gmbEventType: 'OFFER', offerTitle: 'x', startDate: {}, endDate: {}, termsConditions: 't', redeemOnlineUrl: 'r' },
			},
			'gmbPostDetails.couponCode is required for OFFER posts',
		],
		[
			'a Google button without URL',
			{ gmbPostDetails: { gmbEventType: 'STANDARD', actionType: 'book' } },
			'gmbPostDetails.url is required for actionType book',
		],
	])('%s is 422', async (_label, patch, message) => {
		const body: Record<string, unknown> = { ...draft(), ...patch };
		for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
		const res = await api.post(`${base}/posts`, body);
		expect(res.status).toBe(422);
		expect(res.data.error).toBe('Unprocessable Entity');
		expect(Array.isArray(res.data.message)).toBe(true);
		expect(res.data.message.join('|')).toContain(message);
	});

	test('a draft may have no accounts yet', async () => {
		const res = await api.post(`${base}/posts`, draft({ status: 'draft', accountIds: [] }));
		expect(res.status).toBe(201);
	});

	test('posts/list wants skip/limit/includeUsers as strings and the date window', async () => {
		const res = await api.post(`${base}/posts/list`, { skip: 0, limit: 10, includeUsers: true });
		expect(res.status).toBe(422);
		expect(res.data.message).toEqual(
			expect.arrayContaining([
				'skip must be a string',
				'limit must be a string',
				'fromDate should not be null or undefined',
				'toDate should not be null or undefined',
			]),
		);
	});
});

describe('posts/list', () => {
	test('answers 201 with posts and the total count; pages do not overlap', async () => {
		const all = await list({ type: 'all' });
		expect(all.status).toBe(201);
		const total = all.data.results.count;
		expect(total).toBe(all.data.results.posts.length);
		expect(total).toBeGreaterThan(5);
		const first = await list({ type: 'all', skip: '0', limit: '4' });
		const second = await list({ type: 'all', skip: '4', limit: '4' });
		expect(first.data.results.posts).toHaveLength(4);
		expect(first.data.results.count).toBe(total);
		const ids = (r: typeof first) => r.data.results.posts.map((p: { _id: string }) => p._id);
		expect(ids(second).some((id: string) => ids(first).includes(id))).toBe(false);
		const beyond = await list({ type: 'all', skip: String(total), limit: '4' });
		expect(beyond.data.results.posts).toEqual([]);
	});

	test.each(['draft', 'scheduled', 'failed', 'published', 'in_review', 'pending', 'in_progress', 'deleted'])(
		'type=%s returns only that status',
		async (type) => {
			const res = await list({ type });
			const statuses = new Set(res.data.results.posts.map((p: { status: string }) => p.status));
			expect([...statuses]).toEqual([type]);
		},
	);

	test('accounts filters by comma-separated account ids', async () => {
		const ig = account(sim, 'instagram').id;
		const li = account(sim, 'linkedin').id;
		const res = await list({ accounts: `${ig},${li}` });
		expect(res.data.results.count).toBeGreaterThan(0);
		for (const p of res.data.results.posts) expect(p.accountIds.some((id: string) => id === ig || id === li)).toBe(true);
	});

	test('fromDate/toDate bound the display date', async () => {
		const res = await list({ fromDate: at(0), toDate: at(26 * HOUR) });
		expect(res.data.results.count).toBeGreaterThan(0);
		for (const p of res.data.results.posts) {
			expect(Date.parse(p.displayDate)).toBeGreaterThanOrEqual(Date.parse(NOW));
			expect(Date.parse(p.displayDate)).toBeLessThanOrEqual(Date.parse(at(26 * HOUR)));
		}
	});

	test('postType filters post/story/reel', async () => {
		const res = await list({ postType: 'story' });
		expect(res.data.results.count).toBeGreaterThan(0);
		for (const p of res.data.results.posts) expect(p.type).toBe('story');
	});

	test('includeUsers adds the author', async () => {
		const without = await list({ type: 'draft' });
		const withUsers = await list({ type: 'draft', includeUsers: 'true' });
		expect(without.data.results.posts[0].user).toBeUndefined();
		expect(withUsers.data.results.posts[0].user).toMatchObject({ id: sim.userId, firstName: 'Avery' });
	});
});

describe('bulk delete', () => {
	test('deletes up to 50 ids, answers 201 with deletedCount', async () => {
		const ids = postsWith(sim, 'draft').map((p) => p._id);
		const res = await api.post(`${base}/posts/bulk-delete`, { postIds: [...ids, 'unknown-id'] });
		expect(res.status).toBe(201);
		expect(res.data.results.deletedCount).toBe(ids.length);
		expect(postsWith(sim, 'draft')).toHaveLength(0);
	});

	test('more than 50 ids is 400 and deletes nothing', async () => {
		const ids = postsWith(sim, 'scheduled').map((p) => p._id);
		const padded = [...ids, ...Array.from({ length: 51 - ids.length }, (_, i) => `x${i}`)];
		const res = await api.post(`${base}/posts/bulk-delete`, { postIds: padded });
		expect(res.status).toBe(400);
		expect(postsWith(sim, 'scheduled').length).toBe(ids.length);
	});

	test('no matching post is 404', async () => {
		const res = await api.post(`${base}/posts/bulk-delete`, { postIds: ['nothing'] });
		expect(res.status).toBe(404);
	});
});

describe('lifecycle on the clock', () => {
	async function statusOf(id: string) {
		return (await api.get(`${base}/posts/${id}`)).data.results.post;
	}

	test('scheduled → in_progress → published with publishedAt, postId and a new updatedAt', async () => {
		const { data } = await api.post(`${base}/posts`, draft({ status: 'scheduled', scheduleDate: at(HOUR) }));
		const id = data.results.post._id;
		expect((await statusOf(id)).status).toBe('scheduled');
		sim.control.advanceClock(HOUR + 1000);
		expect((await statusOf(id)).status).toBe('in_progress');
		sim.control.advanceClock(60000);
		const post = await statusOf(id);
		expect(post.status).toBe('published');
		expect(post.publishedAt).toBe(at(HOUR + 30000));
		expect(post.postId).toMatch(/^\d+_\d+$/);
		expect(post.updatedAt).toBe(post.publishedAt);
		expect(post.error).toBe('');
	});

	test('an expired account makes the post fail with an error', async () => {
		const tiktok = account(sim, 'tiktok');
		expect(tiktok.isExpired).toBe(true);
		const { data } = await api.post(
			`${base}/posts`,
			draft({ accountIds: [tiktok.id], media: [{ url: 'https://x/v.mp4', type: 'video/mp4' }], scheduleDate: at(HOUR) }),
		);
		sim.control.advanceClock(2 * HOUR);
		const post = await statusOf(data.results.post._id);
		expect(post.status).toBe('failed');
		expect(post.error).toMatch(/expired/);
	});

	test('Instagram without media fails; with media it publishes', async () => {
		const ig = account(sim, 'instagram').id;
		const bare = await api.post(`${base}/posts`, draft({ accountIds: [ig], scheduleDate: at(HOUR) }));
		const withMedia = await api.post(
			`${base}/posts`,
			draft({ accountIds: [ig], scheduleDate: at(HOUR), media: [{ url: 'https://x/a.jpg', type: 'image/jpeg' }] }),
		);
		sim.control.setClock(at(3 * HOUR));
		expect((await statusOf(bare.data.results.post._id)).error).toBe('Media is required to publish on instagram');
		expect((await statusOf(withMedia.data.results.post._id)).status).toBe('published');
	});

	test('an Instagram video goes in_progress → pending (container processing) → published', async () => {
		const ig = account(sim, 'instagram').id;
		const { data } = await api.post(
			`${base}/posts`,
			draft({ accountIds: [ig], type: 'reel', scheduleDate: at(HOUR), media: [{ url: 'https://x/r.mp4', type: 'video/mp4' }] }),
		);
		const id = data.results.post._id;
		sim.control.setClock(at(HOUR + 1000));
		expect((await statusOf(id)).status).toBe('in_progress');
		sim.control.setClock(at(HOUR + 31000));
		expect((await statusOf(id)).status).toBe('pending');
		sim.control.setClock(at(HOUR + 61000));
		expect((await statusOf(id)).status).toBe('published');
	});

	test('in_review waits for approval; an approved edit puts it back on schedule', async () => {
		const review = {
			status: 'in_review',
			scheduleDate: at(HOUR),
			postApprovalDetails: { approver: sim.userId, approvalStatus: 'pending' },
		};
		const { data } = await api.post(`${base}/posts`, draft(review));
		const id = data.results.post._id;
		sim.control.advanceClock(2 * HOUR);
		expect((await statusOf(id)).status).toBe('in_review');
		await api.put(
			`${base}/posts/${id}`,
			draft({ ...review, scheduleDate: at(3 * HOUR), postApprovalDetails: { approver: sim.userId, approvalStatus: 'approved' } }),
		);
		expect((await statusOf(id)).status).toBe('scheduled');
		sim.control.advanceClock(2 * HOUR);
		expect((await statusOf(id)).status).toBe('published');
	});

	test('drafts never publish', async () => {
		const { data } = await api.post(`${base}/posts`, draft({ status: 'draft', scheduleDate: at(HOUR) }));
		sim.control.advanceClock(48 * HOUR);
		expect((await statusOf(data.results.post._id)).status).toBe('draft');
	});

	test('no status and no scheduleDate means "post now"', async () => {
		const { data } = await api.post(`${base}/posts`, draft());
		expect(data.results.post.status).toBe('in_progress');
		sim.control.advanceClock(31000);
		expect((await statusOf(data.results.post._id)).status).toBe('published');
	});

	test('the seeded posts move on too: everything due is finished, nothing else moved', async () => {
		const moving = ['scheduled', 'in_progress', 'pending'];
		const target = 2 * HOUR + 61000;
		const due = (locationOf(sim).posts as Array<{ _id: string; status: string; scheduleDate?: string }>)
			.filter((p) => moving.includes(p.status) && p.scheduleDate && Date.parse(p.scheduleDate) + 60000 <= Date.parse(NOW) + target)
			.map((p) => p._id);
		expect(due.length).toBeGreaterThanOrEqual(3); // the in_progress, the pending and the Instagram post in 2 h
		sim.control.advanceClock(target);
		for (const id of due) expect(['published', 'failed']).toContain((await statusOf(id)).status);
		const stillScheduled = await list({ type: 'scheduled' });
		expect(stillScheduled.data.results.count).toBeGreaterThan(0);
		for (const p of stillScheduled.data.results.posts) expect(Date.parse(p.displayDate)).toBeGreaterThan(Date.parse(NOW) + target);
	});
});
