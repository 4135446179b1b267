import { compact } from '../shared/values';
import type { Network } from './network';

export const youtube: Network = {
	detailsKey: 'youtubePostDetails',
	options: {
		displayName: 'YouTube',
		name: 'youtube',
		values: [
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 100 characters' },
			{
				displayName: 'Privacy',
				name: 'privacyLevel',
				type: 'options',
				options: [
					{ name: 'Network Default', value: '', description: 'Not sent: the channel’s default' },
					{ name: 'Public', value: 'public' },
					{ name: 'Unlisted', value: 'unlisted' },
					{ name: 'Private', value: 'private' },
				],
				default: '',
			},
			{
				displayName: 'Format',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Same as Post Type', value: '', description: 'Short for a reel, else Video' },
					{ name: 'Video', value: 'video' },
					{ name: 'Short', value: 'short' },
				],
				default: '',
			},
		],
	},
	details: (values) => compact({ type: values.type, title: values.title, privacyLevel: values.privacyLevel }),
	required: (postType) => ({ type: postType === 'reel' ? 'short' : 'video' }),
};
