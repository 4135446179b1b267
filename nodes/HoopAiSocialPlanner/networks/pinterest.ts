import { compact, toIdList } from '../shared/values';
import type { Network } from './network';

export const pinterest: Network = {
	detailsKey: 'pinterestPostDetails',
	options: {
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
		// Boards apply to every chosen account; scopeAccountDetails keeps the Pinterest ones.
		const boards = toIdList(values.boards);
		return compact({
			title: values.title,
			link: values.link,
			pinterestBoards: boards.length ? accountIds.map((accountId) => ({ accountId, boards })) : undefined,
		});
	},
	required: () => ({}),
};
