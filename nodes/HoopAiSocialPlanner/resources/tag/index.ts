import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { returnAllAndLimit, searchTextField } from '../../shared/descriptions';
import { paginateCountedList } from '../../shared/pagination';
import { locationPath } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';
import { toIdList } from '../post/postInput';

const show = { resource: ['tag'] };
const showForGetAll = { ...show, operation: ['getAll'] };
const showForGetByIds = { ...show, operation: ['getByIds'] };

/** preSend of Get Many by IDs: the IDs as the array the API wants, never empty. */
export async function sendTagIds(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const tagIds = toIdList(this.getNodeParameter('tagIds', []));
	if (tagIds.length === 0) throw new NodeOperationError(this.getNode(), 'Tag IDs: give at least one tag ID');
	requestOptions.body = { tagIds };
	return requestOptions;
}

export const tagDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'List the location’s Social Planner tags, optionally searched',
				routing: apiRouting({ request: { method: 'GET', url: locationPath('/tags') } }),
			},
			{
				name: 'Get Many by IDs',
				value: 'getByIds',
				action: 'Get specific tags',
				description: 'Get the tags with the given IDs (e.g. the tag IDs of a post)',
				routing: apiRouting({
					request: { method: 'POST', url: locationPath('/tags/details') },
					preSend: [sendTagIds],
					postReceive: [itemsAt('results.tags')],
				}),
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit(
		showForGetAll,
		paginateCountedList({ in: 'qs', itemsPath: 'results.tags', countPath: 'results.count', pageSize: 100 }),
	),
	searchTextField(showForGetAll, 'Only tags that contain this text'),
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		displayOptions: { show: showForGetByIds },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];
