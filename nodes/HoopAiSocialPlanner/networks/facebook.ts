import { compact } from '../shared/values';
import { entriesOf, profileOf } from './connect';
import { formatField, POST_FORMAT_OPTIONS, type Network, type PlatformOptions } from './network';

const options: PlatformOptions = {
	detailsKey: 'facebookPostDetails',
	group: {
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

export const facebook: Network = {
	platform: 'facebook',
	name: 'Facebook',
	post: { options, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: true },
	// A reply may attach one image, by its link.
	comments: { maxLength: 8000, likes: true, maxImages: 1 },
	statistics: { name: 'Facebook' },
	connect: {
		paths: 'v2',
		loginSegment: 'accounts',
		available: (results) => entriesOf(results.pages, 'page'),
		attachBody: (account) => ({ type: 'page', ...profileOf(account) }),
	},
	csvMediaError: 'facebookError',
};
