import { POST_FORMAT_OPTIONS } from '../shared/platforms';
import { compact, toIdList } from '../shared/values';
import { formatField, yesNo, yesNoDefault, type Network } from './network';

export const instagram: Network = {
	detailsKey: 'instagramPostDetails',
	options: {
		displayName: 'Instagram',
		name: 'instagram',
		values: [
			formatField(POST_FORMAT_OPTIONS),
			{
				displayName: 'Collaborators',
				name: 'collaborators',
				type: 'string',
				default: '',
				placeholder: 'e.g. bakery_partner, chef.anna',
				description: 'Up to 3 Instagram usernames (without @), comma-separated; posts and reels only',
			},
			yesNoDefault('Show Reel on Feed', 'showOnFeed', 'Whether the reel also appears on the profile grid'),
			yesNoDefault(
				'Story From Phone',
				'publishViaPushNotification',
				'Whether HoopAI sends the story to your phone as a notification, for you to post it from there',
			),
			{
				displayName: 'Reminder Note',
				name: 'publisherNote',
				type: 'string',
				default: '',
				displayOptions: { show: { publishViaPushNotification: [true] } },
				description: 'A reminder shown with the notification, e.g. which sticker to add',
			},
		],
	},
	details(values, { accountIds }) {
		// Collaborators apply to every chosen account; scopeAccountDetails keeps the Instagram ones.
		const collaborators = toIdList(values.collaborators).map((name) => name.replace(/^@/, ''));
		return compact({
			type: values.type,
			showOnFeed: yesNo(values.showOnFeed),
			publishViaPushNotification: yesNo(values.publishViaPushNotification),
			// Shown (and sent) only with Story From Phone: Yes.
			publisherNote: yesNo(values.publishViaPushNotification) === true ? values.publisherNote : undefined,
			collaborators: collaborators.length ? Object.fromEntries(accountIds.map((accountId) => [accountId, collaborators])) : undefined,
		});
	},
	required: (postType) => ({ type: postType }),
};
