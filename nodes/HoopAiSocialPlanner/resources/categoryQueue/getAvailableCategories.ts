import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { paginateCountedList } from '../../shared/pagination';

export const paginateAvailableCategories = paginateCountedList({ in: 'qs', itemsPath: 'results.categories', countPath: 'results.meta.count', pageSize: 100 });

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
export async function sendCategorySearch(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const q = text(this.getNode(), 'Search', this.getNodeParameter('categorySearch', '')).trim();
	if (q) requestOptions.qs = { ...requestOptions.qs, q };
	return requestOptions;
}
