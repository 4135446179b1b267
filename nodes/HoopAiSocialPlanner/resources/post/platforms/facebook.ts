import { POST_FORMAT_OPTIONS } from '../../../shared/platforms';
import { compact } from '../values';
import type { Network } from './network';

export const facebook: Network = {
	detailsKey: 'facebookPostDetails',
	options: {
		displayName: 'Facebook',
		name: 'facebook',
		values: [
			{
				displayName: 'Format',
				name: 'type',
				type: 'options',
				options: [{ name: 'Same as Post Type', value: '' }, ...POST_FORMAT_OPTIONS],
				default: '',
			},
			{
				displayName: 'Background',
				name: 'textFormatPresetId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 303063890126415',
				description: 'A coloured background behind a text-only post (up to 130 characters): the number of one of Facebook’s backgrounds',
			},
		],
	},
	details: (values) => compact({ type: values.type, textFormatPresetId: values.textFormatPresetId }),
	required: (postType) => ({ type: postType }),
};
