import { compact, toIdList } from '../values';
import type { Network } from './network';

export const pinterest: Network = {
	detailsKey: 'pinterestPostDetails',
	options: {
		displayName: 'Pinterest',
		name: 'pinterest',
		values: [
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 100 characters' },
			{ displayName: 'Link', name: 'link', type: 'string', default: '', description: 'Where the pin leads; up to 2,048 characters' },
			{
				displayName: 'Board IDs',
				name: 'boards',
				type: 'string',
				default: '',
				description: 'Comma-separated board IDs to pin to, on every chosen Pinterest account (up to 25)',
			},
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
