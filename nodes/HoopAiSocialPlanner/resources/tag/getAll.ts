import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { idList } from '../../shared/ids';
import { sendRouted } from '../../shared/routing';

const paginateTagList = paginateCountedList({ in: 'qs', itemsPath: 'results.tags', countPath: 'results.count', pageSize: 100 });

/**
 * Pages of Get Many: the location's tags (GET …/tags, searched by the API), or, with the Tag IDs
 * filter, exactly those tags in one request (POST …/tags/details), searched here the same way.
 */
export const paginateTags = Object.assign(
	async function (
		this: IExecutePaginationFunctions,
		resultOptions: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const tagIds = idList(this.getNode(), 'Filters → Tag Names or IDs', (this.getNodeParameter('tagFilters', {}) as IDataObject).tagIds);
		if (tagIds.length === 0) return await paginateTagList.call(this, resultOptions);
		const { searchText, ...qs } = (resultOptions.options.qs ?? {}) as IDataObject;
		const [page] = await sendRouted.call(this, {
			...resultOptions,
			options: { ...resultOptions.options, method: 'POST', url: `${resultOptions.options.url}/details`, qs, body: { tagIds } },
		}, 'read');
		const needle = String(searchText ?? '').toLowerCase();
		const tags = (((page?.json.results as IDataObject | undefined)?.tags ?? []) as IDataObject[]).filter((tag) =>
			String(tag.tag ?? '').toLowerCase().includes(needle),
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
