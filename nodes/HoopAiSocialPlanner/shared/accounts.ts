import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import { apiRequest, getRunConnection, oncePerRun, type ApiConnection, type ApiContext } from './transport';

const ACCOUNTS_PATH = '/social-media-posting/{locationId}/accounts';

function accountsOf(response: IDataObject): IDataObject[] {
	return ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
}

/** The accounts' networks, as account ID → platform. */
export function platformsOf(accounts: IDataObject[]): Record<string, string> {
	return Object.fromEntries(accounts.map((account) => [String(account.id), String(account.platform)]));
}

/** The location's social accounts. */
export async function listAccounts(this: ApiContext, connection: ApiConnection): Promise<IDataObject[]> {
	return accountsOf(await apiRequest.call(this, 'GET', ACCOUNTS_PATH, { connection }));
}

/**
 * A lazy, once-per-run lookup of the location's social accounts for custom operations: asked of
 * the API only when the first item needs them, and only once.
 */
export function accountsOnce(this: IExecuteFunctions, connection: ApiConnection): () => Promise<IDataObject[]> {
	let loading: Promise<IDataObject[]> | undefined;
	return async () => await (loading ??= listAccounts.call(this, connection));
}

const runAccounts = new WeakMap<object, Promise<IDataObject[]>>();

/** The location's social accounts, read once per run of a routed operation. */
export async function getRunAccounts(this: IExecuteSingleFunctions): Promise<IDataObject[]> {
	return await oncePerRun(this, runAccounts, async () =>
		listAccounts.call(this, await getRunConnection.call(this)),
	);
}
