import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { compact, splitList } from '../shared/values';
import { defined, optionalBool, optionalStr, profileOf, profilesOf } from './connect';
import type { Network, PlatformOptions } from './network';

const MAX_BOARDS = 25;

const options: PlatformOptions = {
	detailsKey: 'pinterestPostDetails',
	group: {
		displayName: 'Pinterest',
		name: 'pinterest',
		values: [
			{
				displayName: 'Board IDs',
				name: 'boards',
				type: 'string',
				default: '',
				description: 'The boards to pin to (up to 25), comma-separated, on every chosen Pinterest account',
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The pin’s title, up to 100 characters' },
			{ displayName: 'Link', name: 'link', type: 'string', default: '', description: 'The page the pin leads to (up to 2,048 characters)' },
		],
	},
	details(values, { accountIds }) {
		// Boards apply to every chosen account; scopeToAccounts keeps the Pinterest ones.
		const boards = splitList(values.boards);
		return compact({
			title: values.title,
			link: values.link,
			pinterestBoards: boards.length ? accountIds.map((accountId) => ({ accountId, boards })) : undefined,
		});
	},
	required: () => ({}),
	check(node, details) {
		const pins = (details.pinterestBoards as IDataObject[] | undefined) ?? [];
		const boards = Math.max(0, ...pins.map((entry) => ((entry.boards as string[] | undefined) ?? []).length));
		if (boards > MAX_BOARDS)
			throw new NodeOperationError(node, `Pinterest → Board IDs: ${boards} boards, at most ${MAX_BOARDS} are allowed; remove some`);
	},
	scopeToAccounts(details, platformsByAccount) {
		if (!details.pinterestBoards) return;
		details.pinterestBoards = (details.pinterestBoards as IDataObject[]).filter(
			(entry) => platformsByAccount[String(entry.accountId)] === 'pinterest',
		);
	},
};

export const pinterest: Network = {
	platform: 'pinterest',
	name: 'Pinterest',
	post: { options, needsMedia: 'image or video', maxMedia: () => 1, maxCaption: 800, firstComment: false },
	comments: null,
	statistics: { name: 'Pinterest' },
	connect: {
		paths: 'v3',
		loginSegment: 'accounts',
		available: profilesOf,
		attachBody: (account) =>
			defined({
				...profileOf(account),
				verified: optionalBool(account.verified),
				username: optionalStr(account.username),
				websiteUrl: optionalStr(account.websiteUrl),
				type: 'profile',
				originAccountType: optionalStr(account.originAccountType),
			}),
	},
	csvMediaError: null,
};
