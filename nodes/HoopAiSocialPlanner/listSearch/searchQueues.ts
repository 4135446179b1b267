import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { LOCATION_PLACEHOLDER } from '../shared/request';
import { credentialChosen, runOf } from '../shared/run';
import { apiRequest } from '../shared/send';

const PAGE_SIZE = 100;

/** The category queues, named after their category and searched by that name (the API has no search). */
export async function searchQueues(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	// Every page to the same scope: the credential is read once.
	const scope = await runOf(this).scope();
	const queues: IDataObject[] = [];
	for (let skip = 0; ; skip += PAGE_SIZE) {
		const response = await apiRequest.call(this, 'POST', '/social-media-posting/category/queues/list', {
			body: { locationId: LOCATION_PLACEHOLDER, skip, limit: PAGE_SIZE },
			scope,
			effect: 'read',
		});
		const { queues: page = [], meta = {} } = (response.results ?? {}) as { queues?: IDataObject[]; meta?: IDataObject };
		queues.push(...page);
		if (page.length === 0 || queues.length >= Number(meta.count)) break;
	}
	const needle = (filter ?? '').trim().toLowerCase();
	const results = queues
		.map((queue) => ({ category: String((queue.category as IDataObject | undefined)?.name ?? queue.categoryId), queue }))
		.filter(({ category }) => category.toLowerCase().includes(needle))
		.map(({ category, queue }) => ({ name: `${category} (${String(queue.status)})`, value: String(queue._id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
