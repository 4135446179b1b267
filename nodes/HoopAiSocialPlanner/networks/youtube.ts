import { compact } from '../shared/values';
import { defined, optionalBool, optionalStr, profileOf, profilesOf } from './connect';
import type { Network, PlatformOptions } from './network';

const options: PlatformOptions = {
	detailsKey: 'youtubePostDetails',
	group: {
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

export const youtube: Network = {
	platform: 'youtube',
	name: 'YouTube',
	post: { options, needsMedia: 'video', maxMedia: () => 1, maxCaption: 5000, firstComment: true },
	comments: { maxLength: 10000, likes: false, maxImages: 0 },
	statistics: { name: 'YouTube' },
	connect: {
		paths: 'v3',
		loginSegment: 'accounts',
		available: profilesOf,
		attachBody: (account) =>
			defined({
				type: 'profile',
				...profileOf(account),
				verified: optionalBool(account.verified),
				username: optionalStr(account.username),
			}),
	},
	csvMediaError: null,
};
