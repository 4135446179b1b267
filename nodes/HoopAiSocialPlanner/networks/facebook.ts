import { POST_FORMAT_OPTIONS } from '../shared/platforms';
import { compact } from '../shared/values';
import { formatField, type Network } from './network';

export const facebook: Network = {
	detailsKey: 'facebookPostDetails',
	options: {
		displayName: 'Facebook',
		name: 'facebook',
		values: [
			formatField(POST_FORMAT_OPTIONS),
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
