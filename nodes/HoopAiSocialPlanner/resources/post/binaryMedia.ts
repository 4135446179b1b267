import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { choice, text } from '../../shared/checks';
import type { LocationScope } from '../../shared/run';
import { readBinaryFile, type BinaryFile } from '../media/binary';
import { uploadBinary } from '../media/library';
import { MEDIA_SOURCE_OPTIONS } from './fields';
import type { PostInput } from './postInput';

/** Stands in for an upload's link while the post is checked; replaced before anything is sent. */
const PENDING_UPLOAD = 'https://pending-upload.invalid/';

export interface BinaryMedia {
	/** The media entries, those naming a binary field given a placeholder link and the file's type. */
	media: PostInput['media'];
	/** The files to upload once the post is checked, by media entry. */
	uploads: Map<number, BinaryFile>;
}

/**
 * Media entries whose Source is Binary File name an input binary field instead of a URL (so does a
 * row saved before Source existed that holds only an Input Binary Field). Each such file is read
 * and checked here (field present, a type the networks take, not empty), before the post is
 * checked and before anything is sent; the uploads happen in `uploadBinaryMedia`.
 */
export async function readBinaryMedia(this: IExecuteFunctions, itemIndex: number, media: PostInput['media']): Promise<BinaryMedia> {
	const node = this.getNode();
	const uploads = new Map<number, BinaryFile>();
	const items = media?.items;
	if (!Array.isArray(items)) return { media, uploads };
	const prepared: IDataObject[] = [];
	for (const [index, item] of items.entries()) {
		const source = choice<string>(node, 'Media → Source', item.source ?? 'url', MEDIA_SOURCE_OPTIONS);
		const field = text(node, 'Media → Input Binary Field', item.binaryPropertyName).trim();
		const url = text(node, 'Media → URL', item.url).trim();
		const rest = { ...item };
		delete rest.binaryPropertyName;
		delete rest.source;
		const which = items.length > 1 ? `media item ${index + 1}` : 'the media item';
		// Source URL, or a row saved before Source existed: a binary file only when it gives no URL.
		if (source === 'url' && (url || !field)) {
			prepared.push(rest);
			continue;
		}
		if (!field) {
			throw new NodeOperationError(
				node,
				`Media → Input Binary Field: required when Source is Binary File, missing in ${which}; give the name of the input item’s binary field holding the file, e.g. data`,
				{ itemIndex },
			);
		}
		const file = await readBinaryFile.call(this, itemIndex, 'Media → Input Binary Field', field, true);
		uploads.set(index, file);
		prepared.push({ ...rest, url: `${PENDING_UPLOAD}${index}`, type: file.type });
	}
	return { media: { ...media, items: prepared }, uploads };
}

/** Uploads the checked files (each content once per run) and puts their links in the body's media. */
export async function uploadBinaryMedia(
	this: IExecuteFunctions,
	scope: LocationScope,
	body: IDataObject,
	uploads: Map<number, BinaryFile>,
): Promise<void> {
	const media = body.media as IDataObject[] | undefined;
	for (const [index, file] of uploads) {
		const uploaded = await uploadBinary.call(this, scope, file);
		// Only the entry that holds this upload's placeholder (a JSON body may have replaced the media).
		if (media?.[index]?.url === `${PENDING_UPLOAD}${index}`) media[index] = { ...media[index], url: uploaded.url, type: file.type };
	}
}
