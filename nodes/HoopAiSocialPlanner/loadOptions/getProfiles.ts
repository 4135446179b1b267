import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { platformName } from '../networks';
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
			name: `${String(account.name)} (${platformName(String(account.platform))})`,
			value: String(account.profileId),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
