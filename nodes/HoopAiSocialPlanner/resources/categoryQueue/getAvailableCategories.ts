import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { paginateCountedList } from '../../shared/pagination';
import { apiRouting } from '../../shared/routing';
import { LOCATION_IN_QUERY, QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';

const paginateAvailableCategories = paginateCountedList({
	in: 'qs',
	itemsPath: 'results.categories',
	countPath: 'results.meta.count',
	pageSize: 100,
});

export const availableCategoriesDescription: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'categorySearch',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['categoryQueue'], operation: ['getAvailableCategories'] } },
		description: 'Only categories whose name contains this text',
	},
];

/** preSend: the `q` query, only when Search has text. */
async function sendCategorySearch(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const q = text(this.getNode(), 'Search', this.getNodeParameter('categorySearch', '')).trim();
	if (q) requestOptions.qs = { ...requestOptions.qs, q };
	return requestOptions;
}

export const getAvailableCategories: Operation = {
	option: {
		name: 'Get Available Categories',
		value: 'getAvailableCategories',
		action: 'Get the categories available for queues',
		description: 'List the categories with their queue status (available, draft, in a queue)',
		routing: apiRouting({
			request: { method: 'GET', url: `${QUEUES_PATH}/available-categories`, ...LOCATION_IN_QUERY },
			preSend: [sendCategorySearch],
			pagination: paginateAvailableCategories,
		}),
	},
};
