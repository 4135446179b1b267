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
				displayName: 'Background Preset ID',
				name: 'textFormatPresetId',
				type: 'string',
				default: '',
				description: 'Coloured background for text-only posts (content up to 130 characters)',
			},
		],
	},
	details: (values) => compact({ type: values.type, textFormatPresetId: values.textFormatPresetId }),
	required: (postType) => ({ type: postType }),
};
