'use strict';
// CSV bulk import: upload (multipart, parsed with csv-parse), set-accounts, list/get, finalize
// (creates real posts), delete an import or one of its rows.

const { parse } = require('csv-parse/sync');
const { api, envelope, page } = require('../route');
const { obj, str, arr, num, oneOfStr, locationParams } = require('../schemas');
const { ApiError, badRequest, notFound, unprocessable, nestBadRequest } = require('../errors');
const { newId } = require('../state');
const { buildPost } = require('../posts-model');

const MEDIA_REQUIRED = ['instagram', 'tiktok', 'tiktok-business', 'youtube', 'pinterest'];
const VIDEO_REQUIRED = ['tiktok', 'tiktok-business', 'youtube'];

/** Headers of HighLevel's basic CSV template; the first three are required. */
const REQUIRED_HEADERS = ['postAtSpecificTime (YYYY-MM-DD HH:mm:ss)', 'content', 'link (OGmetaUrl)'];
const OPTIONAL_HEADERS = ['imageUrls', 'gifUrl', 'videoUrls'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function csvError(code, message, extra) {
	return new ApiError(400, message, { code, fileType: 'CSV', csvFileType: 'basic', ...extra });
}

function mediaType(url) {
	if (/\.(mp4)$/i.test(url)) return 'video/mp4';
	if (/\.(mov)$/i.test(url)) return 'video/mov';
	if (/\.(webm)$/i.test(url)) return 'video/webm';
	if (/\.(png)$/i.test(url)) return 'image/png';
	if (/\.(gif)$/i.test(url)) return 'image/gif';
	return 'image/jpeg';
}

/** One CSV row as a CSVPost (rejected with errorMessage when the row is unusable). */
function rowToPost(sim, row) {
	const when = String(row[REQUIRED_HEADERS[0]] || '').trim();
	const content = String(row.content || '').trim();
	const link = String(row['link (OGmetaUrl)'] || '').trim();
	const urls = ['imageUrls', 'gifUrl', 'videoUrls'].flatMap((h) =>
		String(row[h] || '')
			.split(',')
			.map((u) => u.trim())
			.filter(Boolean),
	);
	const medias = urls.map((url) => ({ url, type: mediaType(url) }));
	const m = DATE_RE.exec(when);
	let errorMessage = '';
	let scheduleDate = '';
	if (!m) errorMessage = 'postAtSpecificTime must be in the format YYYY-MM-DD HH:mm:ss';
	else {
		scheduleDate = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString();
		if (Date.parse(scheduleDate) <= sim.clock.now()) errorMessage = 'postAtSpecificTime must be in the future';
	}
	if (!errorMessage && !content && !medias.length) errorMessage = 'content or media is required';
	return {
		_id: newId(sim.state),
		accountIds: [],
		link: link ? { url: link, ogTitle: '', ogDescription: '', ogUrl: link, ogSiteName: '' } : undefined,
		medias,
		scheduleDate,
		summary: content,
		followUpComment: '',
		type: 'post',
		errorMessage,
		csvFileType: 'basic',
		mediaOptimization: false,
		applyWatermark: false,
		status: errorMessage ? 'rejected' : 'pending',
		updatedAt: sim.clock.nowIso(),
	};
}

const NETWORK_NAMES = {
	facebook: 'Facebook',
	instagram: 'Instagram',
	linkedin: 'LinkedIn',
	google: 'Google Business Profile',
	tiktok: 'TikTok',
	'tiktok-business': 'TikTok Business',
	youtube: 'YouTube',
	pinterest: 'Pinterest',
	twitter: 'X (Twitter)',
	threads: 'Threads',
	bluesky: 'Bluesky',
};
/** CSVMediaResponseSchema's per-network error key, for the networks that have one. */
const MEDIA_ERROR_KEY = {
	facebook: 'facebookError',
	instagram: 'instagramError',
	linkedin: 'linkedinError',
	google: 'gmbError',
	tiktok: 'tiktokError',
	'tiktok-business': 'tiktokBusinessError',
	twitter: 'twitterError',
};
const TEXT_LIMITS = {
	twitter: 280,
	bluesky: 300,
	threads: 500,
	google: 1500,
	pinterest: 500,
	instagram: 2200,
	tiktok: 2200,
	linkedin: 3000,
};

/**
 * A parsed row checked against the accounts it is set to (the live API does this once the
 * accounts are known): what each network refuses goes on the media it concerns (per-network
 * error keys) or in the row's errorMessage; a row with any error is rejected, the others stay.
 */
function checkRowForAccounts(row, accounts) {
	if (row.status !== 'pending') return row;
	const problems = [];
	const medias = row.medias.map((m) => ({ ...m }));
	const hasVideo = medias.some((m) => /^video\//.test(m.type));
	for (const platform of [...new Set(accounts.map((a) => a.platform))]) {
		const name = NETWORK_NAMES[platform] || platform;
		if (MEDIA_REQUIRED.includes(platform) && medias.length === 0) problems.push(`${name}: media is required`);
		else if (VIDEO_REQUIRED.includes(platform) && !hasVideo) problems.push(`${name}: a video is required`);
		if (TEXT_LIMITS[platform] && [...row.summary].length > TEXT_LIMITS[platform])
			problems.push(`${name}: the text is longer than ${TEXT_LIMITS[platform]} characters`);
		const key = MEDIA_ERROR_KEY[platform];
		for (const media of medias) {
			let error = '';
			if (platform === 'instagram' && media.type === 'image/gif') error = 'Instagram does not accept GIFs';
			if (platform === 'google' && /^video\//.test(media.type)) error = 'Google Business Profile does not accept videos';
			if (error && key) media[key] = error;
			if (error) problems.push(`${name}: ${error}`);
		}
	}
	if (!problems.length) return { ...row, medias };
	return { ...row, medias, status: 'rejected', errorMessage: problems.join('; ') };
}

function parseUpload(sim, file) {
	if (!/\.csv$/i.test(file.filename || '')) {
		throw csvError('CSV_UNSUPPORTED_EXTENSION', 'Only .csv files are supported', {
			fileType: /\.xlsx$/i.test(file.filename || '') ? 'XLSX' : 'CSV',
		});
	}
	const text = file.data.toString('utf8').replace(/^\uFEFF/, '');
	if (!text.trim()) throw csvError('CSV_EMPTY_FILE', 'The uploaded file is empty');
	let records;
	try {
		records = parse(text, {
			columns: (header) => header.map((h) => h.trim()),
			skip_empty_lines: true,
			relax_column_count: false,
			trim: false,
		});
	} catch (error) {
		throw csvError('CSV_INVALID_FORMAT', `The file is not a valid CSV: ${error.message}`);
	}
	const headerLine = parse(text, { to_line: 1 })[0] || [];
	const headers = headerLine.map((h) => h.trim());
	const missing = REQUIRED_HEADERS.filter((h) => !headers.includes(h));
	if (missing.length) {
		throw csvError('CSV_MISSING_HEADERS', 'CSV headers are not identical to sample file.', { missingHeaders: missing.join(', ') });
	}
	const unknown = headers.filter((h) => !REQUIRED_HEADERS.includes(h) && !OPTIONAL_HEADERS.includes(h));
	if (unknown.length)
		throw csvError('CSV_HEADERS_NOT_MATCHING', `CSV headers are not identical to sample file. Unknown: ${unknown.join(', ')}`);
	if (!records.length) throw csvError('CSV_MISSING_REQUIRED_ROWS', 'The file has no post rows');
	const posts = records.map((row) => rowToPost(sim, row));
	if (!posts.some((p) => p.status === 'pending')) {
		throw csvError('CSV_NO_VALID_POST', `No valid post found in the file: ${posts[0].errorMessage}`);
	}
	return posts;
}

/** CSVImportSchema documents `id` but requires `_id`: both are sent. */
function csvView(csv) {
	const { posts, ...rest } = csv;
	return { _id: csv.id, ...rest };
}

function findCsv(location, id) {
	const csv = location.csvs.find((c) => c.id === id && c.status !== 'deleted');
	if (!csv) throw notFound('CSV not found');
	return csv;
}

function register(app, sim) {
	const loc = (req) => sim.state.locations.get(req.params.locationId);
	const BASE = '/social-media-posting/:locationId';
	const idParams = obj({ locationId: str(), id: str() }, ['locationId', 'id']);

	api(
		app,
		'POST',
		`${BASE}/csv`,
		{ scope: 'socialplanner/csv.write', location: 'params', schema: { params: locationParams } },
		async (req, reply) => {
			if (!req.isMultipart()) throw nestBadRequest('File is required');
			let file;
			const parts = {};
			for await (const part of req.parts()) {
				if (part.type === 'file' && part.fieldname === 'file') file = { filename: part.filename, data: await part.toBuffer() };
				else if (part.type === 'file') await part.toBuffer();
				parts[part.fieldname] = part.type === 'file' ? `[file ${part.filename}]` : part.value;
			}
			// The form's fields, so the spec check can validate them (UploadCSVDTO).
			req.logEntry.body = { multipart: parts };
			if (!file) throw nestBadRequest('File is required');
			const posts = parseUpload(sim, file);
			const location = loc(req);
			const filePath = `https://storage.example.com/social-planner/${location.id}/csv/${newId(sim.state)}-${file.filename}`;
			location.csvUploads.set(filePath, { fileName: file.filename, posts, size: file.data.length });
			reply.code(201);
			return envelope(201, 'File uploaded', {
				filePath,
				rowsCount: posts.length,
				fileName: file.filename,
				fileSize: file.data.length,
				csvFileType: 'basic',
			});
		},
	);

	api(
		app,
		'GET',
		`${BASE}/csv`,
		{
			scope: 'socialplanner/csv.readonly',
			location: 'params',
			schema: {
				params: locationParams,
				querystring: obj({ skip: str(), limit: str(), includeUsers: str(), isFromTemplate: str(), userId: str() }, ['userId']),
			},
		},
		async (req) => {
			const csvs = loc(req).csvs.filter((c) => c.status !== 'deleted');
			const { slice } = page(req.query.skip, req.query.limit, 10);
			return envelope(200, 'Fetched CSVs', { csvs: slice(csvs).map(csvView), count: csvs.length });
		},
	);

	api(
		app,
		'POST',
		`${BASE}/set-accounts`,
		{
			scope: 'socialplanner/csv.write',
			location: 'params',
			schema: {
				params: locationParams,
				body: obj(
					{
						accountIds: arr(str()),
						filePath: str(),
						rowsCount: num(),
						fileName: str(),
						approver: str(),
						userId: str(),
						csvFileType: oneOfStr(['basic', 'advance']),
					},
					['accountIds', 'filePath', 'rowsCount', 'fileName', 'userId'],
				),
			},
		},
		async (req, reply) => {
			const location = loc(req);
			const body = req.body;
			const errors = [];
			if (!body.accountIds.length) errors.push('accountIds should not be empty');
			if (body.accountIds.some((id) => !location.accounts.some((a) => a.id === id))) errors.push('Invalid account id in accountIds list');
			if (!location.users.some((u) => u.id === body.userId)) errors.push('userId must be a valid user of this location');
			if (errors.length) throw unprocessable(errors);
			const upload = location.csvUploads.get(body.filePath);
			if (!upload) throw badRequest('Invalid filePath: upload the file first');
			if (body.rowsCount < 1 || body.rowsCount > upload.posts.length) {
				throw badRequest(`rowsCount must be between 1 and ${upload.posts.length}`);
			}
			const accounts = body.accountIds.map((id) => location.accounts.find((a) => a.id === id));
			const nowIso = sim.clock.nowIso();
			const csv = {
				id: newId(sim.state),
				locationId: location.id,
				fileName: body.fileName,
				accountIds: [...body.accountIds],
				file: body.filePath,
				status: 'pending',
				count: body.rowsCount,
				createdBy: body.userId,
				traceId: req.traceId,
				originId: '',
				approver: body.approver || '',
				createdAt: nowIso,
				csvFileType: body.csvFileType || 'basic',
				mediaOptimization: false,
				applyWatermark: false,
				channel: 'social_planner',
				updatedAt: nowIso,
				posts: upload.posts
					.slice(0, body.rowsCount)
					.map((p) => checkRowForAccounts({ ...p, _id: newId(sim.state), accountIds: [...body.accountIds] }, accounts)),
			};
			location.csvs.unshift(csv);
			reply.code(201);
			return envelope(201, 'Accounts set', { csvId: csv.id });
		},
	);

	api(
		app,
		'GET',
		`${BASE}/csv/:id`,
		{
			scope: 'socialplanner/csv.readonly',
			location: 'params',
			schema: { params: idParams, querystring: obj({ skip: str(), limit: str() }) },
		},
		async (req) => {
			const csv = findCsv(loc(req), req.params.id);
			const posts = csv.posts.filter((p) => p.status !== 'deleted');
			const { slice } = page(req.query.skip, req.query.limit, 10);
			return envelope(200, 'Fetched CSV', { csv: csvView(csv), count: posts.length, posts: slice(posts) });
		},
	);

	api(
		app,
		'PATCH',
		`${BASE}/csv/:id`,
		{
			scope: 'socialplanner/csv.write',
			location: 'params',
			schema: { params: idParams, body: obj({ userId: str() }, ['userId']) },
		},
		async (req) => {
			const location = loc(req);
			const csv = findCsv(location, req.params.id);
			if (csv.status !== 'pending') throw badRequest(`CSV import is already ${csv.status}`);
			if (!location.users.some((u) => u.id === req.body.userId)) throw unprocessable(['userId must be a valid user of this location']);
			for (const row of csv.posts.filter((p) => p.status === 'pending')) {
				const post = buildPost(sim, location, {
					accountIds: row.accountIds,
					summary: row.summary,
					media: row.medias.map((m) => ({ url: m.url, type: m.type })),
					...(row.link ? { ogTagsDetails: { metaLink: row.link.url } } : {}),
					type: row.type,
					status: 'scheduled',
					scheduleDate: row.scheduleDate,
					userId: req.body.userId,
					source: 'csv',
				});
				post.source = 'csv';
				location.posts.push(post);
				row.status = 'accepted';
				row.postId = post._id;
				row.updatedAt = sim.clock.nowIso();
			}
			csv.status = 'completed';
			csv.updatedAt = sim.clock.nowIso();
			return envelope(200, 'Updated Successfully');
		},
	);

	api(
		app,
		'DELETE',
		`${BASE}/csv/:id`,
		{ scope: 'socialplanner/csv.write', location: 'params', schema: { params: idParams } },
		async (req) => {
			const csv = findCsv(loc(req), req.params.id);
			csv.status = 'deleted';
			csv.updatedAt = sim.clock.nowIso();
			const { id, posts, createdAt, channel, ...rest } = csv;
			return envelope(200, 'Deleted CSV', { csv: rest });
		},
	);

	api(
		app,
		'DELETE',
		`${BASE}/csv/:csvId/post/:postId`,
		{
			scope: 'socialplanner/csv.write',
			location: 'params',
			schema: { params: obj({ locationId: str(), csvId: str(), postId: str() }, ['locationId', 'csvId', 'postId']) },
		},
		async (req) => {
			const csv = findCsv(loc(req), req.params.csvId);
			const row = csv.posts.find((p) => p._id === req.params.postId && p.status !== 'deleted');
			if (!row) throw notFound('CSV post not found');
			row.status = 'deleted';
			row.updatedAt = sim.clock.nowIso();
			csv.count = csv.posts.filter((p) => p.status !== 'deleted').length;
			csv.updatedAt = row.updatedAt;
			return envelope(200, 'Deleted CSV post', {
				postId: row._id,
				csv: {
					_id: csv.id,
					csvFileType: csv.csvFileType,
					mediaOptimization: csv.mediaOptimization,
					applyWatermark: csv.applyWatermark,
					status: csv.status,
					updatedAt: csv.updatedAt,
				},
			});
		},
	);
}

module.exports = { register, REQUIRED_HEADERS };
