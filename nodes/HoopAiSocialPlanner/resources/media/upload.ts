import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { choice, isLink, text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { optionalId } from '../../shared/ids';
import { mediaTypeFromUrl } from '../../shared/media';
import { runOf } from '../../shared/run';
import { readBinaryFile } from './binary';
import type { FormPart } from '../../shared/multipart';
import type { Operation } from '../resource';
import { UPLOAD_PATH, uploadBinary, uploadFromUrl } from './library';

const showForUpload = { resource: ['media'], operation: ['upload'] };

const SOURCE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Binary File',
		value: 'binary',
		description: 'A file of the input item (from Read/Write Files from Disk, HTTP Request, Convert to File …)',
	},
	{ name: 'URL', value: 'url', description: 'A public link the media library fetches the file from' },
];

export const mediaUploadDescription: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'uploadSource',
		type: 'options',
		options: SOURCE_OPTIONS,
		default: 'binary',
		displayOptions: { show: showForUpload },
	},
	{
		displayName: 'Input Binary Field',
		name: 'mediaBinaryField',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { ...showForUpload, uploadSource: ['binary'] } },
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { ...showForUpload, uploadSource: ['url'] } },
	},
	{
		displayName: 'Options',
		name: 'mediaOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForUpload },
		options: [
			{
				displayName: 'File Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The name in the media library (by default the binary’s file name)',
			},
			{ displayName: 'Folder ID', name: 'parentId', type: 'string', default: '', description: 'The media library folder to put it in' },
		],
	},
];

/**
 * Media → Upload runs in code: the API takes the file as multipart/form-data (field `file`), or
 * fetches it itself from a link (`hosted: true, fileUrl`). Outputs `{ fileId, url, type }`.
 */
const uploadMedia = withRoutes(
	async function uploadMedia(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex): Promise<IDataObject> => {
			const scope = await run.scope(itemIndex);
			const source = choice<string>(node, 'Source', this.getNodeParameter('uploadSource', itemIndex, 'binary'), SOURCE_OPTIONS);
			const options = this.getNodeParameter('mediaOptions', itemIndex, {}) as IDataObject;
			const name = text(node, 'Options → File Name', options.name).trim();
			const parentId = optionalId(node, 'Options → Folder ID', options.parentId, 'the ID of a folder of the media library');
			const extra: FormPart[] = [
				...(name ? [{ field: 'name', value: name }] : []),
				...(parentId ? [{ field: 'parentId', value: parentId }] : []),
			];
			if (source === 'url') {
				const fileUrl = text(node, 'File URL', this.getNodeParameter('fileUrl', itemIndex, '')).trim();
				if (!isLink(fileUrl)) {
					throw new NodeOperationError(
						node,
						`File URL: "${fileUrl}" is not a link; give the public link of the file, e.g. https://cdn.example.com/photo.jpg`,
						{
							description: 'HoopAI fetches the file from its link (http:// or https://).',
							itemIndex,
						},
					);
				}
				const uploaded = await uploadFromUrl.call(this, scope, fileUrl, extra);
				return { ...uploaded, type: mediaTypeFromUrl(uploaded.url || fileUrl) ?? '' };
			}
			const file = await readBinaryFile.call(
				this,
				itemIndex,
				'Input Binary Field',
				this.getNodeParameter('mediaBinaryField', itemIndex, 'data'),
				false,
			);
			const uploaded = await uploadBinary.call(this, scope, file, extra);
			return { ...uploaded, type: file.type };
		});
	},
	[{ method: 'POST', path: UPLOAD_PATH }],
);

export const upload: Operation = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a file to the media library',
		description: 'Upload an image or video (from a binary field or a link) and get its public URL for posts',
	},
	run: uploadMedia,
};
