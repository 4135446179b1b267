import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { idList } from '../../shared/ids';
import { locationPath } from '../../shared/request';
import { apiRouting, sendRouted } from '../../shared/routing';
import type { Operation } from '../resource';

const paginateTagList = paginateCountedList({ in: 'qs', itemsPath: 'results.tags', countPath: 'results.count', pageSize: 100 });

/**
 * Pages of Get Many: the location's tags (GET …/tags, searched by the API), or, with the Tag IDs
 * filter, exactly those tags in one request (POST …/tags/details), searched here the same way.
 */
const paginateTags = Object.assign(
	async function (
		this: IExecutePaginationFunctions,
		resultOptions: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const tagIds = idList(this.getNode(), 'Filters → Tag Names or IDs', (this.getNodeParameter('tagFilters', {}) as IDataObject).tagIds);
		if (tagIds.length === 0) return await paginateTagList.call(this, resultOptions);
		const { searchText, ...qs } = (resultOptions.options.qs ?? {}) as IDataObject;
		const [page] = await sendRouted.call(
			this,
			{
				...resultOptions,
				options: { ...resultOptions.options, method: 'POST', url: `${resultOptions.options.url}/details`, qs, body: { tagIds } },
			},
			'read',
		);
		const needle = String(searchText ?? '').toLowerCase();
		const tags = (((page?.json.results as IDataObject | undefined)?.tags ?? []) as IDataObject[]).filter((tag) =>
			String(tag.tag ?? '')
				.toLowerCase()
				.includes(needle),
		);
		const wanted = this.getNodeParameter('returnAll', false) ? tags.length : (this.getNodeParameter('limit', 50) as number);
		return tags.slice(0, wanted).map((json) => ({ json }));
	},
	{
		routes: [
			{ method: 'GET', path: '/social-media-posting/{locationId}/tags' },
			{ method: 'POST', path: '/social-media-posting/{locationId}/tags/details' },
		],
	},
);

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many tags',
		description: 'List the location’s Social Planner tags, searched by text or given by ID',
		routing: apiRouting({ request: { method: 'GET', url: locationPath('/tags') }, pagination: paginateTags }),
	},
};

export const tagGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'tagFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: ['tag'], operation: ['getAll'] } },
		options: [
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only these tags, e.g. the tag IDs of a post. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];
