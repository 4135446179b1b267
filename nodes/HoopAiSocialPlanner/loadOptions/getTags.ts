import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { credentialChosen, runOf } from '../shared/run';
import { apiRequest } from '../shared/send';

const PAGE_SIZE = 100;

/** Every Social Planner tag of the location (all pages); the API names a tag in `tag`. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!credentialChosen.call(this)) return [];
	const options: INodePropertyOptions[] = [];
	// Every page to the same scope: the credential is read once.
	const scope = await runOf(this).scope();
	for (let skip = 0; ; skip += PAGE_SIZE) {
		const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/tags', {
			qs: { skip: String(skip), limit: String(PAGE_SIZE) },
			scope,
		});
		const { tags = [], count = 0 } = (response.results ?? {}) as { tags?: IDataObject[]; count?: number };
		options.push(...tags.map((tag) => ({ name: String(tag.tag), value: String(tag._id) })));
		if (tags.length === 0 || skip + tags.length >= Number(count)) break;
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
