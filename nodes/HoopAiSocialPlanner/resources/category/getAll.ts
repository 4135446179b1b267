import { paginateCountedList } from '../../shared/pagination';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';

// Return All, Limit and Search are the node's list fields (shared/descriptions.ts).
export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many categories',
		description: 'List the location’s Social Planner categories, optionally searched by name',
		routing: apiRouting({
			request: { method: 'GET', url: locationPath('/categories') },
			pagination: paginateCountedList({ in: 'qs', itemsPath: 'results.categories', countPath: 'results.count', pageSize: 100 }),
		}),
	},
};
