// CSV import: real parsing of the upload, error codes, set-accounts, review, finalize, deletes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startSimulator, type Simulator } from '../index';
import { apiClient, fileForm } from './client';
import { account, BASIC_CSV_HEADER, locationOf } from './fixtures';
import { itWithSpec, specProblems } from '../../helpers/spec-check';
import type { AxiosInstance } from 'axios';

let sim: Simulator;
let api: AxiosInstance;
let base: string;

const rows = [
	'2026-12-01 10:00:00,"Winter menu, now with ""oat nog""",https://example.com/menu,https://cdn.example.com/a.jpg,,',
	'2026-12-02 11:30:00,Second row,,,,https://cdn.example.com/v.mp4',
	'not-a-date,Broken row,,,,',
];
const csv = (lines: string[]) => `${BASIC_CSV_HEADER}\n${lines.join('\n')}\n`;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample', now: '2026-11-28T12:00:00.000Z' });
	api = apiClient(sim);
	base = `/social-media-posting/${sim.locationId}`;
});
beforeEach(() => sim.control.reset());
afterAll(async () => {
	await sim.stop();
});

async function upload(text: string, name = 'posts.csv') {
	return api.post(`${base}/csv`, fileForm('file', text, name));
}

async function importRows(lines = rows) {
	const up = await upload(csv(lines));
	const r = up.data.results;
	const set = await api.post(`${base}/set-accounts`, {
		accountIds: [account(sim, 'facebook').id],
		filePath: r.filePath,
		rowsCount: r.rowsCount,
		fileName: r.fileName,
		userId: sim.userId,
	});
	expect(set.status).toBe(201);
	return set.data.results.csvId as string;
}

describe('upload', () => {
	test('parses the file: rows, size, type', async () => {
		const text = csv(rows);
		const res = await upload(text);
		expect(res.status).toBe(201);
		expect(res.data.results).toMatchObject({
			rowsCount: 3,
			fileName: 'posts.csv',
			fileSize: Buffer.byteLength(text),
			csvFileType: 'basic',
		});
	});

	test.each([
		['empty file', '', 'posts.csv', 'CSV_EMPTY_FILE'],
		['wrong extension', 'a,b\n', 'posts.txt', 'CSV_UNSUPPORTED_EXTENSION'],
		['header only', `${BASIC_CSV_HEADER}\n`, 'posts.csv', 'CSV_MISSING_REQUIRED_ROWS'],
		['extra column', `${BASIC_CSV_HEADER},colour\n2026-12-01 10:00:00,x,,,,,red\n`, 'posts.csv', 'CSV_HEADERS_NOT_MATCHING'],
		['only invalid rows', csv(['bad,row,,,,']), 'posts.csv', 'CSV_NO_VALID_POST'],
		['broken quoting', `${BASIC_CSV_HEADER}\n"unterminated,x,,,,\n`, 'posts.csv', 'CSV_INVALID_FORMAT'],
	])('%s is 400 %s', async (_label, text, name, code) => {
		const res = await upload(text, name);
		expect(res.status).toBe(400);
		expect(res.data.code).toBe(code);
	});

	test('missing headers are listed', async () => {
		const res = await upload('content,imageUrls\nhello,\n');
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ code: 'CSV_MISSING_HEADERS', fileType: 'CSV' });
		expect(res.data.missingHeaders).toBe('postAtSpecificTime (YYYY-MM-DD HH:mm:ss), link (OGmetaUrl)');
	});

	test('no file is the NestJS "File is required" 400', async () => {
		const form = new FormData();
		form.append('other', 'x');
		const res = await api.post(`${base}/csv`, form);
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ status: 400, message: 'File is required', name: 'BadRequestException' });
	});
});

describe('set-accounts, review, finalize', () => {
	test('review shows accepted and rejected rows with the parsed content', async () => {
		const csvId = await importRows();
		const res = await api.get(`${base}/csv/${csvId}`);
		expect(res.status).toBe(200);
		const { csv: imported, posts, count } = res.data.results;
		expect(imported).toMatchObject({ status: 'pending', count: 3, fileName: 'posts.csv' });
		expect(count).toBe(3);
		expect(posts[0]).toMatchObject({
			summary: 'Winter menu, now with "oat nog"',
			scheduleDate: '2026-12-01T10:00:00.000Z',
			status: 'pending',
			medias: [{ url: 'https://cdn.example.com/a.jpg', type: 'image/jpeg' }],
		});
		expect(posts[1].medias[0].type).toBe('video/mp4');
		expect(posts[2]).toMatchObject({ status: 'rejected' });
		expect(posts[2].errorMessage).toMatch(/postAtSpecificTime/);
		const page = await api.get(`${base}/csv/${csvId}`, { params: { skip: '1', limit: '1' } });
		expect(page.data.results.posts).toHaveLength(1);
		expect(page.data.results.posts[0].summary).toBe('Second row');
	});

	test('finalize creates scheduled posts (source csv) for valid rows', async () => {
		const csvId = await importRows();
		const before = locationOf(sim).posts.length;
		const res = await api.patch(`${base}/csv/${csvId}`, { userId: sim.userId });
		expect(res.status).toBe(200);
		expect(res.data.message).toBe('Updated Successfully');
		const created = (locationOf(sim).posts as Array<Record<string, unknown>>).slice(before);
		expect(created).toHaveLength(2);
		expect(created.map((p) => [p.source, p.status, p.scheduleDate])).toEqual([
			['csv', 'scheduled', '2026-12-01T10:00:00.000Z'],
			['csv', 'scheduled', '2026-12-02T11:30:00.000Z'],
		]);
		expect((await api.patch(`${base}/csv/${csvId}`, { userId: sim.userId })).status).toBe(400);
		const list = await api.get(`${base}/csv`, { params: { userId: sim.userId } });
		expect(list.data.results.csvs.find((c: { id: string }) => c.id === csvId).status).toBe('completed');
	});

	test('set-accounts validates accounts, user and rowsCount', async () => {
		const up = (await upload(csv(rows))).data.results;
		const body = { accountIds: ['nope'], filePath: up.filePath, rowsCount: 1, fileName: up.fileName, userId: sim.userId };
		const bad = await api.post(`${base}/set-accounts`, body);
		expect(bad.status).toBe(422);
		expect(bad.data.message).toContain('Invalid account id in accountIds list');
		const tooMany = await api.post(`${base}/set-accounts`, { ...body, accountIds: [account(sim, 'facebook').id], rowsCount: 9 });
		expect(tooMany.status).toBe(400);
		const noUser = await api.post(`${base}/set-accounts`, { ...body, userId: undefined });
		expect(noUser.status).toBe(422);
		expect(noUser.data.message).toContain('userId should not be null or undefined');
	});

	test('GET csv requires userId (v3) and paginates', async () => {
		expect((await api.get(`${base}/csv`)).status).toBe(422);
		await importRows();
		await importRows();
		const all = await api.get(`${base}/csv`, { params: { userId: sim.userId } });
		expect(all.data.results.count).toBe(3);
		const one = await api.get(`${base}/csv`, { params: { userId: sim.userId, skip: '2', limit: '5' } });
		expect(one.data.results.csvs).toHaveLength(1);
	});

	test('a row and a whole import can be deleted', async () => {
		const csvId = await importRows();
		const { data } = await api.get(`${base}/csv/${csvId}`);
		const rowId = data.results.posts[0]._id;
		const del = await api.delete(`${base}/csv/${csvId}/post/${rowId}`);
		expect(del.status).toBe(200);
		expect(del.data.results).toMatchObject({ postId: rowId, csv: { _id: csvId } });
		expect((await api.get(`${base}/csv/${csvId}`)).data.results.count).toBe(2);
		const gone = await api.delete(`${base}/csv/${csvId}`);
		expect(gone.status).toBe(200);
		expect(gone.data.results.csv.status).toBe('deleted');
		expect((await api.get(`${base}/csv/${csvId}`)).status).toBe(404);
	});

	test('csv.readonly cannot upload', async () => {
		sim.control.setScopes(sim.token, ['socialplanner/csv.readonly']);
		expect((await upload(csv(rows))).status).toBe(403);
		expect((await api.get(`${base}/csv`, { params: { userId: sim.userId } })).status).toBe(200);
	});
});

describe('rows checked per network once the accounts are set', () => {
	test('what a network refuses rejects that row only, on the media it concerns', async () => {
		const up = (
			await upload(
				csv([
					'2030-06-01 10:00:00,Text only,,,,',
					'2030-06-02 10:00:00,A GIF,,,https://cdn.example.com/b.gif,',
					'2030-06-03 10:00:00,A photo,,https://cdn.example.com/a.jpg,,',
					`2030-06-04 10:00:00,${'x'.repeat(281)},,https://cdn.example.com/a.jpg,,`,
				]),
			)
		).data.results;
		const accountIds = [account(sim, 'instagram').id, account(sim, 'facebook').id];
		const set = await api.post(`${base}/set-accounts`, {
			accountIds,
			filePath: up.filePath,
			rowsCount: up.rowsCount,
			fileName: up.fileName,
			userId: sim.userId,
		});
		const { posts } = (await api.get(`${base}/csv/${set.data.results.csvId}`)).data.results;
		expect(posts.map((p: { status: string; errorMessage: string }) => [p.status, p.errorMessage])).toEqual([
			['rejected', 'Instagram: media is required'],
			['rejected', 'Instagram: Instagram does not accept GIFs'],
			['pending', ''],
			['pending', ''],
		]);
		expect(posts[1].medias[0]).toMatchObject({ url: 'https://cdn.example.com/b.gif', instagramError: 'Instagram does not accept GIFs' });
		const before = locationOf(sim).posts.length;
		await api.patch(`${base}/csv/${set.data.results.csvId}`, { userId: sim.userId });
		expect((locationOf(sim).posts as Array<{ summary: string }>).slice(before).map((p) => p.summary)).toEqual(['A photo', 'x'.repeat(281)]);
	});

	itWithSpec('the upload logs its form, which the spec check validates', async () => {
		await upload(csv(rows));
		const [logged] = sim.control.requests().slice(-1);
		expect(logged.body).toEqual({ multipart: { file: '[file posts.csv]' } });
		expect(specProblems(logged)).toEqual([]);
		expect(specProblems({ ...logged, body: { multipart: { upload: '[file posts.csv]' } } })).toEqual([
			"POST /social-media-posting/{locationId}/csv:  must have required form field 'file'",
			"POST /social-media-posting/{locationId}/csv:  form field 'upload' is not documented",
		]);
	});
});
