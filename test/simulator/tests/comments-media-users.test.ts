// Comments (v3), media upload and location users.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import axios, { type AxiosInstance } from 'axios';
import { startSimulator, type Simulator } from '../index';
import { apiClient, fileForm } from './client';
import { account, postsWith } from './fixtures';

let sim: Simulator;
let api: AxiosInstance;
const SP = '/social-media-posting';

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
	api = apiClient(sim);
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

describe('comments', () => {
	const list = (platform: string, body: Record<string, unknown>) =>
		api.post(`${SP}/comments/${platform}/list?locationId=${sim.locationId}`, body);

	test('lists by platform and originIds with meta', async () => {
		const fb = account(sim, 'facebook');
		const res = await list('facebook', { originIds: [fb.originId], sortBy: 'latest', skip: 0, limit: 2 });
		expect(res.status).toBe(201);
		const { comments, meta } = res.data.results;
		expect(comments).toHaveLength(2);
		expect(meta).toEqual({ total: 3, totalUnread: 2, skip: 0, limit: 2, hasMore: true });
		expect(Date.parse(comments[0].publishedAt)).toBeGreaterThanOrEqual(Date.parse(comments[1].publishedAt));
		expect((await list('instagram', { originIds: [fb.originId] })).data.results.meta.total).toBe(0);
	});

	test('search, date window and validation', async () => {
		const fb = account(sim, 'facebook');
		const searched = await list('facebook', { originIds: [fb.originId], search: 'grinder' });
		expect(searched.data.results.comments.map((c: { content: string }) => c.content)).toEqual(['What grinder do you use?']);
		expect((await list('facebook', { originIds: [fb.originId], fromDate: '2026-11-01T00:00:00Z' })).status).toBe(400);
		expect((await list('facebook', { originIds: [fb.originId], limit: 101 })).status).toBe(422);
		expect((await list('myspace', { originIds: [fb.originId] })).status).toBe(422);
		expect((await list('facebook', {})).status).toBe(422);
	});

	test('create on a published post, and reply to a comment', async () => {
		const fb = account(sim, 'facebook');
		const post = postsWith(sim, 'published').find((p) => p.accountIds.includes(fb.id));
		const created = await api.post(`${SP}/comments/facebook?locationId=${sim.locationId}`, {
			parentId: post?._id,
			isParentThread: true,
			content: 'Thanks!',
		});
		expect(created.status).toBe(201);
		expect(created.data.results).toMatchObject({ postId: post?._id, originId: fb.originId, content: 'Thanks!', level: 0, likeCount: 0 });
		const reply = await api.post(`${SP}/comments/facebook?locationId=${sim.locationId}`, {
			parentId: created.data.results._id,
			isParentThread: false,
			content: 'Reply',
		});
		expect(reply.data.results.level).toBe(1);
		const after = await list('facebook', { originIds: [fb.originId], search: 'Thanks!' });
		expect(after.data.results.comments[0].replyCount).toBe(1);
	});

	test('create validation: parentId length, attachments only on facebook, unknown parent', async () => {
		const url = (p: string) => `${SP}/comments/${p}?locationId=${sim.locationId}`;
		expect((await api.post(url('facebook'), { parentId: 'short', isParentThread: true, content: 'x' })).status).toBe(422);
		expect((await api.post(url('facebook'), { parentId: 'f'.repeat(24), isParentThread: true, content: 'x' })).status).toBe(404);
		const ig = postsWith(sim, 'published').find((p) => p.platform === 'instagram');
		expect(
			(
				await api.post(url('instagram'), {
					parentId: ig?._id,
					isParentThread: true,
					content: 'x',
					attachments: [{ url: 'https://x/a.png', type: 'image' }],
				})
			).status,
		).toBe(400);
	});

	test('like and unlike change the count; instagram cannot like', async () => {
		const fb = account(sim, 'facebook');
		const { data } = await list('facebook', { originIds: [fb.originId], search: 'grinder' });
		const comment = data.results.comments[0];
		const like = await api.post(`${SP}/comments/facebook/${comment._id}/like?locationId=${sim.locationId}`);
		expect(like.status).toBe(201);
		expect((await api.post(`${SP}/comments/facebook/${comment._id}/like?locationId=${sim.locationId}`)).status).toBe(400);
		const liked = await list('facebook', { originIds: [fb.originId], search: 'grinder' });
		expect(liked.data.results.comments[0].likeCount).toBe(comment.likeCount + 1);
		const unlike = await api.delete(`${SP}/comments/facebook/${comment._id}/like?locationId=${sim.locationId}`);
		expect(unlike.status).toBe(200);
		const igComment = (await list('instagram', { originIds: [account(sim, 'instagram').originId] })).data.results.comments[0];
		expect((await api.post(`${SP}/comments/instagram/${igComment._id}/like?locationId=${sim.locationId}`)).status).toBe(400);
	});
});

describe('media upload', () => {
	test('stores the file and serves it at the returned URL', async () => {
		const res = await api.post('/medias/upload-file', fileForm('file', 'GIF89a-bytes', 'pic.gif', 'image/gif'));
		expect(res.status).toBe(200);
		expect(res.data.fileId).toMatch(/^[0-9a-f]{24}$/);
		expect(res.data.url.startsWith(sim.url)).toBe(true);
		const served = await axios.get(res.data.url, { responseType: 'text', validateStatus: () => true });
		expect(served.status).toBe(200);
		expect(served.data).toBe('GIF89a-bytes');
		expect(String(served.headers['content-type'])).toContain('image/gif');
	});

	test('hosted uploads keep the given URL; a missing file is 400; medias.write is required', async () => {
		const form = new FormData();
		form.append('hosted', 'true');
		form.append('fileUrl', 'https://cdn.example.com/hosted.png');
		const hosted = await api.post('/medias/upload-file', form);
		expect(hosted.data.url).toBe('https://cdn.example.com/hosted.png');
		expect((await api.post('/medias/upload-file', new FormData())).status).toBe(400);
		sim.control.setScopes(sim.token, ['socialplanner/post.write']);
		expect((await api.post('/medias/upload-file', fileForm('file', 'x', 'a.png', 'image/png'))).status).toBe(403);
	});
});

describe('users', () => {
	test('lists the location users', async () => {
		const res = await api.get('/users/', { params: { locationId: sim.locationId } });
		expect(res.status).toBe(200);
		expect(res.data.users.length).toBeGreaterThanOrEqual(3);
		expect(res.data.users[0]).toMatchObject({ id: sim.userId, firstName: 'Avery', lastName: 'Stone' });
		expect((await api.get('/users/')).status).toBe(422);
	});
});
