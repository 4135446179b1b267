import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { searchLocations } from '../listSearch/searchLocations';

/** Every installed sub-account, for multi-selects (the Location list, page after page). */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let paginationToken: string | undefined;
	do {
		const page = await searchLocations.call(this, undefined, paginationToken);
		options.push(...page.results.map(({ name, value }) => ({ name, value })));
		paginationToken = page.paginationToken as string | undefined;
	} while (paginationToken);
	return options;
}
