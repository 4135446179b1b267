import { afterAll, describe, expect, it } from '@jest/globals';
import type { IBinaryData, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions } from '../harness/n8n';
import { loadSpecs } from '../helpers/reference';
import { printFigures } from '../helpers/report';
import { itWithSpec } from '../helpers/spec-check';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';
import type { LoggedRequest } from '../simulator';

// A 1×1 PNG, and a few bytes standing in for a video.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const specs = loadSpecs();

function binary(data: Buffer, mimeType: string, fileName: string): IBinaryData {
	return { data: data.toString('base64'), mimeType, fileName, fileSize: String(data.length) };
}

const itemWith = (files: Record<string, IBinaryData>, json: IDataObject = {}): INodeExecutionData => ({ json, binary: files });

describeWithSimulator('Media → Upload and media from binary fields in Post Create / Update', (sim) => {
	const figures: Record<string, number> = {};
	afterAll(() => printFigures('Media uploads', figures));

	const location = () => locationOf(sim());
	const run = async (parameters: INodeParameters, options: Partial<RunNodeOptions> = {}) =>
		await runNode({ parameters, credentials: tokenCredentials(sim()), ...options });
	const logFrom = () => {
		const from = sim().control.requests().length;
		return () => sim().control.requests().slice(from);
	};
	const uploads = (log: LoggedRequest[]) => log.filter((request) => request.path === '/medias/upload-file');
	const account = (platform: string) =>
		location().accounts.find((candidate: IDataObject) => candidate.platform === platform && !candidate.isExpired);
	/** The bytes the simulator serves at an uploaded file's link (what a network would fetch). */
	const fetchBytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

	// Upload forms the tests sent, checked against medias.json by the last test (skipped whole without it).
	const uploadForms: IDataObject[] = [];

	/** The form of an upload: multipart, with `file` or `hosted` + `fileUrl` (its fields are checked against the spec last). */
	function formProblems(request: LoggedRequest): string[] {
		const problems: string[] = [];
		if (!String(request.headers['content-type']).startsWith('multipart/form-data; boundary='))
			problems.push(`content-type ${String(request.headers['content-type'])}`);
		const form = request.body as IDataObject;
		uploadForms.push(form);
		if (!form.file && !(form.hosted === 'true' && form.fileUrl)) problems.push('neither file nor hosted + fileUrl');
		return problems;
	}

	describe('Media → Upload', () => {
		it('uploads a binary field as multipart (field `file`) and outputs { fileId, url, type }; the link serves the file', async () => {
			const log = logFrom();
			const { items, error } = await run(
				{ resource: 'media', operation: 'upload', mediaBinaryField: 'photo', mediaOptions: { name: 'latte.png' } },
				{ inputItems: [itemWith({ photo: binary(PNG, 'image/png', 'IMG_0001.png') })] },
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([
				{ fileId: expect.any(String), url: expect.stringContaining('/latte.png'), type: 'image/png' },
			]);
			const [request] = uploads(log());
			expect(request.body).toEqual({ name: 'latte.png', file: { filename: 'IMG_0001.png', mimetype: 'image/png', size: PNG.length } });
			expect(formProblems(request)).toEqual([]);
			expect(request.headers.version).toBe('2021-07-28');
			expect(await fetchBytes(String(items[0].json.url))).toEqual(PNG);
		});

		it('has the media library fetch a URL (hosted: true, fileUrl)', async () => {
			const log = logFrom();
			const { items, error } = await run({
				resource: 'media',
				operation: 'upload',
				uploadSource: 'url',
				fileUrl: 'https://cdn.example.com/media/beans.jpg',
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ fileId: expect.any(String), url: 'https://cdn.example.com/media/beans.jpg', type: 'image/jpeg' });
			const [request] = uploads(log());
			expect(request.body).toEqual({ hosted: 'true', fileUrl: 'https://cdn.example.com/media/beans.jpg' });
			expect(formProblems(request)).toEqual([]);
		});

		it('bad input stops with an error naming the field, nothing sent', async () => {
			const log = logFrom();
			const cases: Array<[INodeParameters, INodeExecutionData[] | undefined, RegExp]> = [
				[
					{ mediaBinaryField: 'photo' },
					[itemWith({ data: binary(PNG, 'image/png', 'a.png') })],
					/^Input Binary Field: input item 1 has no binary field "photo"/,
				],
				[{ mediaBinaryField: 'data' }, undefined, /^Input Binary Field: input item 1 has no binary field "data"/],
				[
					{ mediaBinaryField: 'data' },
					[itemWith({ data: binary(Buffer.alloc(0), 'image/png', 'empty.png') })],
					/^Input Binary Field: the file "empty.png" is empty/,
				],
				[{ uploadSource: 'url', fileUrl: 'cdn.example.com/a.jpg' }, undefined, /^File URL: "cdn.example.com\/a.jpg" is not a link/],
			];
			for (const [parameters, inputItems, message] of cases) {
				const { error } = await run({ resource: 'media', operation: 'upload', ...parameters }, { inputItems });
				expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(message) });
			}
			expect(log()).toEqual([]);
			figures['Media → Upload: bad inputs refused, nothing sent'] = cases.length;
		});

		it('the API’s error is shown as it is (no medias.write scope)', async () => {
			sim().control.setScopes(sim().token, ['socialplanner/post.readonly']);
			const { error } = await run(
				{ resource: 'media', operation: 'upload' },
				{ inputItems: [itemWith({ data: binary(PNG, 'image/png', 'a.png') })] },
			);
			expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '403' });
		});
	});

	describe('Post Create and Update with media from binary fields', () => {
		it('uploads the binary first and posts its link with the binary’s type; the same file in one run is sent once', async () => {
			const instagram = account('instagram');
			const log = logFrom();
			const inputItems = ['Monday', 'Tuesday'].map((day) => itemWith({ data: binary(PNG, 'image/png', 'latte.png') }, { day }));
			const { items, error } = await run(
				{
					resource: 'post',
					operation: 'create',
					accountIds: [instagram.id],
					summary: '={{ "Latte art " + $json.day }}',
					status: 'draft',
					media: { items: [{ source: 'binary', binaryPropertyName: 'data', options: { altText: 'A latte' } }] },
					simple: false,
				},
				{ inputItems },
			);
			expect(error).toBeUndefined();
			const sent = uploads(log());
			expect(sent).toHaveLength(1);
			const posts = items.map((item) => location().posts.find((post: IDataObject) => post._id === item.json._id));
			expect(posts.map((post) => post.summary)).toEqual(['Latte art Monday', 'Latte art Tuesday']);
			const [url] = posts.map((post) => post.media[0].url);
			expect(posts.map((post) => post.media[0])).toEqual(
				[0, 1].map(() => expect.objectContaining({ url, type: 'image/png', altText: 'A latte' })),
			);
			expect(await fetchBytes(url)).toEqual(PNG);
			// The upload comes before the post, and nothing else was sent twice.
			expect(log().map((request) => `${request.method} ${request.path.replace(/^\/social-media-posting\/[^/]+/, '')}`)).toEqual([
				'GET /accounts',
				'POST /medias/upload-file',
				'POST /posts',
				'POST /posts',
			]);
			figures['Post Create: items with the same binary'] = 2;
			figures['Post Create: uploads sent for them'] = sent.length;
		});

		it('Update replaces the media with an uploaded video (MIME type from the binary, e.g. video/quicktime as video/mov)', async () => {
			const youtube = account('youtube');
			const [post] = sim().control.seed({
				posts: [
					{
						status: 'draft',
						accountIds: [youtube.id],
						summary: 'Pour-over',
						media: [{ url: 'https://cdn.example.com/media/pour-over.mp4', type: 'video/mp4' }],
					},
				],
			}).posts as IDataObject[];
			const log = logFrom();
			const { error } = await run(
				{
					resource: 'post',
					operation: 'update',
					postId: { __rl: true, mode: 'id', value: String(post._id) },
					updateFields: { media: { items: [{ source: 'binary', binaryPropertyName: 'clip' }] } },
				},
				{ inputItems: [itemWith({ clip: binary(MP4, 'video/quicktime', 'pour-over.mov') })] },
			);
			expect(error).toBeUndefined();
			const stored = location().posts.find((candidate: IDataObject) => candidate._id === post._id);
			expect(stored.media).toEqual([expect.objectContaining({ url: expect.stringContaining('/__sim/media/'), type: 'video/mov' })]);
			expect(await fetchBytes(stored.media[0].url)).toEqual(MP4);
			expect(uploads(log())).toHaveLength(1);
		});

		it('Source decides: Binary File uploads (a URL left in the row is not sent), URL posts the link; a row saved before Source existed with only an Input Binary Field still uploads', async () => {
			const facebook = account('facebook');
			const photo = 'https://cdn.example.com/media/latte.jpg';
			const rows: Array<[string, INodeParameters, 'upload' | 'link']> = [
				['Binary File', { source: 'binary', binaryPropertyName: 'data', url: photo }, 'upload'],
				['URL', { source: 'url', url: photo, binaryPropertyName: 'data' }, 'link'],
				['saved before Source', { binaryPropertyName: 'data' }, 'upload'],
			];
			for (const [label, row, expected] of rows) {
				const log = logFrom();
				const { items, error } = await run(
					{
						resource: 'post',
						operation: 'create',
						accountIds: [facebook!.id],
						summary: label,
						status: 'draft',
						media: { items: [row] },
						simple: false,
					},
					{ inputItems: [itemWith({ data: binary(PNG, 'image/png', 'a.png') })] },
				);
				expect(error).toBeUndefined();
				const stored = location().posts.find((post: IDataObject) => post._id === items[0].json._id);
				expect({ label, uploads: uploads(log()).length, url: stored.media[0].url === photo ? 'link' : 'upload' }).toEqual({
					label,
					uploads: expected === 'upload' ? 1 : 0,
					url: expected,
				});
			}
			figures['Post Create: media rows by Source (Binary File, URL, saved before Source)'] = rows.length;
		});

		it('bad binary media stop with an error naming the field, nothing sent', async () => {
			const facebook = account('facebook');
			const create = (media: INodeParameters[]): INodeParameters => ({
				resource: 'post',
				operation: 'create',
				accountIds: [facebook.id],
				summary: 'Hi',
				status: 'draft',
				media: { items: media },
			});
			const pdf = itemWith({ data: binary(Buffer.from('%PDF-1.4'), 'application/pdf', 'menu.pdf') });
			const png = itemWith({ data: binary(PNG, 'image/png', 'a.png') });
			const cases: Array<[INodeParameters, INodeExecutionData, RegExp]> = [
				[
					create([{ source: 'binary', binaryPropertyName: 'photo' }]),
					png,
					/^Media → Input Binary Field: input item 1 has no binary field "photo"/,
				],
				[
					create([{ source: 'binary', binaryPropertyName: 'data' }]),
					pdf,
					/^Media → Input Binary Field: the file "menu.pdf" is application\/pdf, which social posts cannot take/,
				],
				[
					create([{ binaryPropertyName: 'data' }]),
					itemWith({ data: binary(Buffer.alloc(0), 'image/png', 'empty.png') }),
					/^Media → Input Binary Field: the file "empty.png" is empty/,
				],
				[
					create([{ source: 'binary' }]),
					png,
					/^Media → Input Binary Field: required when Source is Binary File, missing in the media item; give the name of the input item’s binary field/,
				],
				// The post itself is wrong (a date in the past): refused before the file is uploaded.
				[
					{ ...create([{ binaryPropertyName: 'data' }]), status: 'scheduled', scheduleDate: '2001-01-01T10:00:00', timezone: 'UTC' },
					png,
					/^Schedule Date: .* is in the past/,
				],
				[
					{
						resource: 'post',
						operation: 'update',
						postId: { __rl: true, mode: 'id', value: String(location().posts[0]._id) },
						updateFields: { media: { items: [{ binaryPropertyName: 'data' }] } },
					},
					pdf,
					/^Media → Input Binary Field: the file "menu.pdf" is application\/pdf/,
				],
			];
			for (const [parameters, item, message] of cases) {
				const log = logFrom();
				const { error } = await run(parameters, { inputItems: [item] });
				expect(error).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(message) });
				expect(log().filter((request) => request.method !== 'GET')).toEqual([]);
			}
			figures['Post Create/Update: bad binary media refused, nothing written'] = cases.length;
		});
	});

	itWithSpec('every upload form the tests sent has only fields medias.json documents', () => {
		const schema = specs!['medias.json'].paths['/medias/upload-file'].post.requestBody.content['multipart/form-data'].schema;
		expect(uploadForms.length).toBeGreaterThan(0);
		expect(uploadForms.flatMap((form) => Object.keys(form).filter((field) => !(field in schema.properties)))).toEqual([]);
	});
});
