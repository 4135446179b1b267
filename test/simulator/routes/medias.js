'use strict';
// POST /medias/upload-file (multipart `file`, or hosted=true with fileUrl). The stored file is
// served by the simulator at the returned URL.

const { api } = require('../route');
const { badRequest } = require('../errors');
const { newId } = require('../state');

async function readParts(request) {
	const fields = {};
	let file;
	for await (const part of request.parts()) {
		if (part.type === 'file') {
			file = { filename: part.filename, mimetype: part.mimetype, data: await part.toBuffer() };
		} else {
			fields[part.fieldname] = part.value;
		}
	}
	return { fields, file };
}

function register(app, sim) {
	api(app, 'POST', '/medias/upload-file', { scope: 'medias.write' }, async (req) => {
		if (!req.isMultipart()) throw badRequest('Request must be multipart/form-data');
		const { fields, file } = await readParts(req);
		// Logged as parsed (the file as its name, type and size), so tests can check the form's fields.
		req.logEntry.body = {
			...fields,
			...(file ? { file: { filename: file.filename, mimetype: file.mimetype, size: file.data.length } } : {}),
		};
		const fileId = newId(sim.state);
		if (fields.hosted === 'true') {
			if (!fields.fileUrl) throw badRequest('fileUrl is required when hosted is true');
			sim.state.media.set(fileId, { url: fields.fileUrl, name: fields.name || fileId, locationId: req.token.locationId });
			return { fileId, url: fields.fileUrl };
		}
		if (!file || !file.data.length) throw badRequest('File is required');
		const name = encodeURIComponent(fields.name || file.filename || 'file');
		const url = `${sim.url}/__sim/media/${fileId}/${name}`;
		sim.state.media.set(fileId, { ...file, url, name, locationId: req.token.locationId, parentId: fields.parentId });
		return { fileId, url };
	});
}

module.exports = { register };
