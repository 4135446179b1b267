import type { IDataObject } from 'n8n-workflow';
import { runOf, type ApiContext, type LocationScope } from './run';
import { apiRequest } from './send';

const ACCOUNTS_PATH = '/social-media-posting/{locationId}/accounts';

function accountsOf(response: IDataObject): IDataObject[] {
	return ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
}

/** The accounts' networks, as account ID → platform. */
export function platformsOf(accounts: IDataObject[]): Record<string, string> {
	return Object.fromEntries(accounts.map((account) => [String(account.id), String(account.platform)]));
}

/** The location's social accounts, asked of the API. */
export async function listAccounts(this: ApiContext, scope?: LocationScope): Promise<IDataObject[]> {
	return accountsOf(await apiRequest.call(this, 'GET', ACCOUNTS_PATH, { scope }));
}

/**
 * The location's social accounts, read once per run (its run state) for every item and hook that
 * asks, only when the first one needs them.
 */
export async function runAccounts(this: ApiContext, scope?: LocationScope): Promise<IDataObject[]> {
	const run = runOf(this);
	const location = scope ?? (await run.scope());
	return await run.once(`accounts ${location.locationId}`, async () => await listAccounts.call(this, location));
}
