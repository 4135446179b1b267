import { NodeOperationError } from 'n8n-workflow';
import { compact } from '../shared/values';
import { defined, optionalBool, optionalStr, profileOf, profilesOf, str } from './connect';
import { yesNo, yesNoDefault, type Network, type PlatformOptions } from './network';

// The two kinds of promotion are shown (and sent) only for a video marked Promotional Content.
const DISCLOSED = { show: { videoDisclosure: [true] } };
const PROMOTIONS = ['promoteYourBrand', 'promoteOtherBrand'];
const TOGGLES = ['enableComment', 'enableDuet', 'enableStitch', 'videoDisclosure', 'promoteYourBrand', 'promoteOtherBrand'];

const options: PlatformOptions = {
	detailsKey: 'tiktokPostDetails',
	group: {
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
			yesNoDefault(
				'Promotional Content',
				'videoDisclosure',
				'Whether the video promotes a brand, product or service; TikTok then labels it. Not with Who Can View: Only Me.',
			),
			yesNoDefault('Your Brand', 'promoteYourBrand', 'Whether the video promotes your own business', DISCLOSED),
			yesNoDefault(
				'Branded Content',
				'promoteOtherBrand',
				'Whether the video promotes another brand, e.g. in a paid partnership',
				DISCLOSED,
			),
		],
	},
	details(values) {
		const disclosed = yesNo(values.videoDisclosure) === true;
		return compact({
			privacyLevel: values.privacyLevel,
			...Object.fromEntries(TOGGLES.filter((name) => disclosed || !PROMOTIONS.includes(name)).map((name) => [name, yesNo(values[name])])),
		});
	},
	// The spec: "PUBLIC_TO_EVERYONE - Anyone can view (default)".
	required: () => ({ privacyLevel: 'PUBLIC_TO_EVERYONE' }),
	check(node, tiktok) {
		if (tiktok.videoDisclosure === true && tiktok.privacyLevel === 'SELF_ONLY') {
			throw new NodeOperationError(
				node,
				'TikTok → Promotional Content: not possible with Who Can View "Only Me"; choose another Who Can View, or set Promotional Content to No',
			);
		}
		if (tiktok.videoDisclosure === true && tiktok.promoteYourBrand !== true && tiktok.promoteOtherBrand !== true) {
			throw new NodeOperationError(node, 'TikTok → Promotional Content: say what it promotes; set Your Brand or Branded Content to Yes');
		}
	},
};

export const tiktok: Network = {
	platform: 'tiktok',
	name: 'TikTok',
	post: { options, needsMedia: 'image or video', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: { maxLength: 150, likes: true, maxImages: 0 },
	// The statistics API reports on TikTok business accounts only.
	statistics: { name: 'TikTok (Business)' },
	connect: {
		paths: 'v2',
		loginSegment: 'accounts',
		available: profilesOf,
		attachBody: (account) =>
			defined({
				type: str(account.type || 'profile'),
				...profileOf(account),
				verified: optionalBool(account.verified),
				username: optionalStr(account.username),
			}),
	},
	csvMediaError: 'tiktokError',
};
