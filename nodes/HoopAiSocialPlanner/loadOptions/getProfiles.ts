import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { accountLabel } from '../shared/accounts';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

/** Accounts for statistics, whose `profileIds` are the accounts' `profileId`. */
export async function getProfiles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!credentialChosen.call(this)) return [];
	const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/accounts');
	const accounts = ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
	return accounts
		.filter((account) => account.profileId)
		.map((account) => ({
			name: accountLabel(account),
			value: String(account.profileId),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
