import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { accountLabel } from '../shared/accounts';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

interface AccountsResponse {
	results?: { accounts?: Array<IDataObject & { id: string; name?: string; platform?: string; isExpired?: boolean }> };
}

/** Connected social accounts as "Name (Platform)", filtered by name or platform. */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	const response = (await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/accounts')) as AccountsResponse;
	const needle = (filter ?? '').toLowerCase();
	const results = (response.results?.accounts ?? [])
		.map((account) => ({
			name: `${accountLabel(account)}${account.isExpired ? ' – expired' : ''}`,
			value: account.id,
		}))
		.filter((option) => option.name.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
