import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

const PAGE_SIZE = 50;

/** Categories by name, searched by the API (searchText), a page at a time. */
export async function searchCategories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	const skip = Number(paginationToken ?? 0);
	const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/categories', {
		qs: { skip: String(skip), limit: String(PAGE_SIZE), ...(filter ? { searchText: filter } : {}) },
	});
	const { categories = [], count = 0 } = (response.results ?? {}) as { categories?: IDataObject[]; count?: number };
	const next = skip + categories.length;
	return {
		results: categories.map((category) => ({ name: String(category.name), value: String(category._id) })),
		paginationToken: categories.length && next < Number(count) ? String(next) : undefined,
	};
}
