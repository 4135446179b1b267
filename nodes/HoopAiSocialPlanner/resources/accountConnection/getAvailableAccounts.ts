import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { choice, text, wholeNumber } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { pathSegment } from '../../shared/ids';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest } from '../../shared/send';
import { CONNECT_NETWORKS, namesInWords } from '../../networks';
import { profilesOf } from '../../networks/connect';
import { checkNonce, nonceKey, type NonceKey } from './connectNonce';
import { readCallback } from './connectPage';
import { accountsPath, connectNetwork, connectPlatform, isV2Platform, LIST_ROUTES, OAUTH_ACCOUNT_ID_SOURCE } from './platforms';
import type { Operation } from '../resource';

const showForAvailable = { resource: ['accountConnection'], operation: ['getAvailableAccounts'] };

const LOGIN_FROM_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Connect Page (Webhook Item)',
		value: 'connectPage',
		description:
			'Each input item is what a connect page (Build Connect Page) posted to your Webhook node: its platform, accountId and nonce are read from it',
	},
	{ name: 'Platform and ID Below', value: 'fields', description: 'The network, and the accountId the connect window posted back' },
];

/** Where the login comes from; before Platform in the editor (index.ts). */
export const loginFromField: INodeProperties = {
	displayName: 'Login From',
	name: 'loginFrom',
	type: 'options',
	options: LOGIN_FROM_OPTIONS,
	default: 'connectPage',
	displayOptions: { show: showForAvailable },
	description: 'Which login to list the pages, profiles or locations of',
};

/** Platform and OAuth Account ID when they are given (not read from a connect page's callback). */
export const showForAvailableByFields = { ...showForAvailable, loginFrom: ['fields'] };

/** Its own fields; Platform and OAuth Account ID are declared once for the resource (index.ts). */
export const getAvailableAccountsDescription: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'availableSearch',
		type: 'string',
		default: '',
		displayOptions: { show: showForAvailable },
		description: `Only pages or profiles whose name contains this text. HoopAI searches for ${namesInWords(
			CONNECT_NETWORKS.filter((network) => network.connect.paths === 'v3'),
		)}; the other networks’ paths have no search, so the node keeps the matching names itself.`,
	},
];

/** The fields every available account has in the node's output, whatever its network. */
const UNIFORM_KEYS = ['id', 'name', 'platform', 'type', 'avatar', 'isConnected', 'oauthAccountId'];

/** One page/profile/location in the uniform shape, the network's own fields kept beside it. */
function uniform(platform: string, oauthAccountId: string, entry: IDataObject, type: string, fields: IDataObject = {}): IDataObject {
	const own = Object.fromEntries(Object.entries(entry).filter(([key]) => !UNIFORM_KEYS.includes(key)));
	return {
		id: String(fields.id ?? entry.id ?? ''),
		name: String(fields.name ?? entry.name ?? ''),
		platform,
		type,
		avatar: String(fields.avatar ?? entry.avatar ?? ''),
		isConnected: Boolean(fields.isConnected ?? entry.isConnected),
		oauthAccountId,
		...own,
	};
}

/** The `results` of step 2, whose shape depends on the network (its module's `connect.available`), as uniform items. */
export function availableAccounts(platform: string, oauthAccountId: string, results: IDataObject): IDataObject[] {
	const entries = connectNetwork(platform)?.connect.available(results) ?? profilesOf(results);
	return entries.map(({ entry, type, fields }) => uniform(platform, oauthAccountId, entry, type, fields));
}

/**
 * Step 2: the pages / profiles / locations the login can attach. v2 per-platform path for the
 * v2 networks, v3 generic path (with `search`) for the others; see platforms.ts.
 */
export async function fetchAvailableAccounts(
	this: IExecuteFunctions,
	scope: LocationScope,
	platform: string,
	oauthAccountId: string,
	search = '',
): Promise<IDataObject[]> {
	const v2 = isV2Platform(platform);
	const qs = search && !v2 ? { search } : undefined;
	const response = await apiRequest.call(this, 'GET', accountsPath(platform, oauthAccountId), { scope, qs });
	const accounts = availableAccounts(platform, oauthAccountId, (response.results ?? {}) as IDataObject);
	const wanted = search.toLowerCase();
	return v2 && wanted ? accounts.filter((account) => String(account.name).toLowerCase().includes(wanted)) : accounts;
}

/**
 * Get Available Accounts runs in code: its path depends on the network (v2 or generic), and each
 * network answers in its own shape, made uniform here so the next node needs no per-network logic.
 */
const getAvailableAccounts = withRoutes(async function getAvailableAccounts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const run = runOf(this);
	// The connect flow is per location: without one the run fails here, before any item.
	await run.scope();
	const items = this.getInputData();
	let key: NonceKey | undefined;
	return await runForEachItem.call(this, async (itemIndex) => {
		const scope = await run.scope(itemIndex);
		const from = choice<string>(node, 'Login From', this.getNodeParameter('loginFrom', itemIndex, 'connectPage'), LOGIN_FROM_OPTIONS);
		let login: { platform: string; oauthAccountId: string; nonce?: string };
		if (from === 'connectPage') {
			const callback = readCallback(node, items[itemIndex].json, 'Login From', `input item ${itemIndex + 1}`);
			key ??= await nonceKey.call(this, scope.connection);
			checkNonce(node, key, scope.locationId, callback.nonce, 'Login From');
			login = { platform: callback.platform, oauthAccountId: callback.accountId, nonce: callback.nonce };
		} else {
			login = {
				platform: connectPlatform(node, 'Platform', this.getNodeParameter('availablePlatform', itemIndex)),
				oauthAccountId: pathSegment(
					node,
					'OAuth Account ID',
					this.getNodeParameter('oauthAccountId', itemIndex, ''),
					OAUTH_ACCOUNT_ID_SOURCE,
				),
			};
		}
		const search = text(node, 'Search', this.getNodeParameter('availableSearch', itemIndex, '')).trim();
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : wholeNumber(node, 'Limit', this.getNodeParameter('limit', itemIndex, 50), 1);
		const accounts = await fetchAvailableAccounts.call(this, scope, login.platform, login.oauthAccountId, search);
		// The nonce goes on with each account, so Attach Accounts checks it again before it attaches.
		return accounts.slice(0, limit).map((account) => (login.nonce ? { ...account, nonce: login.nonce } : account));
	});
}, LIST_ROUTES);

export const getAvailableAccountsOperation: Operation = {
	option: {
		name: 'Get Available Accounts',
		value: 'getAvailableAccounts',
		action: 'Get the pages and profiles a login can attach',
		description: 'List the pages, profiles or business locations of a connected login',
	},
	run: getAvailableAccounts,
};
