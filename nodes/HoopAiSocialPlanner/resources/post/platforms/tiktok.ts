import { compact } from '../values';
import { yesNo, yesNoDefault, type Network } from './network';

const TOGGLES = ['enableComment', 'enableDuet', 'enableStitch', 'videoDisclosure', 'promoteYourBrand', 'promoteOtherBrand'];

export const tiktok: Network = {
	detailsKey: 'tiktokPostDetails',
	options: {
		displayName: 'TikTok',
		name: 'tiktok',
		values: [
			{
				displayName: 'Who Can View',
				name: 'privacyLevel',
				type: 'options',
				options: [
					{ name: 'Network Default (Everyone)', value: '', description: 'Everyone, TikTok’s default, on a new post' },
					{ name: 'Everyone', value: 'PUBLIC_TO_EVERYONE' },
					{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
					{ name: 'Only Me', value: 'SELF_ONLY' },
				],
				default: '',
			},
			yesNoDefault('Allow Comments', 'enableComment', 'Whether viewers may comment'),
			yesNoDefault('Allow Duet', 'enableDuet', 'Whether viewers may make Duets with the video'),
			yesNoDefault('Allow Stitch', 'enableStitch', 'Whether viewers may Stitch the video'),
			yesNoDefault('Branded Content Disclosure', 'videoDisclosure', 'Whether the video promotes a brand (not with Only Me; needs one of the two below)'),
			yesNoDefault('Promotes Your Brand', 'promoteYourBrand', 'Whether the video promotes your own brand'),
			yesNoDefault('Promotes Another Brand', 'promoteOtherBrand', 'Whether the video promotes a third-party brand'),
		],
	},
	details(values) {
		return compact({
			privacyLevel: values.privacyLevel,
			...Object.fromEntries(TOGGLES.map((name) => [name, yesNo(values[name])])),
		});
	},
	// The spec: "PUBLIC_TO_EVERYONE - Anyone can view (default)".
	required: () => ({ privacyLevel: 'PUBLIC_TO_EVERYONE' }),
};
