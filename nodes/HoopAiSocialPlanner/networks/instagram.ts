import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { compact, splitList } from '../shared/values';
import { entriesOf, profileOf, str } from './connect';
import { formatField, POST_FORMAT_OPTIONS, yesNo, yesNoDefault, type Network, type PlatformOptions } from './network';

const MAX_COLLABORATORS = 3;

const options: PlatformOptions = {
	detailsKey: 'instagramPostDetails',
	group: {
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
		// Collaborators apply to every chosen account; scopeToAccounts keeps the Instagram ones.
		const collaborators = splitList(values.collaborators).map((name) => name.replace(/^@/, ''));
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
	check(node, details) {
		for (const names of Object.values((details.collaborators ?? {}) as Record<string, string[]>)) {
			if (names.length > MAX_COLLABORATORS) {
				throw new NodeOperationError(
					node,
					`Instagram → Collaborators: ${names.length} names, at most ${MAX_COLLABORATORS} are allowed; remove some`,
				);
			}
		}
	},
	scopeToAccounts(details, platformsByAccount) {
		if (!details.collaborators) return;
		details.collaborators = Object.fromEntries(
			Object.entries(details.collaborators as IDataObject).filter(([accountId]) => platformsByAccount[accountId] === 'instagram'),
		);
	},
};

export const instagram: Network = {
	platform: 'instagram',
	name: 'Instagram',
	post: { options, needsMedia: 'image or video', maxMedia: () => null, maxCaption: null, firstComment: true },
	comments: { maxLength: 2200, likes: false, maxImages: 0 },
	statistics: { name: 'Instagram' },
	connect: {
		paths: 'v2',
		loginSegment: 'accounts',
		available: (results) => entriesOf(results.accounts, 'business'),
		attachBody(account, { node, which }) {
			if (!account.pageId) {
				throw new NodeOperationError(
					node,
					`Accounts to Attach: ${which} has no pageId, which Instagram needs; attach the accounts as Get Available Accounts outputs them`,
					{
						description: 'Each Instagram account there names the Facebook page it belongs to (pageId).',
					},
				);
			}
			return { pageId: str(account.pageId), ...profileOf(account) };
		},
	},
	csvMediaError: 'instagramError',
};
