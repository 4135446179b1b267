import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { credentialChosen, runOf } from '../shared/run';
import { apiRequest } from '../shared/send';

const PAGE_SIZE = 100;

/** Every Social Planner category of the location (all pages). */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!credentialChosen.call(this)) return [];
	const options: INodePropertyOptions[] = [];
	// Every page to the same scope: the credential is read once.
	const scope = await runOf(this).scope();
	for (let skip = 0; ; skip += PAGE_SIZE) {
		const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/categories', {
			qs: { skip: String(skip), limit: String(PAGE_SIZE) },
			scope,
		});
		const { categories = [], count = 0 } = (response.results ?? {}) as { categories?: IDataObject[]; count?: number };
		options.push(...categories.map((category) => ({ name: String(category.name), value: String(category._id) })));
		if (categories.length === 0 || skip + categories.length >= Number(count)) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
