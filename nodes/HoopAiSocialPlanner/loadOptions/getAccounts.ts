import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { searchAccounts } from '../listSearch/searchAccounts';

/** Connected accounts for multi-selects, shown as "Name (Platform)". */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchAccounts.call(this);
	return results.map(({ name, value }) => ({ name, value }));
}
