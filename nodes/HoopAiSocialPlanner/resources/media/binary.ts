import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { isMediaType, MEDIA_TYPES, normaliseMediaType } from '../../shared/media';
import { MAX_UPLOAD_BYTES, type UploadFile } from './library';

export interface BinaryFile extends UploadFile {
	/** The MIME type posts are sent with (for post media: one the networks take). */
	type: string;
}

/**
 * The file in an input item's binary field, checked before anything is sent: the field exists,
 * the file is not empty and fits the media library. With `mediaOnly` (post media) its type must
 * be one the networks take, from its MIME type or, when that is vague, its file name.
 */
export async function readBinaryFile(
	this: IExecuteFunctions,
	itemIndex: number,
	label: string,
	field: unknown,
	mediaOnly: boolean,
): Promise<BinaryFile> {
	const node = this.getNode();
	const name = text(node, label, field).trim();
	if (!name)
		throw new NodeOperationError(node, `${label}: no binary field named; give the name of the input item’s binary field, e.g. data`, {
			description: 'n8n keeps files as binary fields of an item (see the Binary tab of the node before).',
			itemIndex,
		});
	const binary = this.getInputData()[itemIndex]?.binary ?? {};
	const stored = binary[name];
	if (!stored) {
		const names = Object.keys(binary);
		throw new NodeOperationError(
			node,
			`${label}: input item ${itemIndex + 1} has no binary field "${name}"; give the name of the field that holds the file`,
			{
				description: names.length
					? `Its binary fields: ${names.join(', ')}.`
					: 'It has no binary data: the node before must output the file as binary (e.g. Read/Write Files from Disk, HTTP Request with Response Format File, Convert to File).',
				itemIndex,
			},
		);
	}
	const fileName = stored.fileName ?? `${name}${stored.fileExtension ? `.${stored.fileExtension}` : ''}`;
	const mimeType = stored.mimeType || 'application/octet-stream';
	const type = mediaOnly ? normaliseMediaType(mimeType, fileName) : mimeType;
	if (!type || (mediaOnly && !isMediaType(type))) {
		throw new NodeOperationError(
			node,
			`${label}: the file "${fileName}" is ${mimeType}, which social posts cannot take; use an image or a video`,
			{
				description: `The types HoopAI takes: ${MEDIA_TYPES.join(', ')}.`,
				itemIndex,
			},
		);
	}
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	if (data.length === 0)
		throw new NodeOperationError(node, `${label}: the file "${fileName}" is empty; check the node that made it`, {
			description: 'The binary field holds no bytes.',
			itemIndex,
		});
	if (data.length > MAX_UPLOAD_BYTES) {
		throw new NodeOperationError(
			node,
			`${label}: the file "${fileName}" has ${(data.length / 1024 / 1024).toFixed(1)} MB, the media library takes up to 25 MB; use a smaller file`,
			{ itemIndex },
		);
	}
	return { data, fileName, mimeType: type, type };
}
