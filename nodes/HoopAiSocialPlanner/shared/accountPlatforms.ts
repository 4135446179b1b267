import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { apiRequest, type ApiConnection } from './transport';

/** The location's social accounts, as account ID → platform. */
export async function accountPlatforms(
	this: IExecuteFunctions,
	connection: ApiConnection,
): Promise<Record<string, string>> {
	const response = await apiRequest.call(this, 'GET', '/social-media-posting/{locationId}/accounts', { connection });
	const accounts = ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
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
