import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions } from 'n8n-workflow';
import { apiRequest, getRunConnection, oncePerRun, type ApiConnection } from './transport';

const ACCOUNTS_PATH = '/social-media-posting/{locationId}/accounts';

function accountsOf(response: IDataObject): IDataObject[] {
	return ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
}

/** The location's social accounts, as account ID → platform. */
export async function accountPlatforms(
	this: IExecuteFunctions,
	connection: ApiConnection,
): Promise<Record<string, string>> {
	const accounts = accountsOf(await apiRequest.call(this, 'GET', ACCOUNTS_PATH, { connection }));
	return Object.fromEntries(accounts.map((account) => [String(account.id), String(account.platform)]));
}

/**
 * A lazy, once-per-run lookup: operations that send many posts ask the API for the accounts
 * only when the first item needs them, and only once.
 */
export function accountPlatformsOnce(this: IExecuteFunctions, connection: ApiConnection): () => Promise<Record<string, string>> {
	let loading: Promise<Record<string, string>> | undefined;
	return async () => await (loading ??= accountPlatforms.call(this, connection));
}

const runAccounts = new WeakMap<object, Promise<IDataObject[]>>();

/** The location's social accounts, read once per run of a routed operation. */
export async function getRunAccounts(this: IExecuteSingleFunctions): Promise<IDataObject[]> {
	return await oncePerRun(this, runAccounts, async () =>
		accountsOf(await apiRequest.call(this, 'GET', ACCOUNTS_PATH, { connection: await getRunConnection.call(this) })),
	);
}
