import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

/**
 * The network's own ID of an account (what comments' `originIds` want). The API returns none;
 * account IDs are built as `<oauthId>_<locationId>_<originId>`, so it is the last part.
 */
export function originIdOf(accountId: string): string {
	return accountId.split('_').pop() ?? accountId;
}

/** Accounts of the chosen comment platform, valued by their origin ID. */
export async function getCommentAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!credentialChosen.call(this)) return [];
	const platform = this.getCurrentNodeParameter('platform') as string;
	const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/accounts');
	const accounts = ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
	return accounts
		.filter((account) => !platform || account.platform === platform)
		.map((account) => ({ name: String(account.name), value: originIdOf(String(account.id)) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
