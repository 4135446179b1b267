import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { LOCATION_PLACEHOLDER } from '../shared/request';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

const PAGE_SIZE = 50;

/** The categories that can get a queue (none yet), searched by name by the API (`q`), a page at a time. */
export async function searchQueueCategories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	const skip = Number(paginationToken ?? 0);
	const response = await apiRequest.call(this, 'GET', '/social-media-posting/category/queues/available-categories', {
		qs: { locationId: LOCATION_PLACEHOLDER, skip: String(skip), limit: String(PAGE_SIZE), ...(filter ? { q: filter } : {}) },
	});
	const { categories = [], meta = {} } = (response.results ?? {}) as { categories?: IDataObject[]; meta?: IDataObject };
	const next = skip + categories.length;
	return {
		results: categories
			.filter((category) => category.status === 'available')
			.map((category) => ({ name: String(category.name), value: String(category._id) })),
		paginationToken: categories.length && next < Number(meta.count) ? String(next) : undefined,
	};
}
