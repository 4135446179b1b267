import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { LOCATION_PLACEHOLDER } from '../shared/request';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

/** The location's users (GET /users/, scope users.readonly), as "Name (email)". */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!credentialChosen.call(this)) return [];
	const response = await apiRequest.call(this, 'GET', '/users/', { qs: { locationId: LOCATION_PLACEHOLDER } });
	const users = (response.users ?? []) as IDataObject[];
	return users
		.filter((user) => !user.deleted)
		.map((user) => ({
			name: `${String(user.name ?? [user.firstName, user.lastName].filter(Boolean).join(' '))}${user.email ? ` (${String(user.email)})` : ''}`,
			value: String(user.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
