import type { INodeProperties } from 'n8n-workflow';
import { mediaUploadDescription, uploadMedia } from './upload';

export const mediaOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['media'] } },
	options: [
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a file to the media library',
			description: 'Upload an image or video (from a binary field or a link) and get its public URL for posts',
		},
	],
	default: 'upload',
};

export const mediaFields: INodeProperties[] = [...mediaUploadDescription];

export const mediaOperations = { upload: uploadMedia };
