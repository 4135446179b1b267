import type { IDataObject } from 'n8n-workflow';
import { runOf, type ApiContext, type LocationScope } from './run';
import { apiRequest } from './send';

// Who makes what a node creates when the item names no user. HoopAI wants a user of the location
// (`userId`, `createdBy`). A sub-account credential has one: its Default User ID, else the user who
// connected it. An agency install's connecting user is the agency's, which a sub-account need not
// list as its user, so there the sub-account's own users decide.

/** The route it reads (declared by the operations that use it). */
export const USERS_ROUTE = { method: 'GET', path: '/users/' } as const;

/**
 * The default user of an item's location. The credential's Default User ID when set; a
 * sub-account install: the user who connected it. An agency install: that user if the sub-account
 * lists them, else the sub-account's first admin, else its first user (GET /users/, once per
 * location per run); '' when it lists none.
 */
export async function defaultUserOf(this: ApiContext, scope: LocationScope): Promise<string> {
	const { connection } = scope;
	if (connection.install !== 'agency' || connection.userIdFromCredential) return connection.defaultUserId;
	return await runOf(this).once(`default user of ${scope.locationId}`, async () => {
		const answer = await apiRequest.call(this, 'GET', USERS_ROUTE.path, { qs: { locationId: scope.locationId }, scope });
		const users = ((answer.users ?? []) as IDataObject[]).filter((user) => user.id && !user.deleted);
		const chosen =
			users.find((user) => user.id === connection.defaultUserId) ??
			users.find((user) => (user.roles as IDataObject | undefined)?.role === 'admin') ??
			users[0];
		return chosen ? String(chosen.id) : '';
	});
}
