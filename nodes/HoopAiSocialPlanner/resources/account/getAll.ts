import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { choice, choices } from '../../shared/checks';
import { PLATFORM_OPTIONS, platformName } from '../../networks';
import { accountLabel } from '../../shared/accounts';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';

const showForAccountGetAll = { resource: ['account'], operation: ['getAll'] };

/**
 * postReceive of Get Many: the accounts (filtered) or the groups, up to the Limit. In code rather
 * than routing `filter`/`limit` actions, whose expressions n8n evaluates per account per item.
 */
async function accountListItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = (items[0]?.json.results ?? {}) as IDataObject;
	const groups = this.getNodeParameter('output', 'accounts') === 'groups';
	let list = ((groups ? results.groups : results.accounts) ?? []) as IDataObject[];
	if (!groups) {
		const filters = this.getNodeParameter('accountFilters', {}) as IDataObject;
		const platforms = choices(this.getNode(), 'Filters → Platforms', filters.platforms, PLATFORM_OPTIONS);
		if (platforms.length) list = list.filter((account) => platforms.includes(String(account.platform)));
		if (filters.excludeExpired) list = list.filter((account) => !account.isExpired);
	}
	if (!this.getNodeParameter('returnAll', false)) list = list.slice(0, this.getNodeParameter('limit', 50) as number);
	if (this.getNodeParameter('simple', true)) list = groups ? list.map((group) => simpleGroup(group, results)) : list.map(simpleAccount);
	return list.map((json) => ({ json }));
}

/**
 * An account as Simplify shows it: its name and network first (what every accounts field takes
 * back, e.g. "Hoop Coffee (Facebook)"), whether it must be reconnected, and its ID, which stays
 * the same when the page is renamed. Attach Accounts outputs what it attached in this shape too.
 */
export function simpleAccount(account: IDataObject): IDataObject {
	return {
		name: account.name,
		network: platformName(String(account.platform ?? '')),
		...(account.type ? { type: account.type } : {}),
		expired: account.isExpired === true,
		id: account.id,
	};
}

/** A group as Simplify shows it: its name and its accounts by name and network. */
function simpleGroup(group: IDataObject, results: IDataObject): IDataObject {
	const accounts = ((results.accounts ?? []) as IDataObject[]).filter((account) =>
		((group.accountIds ?? []) as string[]).includes(String(account.id)),
	);
	return { name: group.name, accounts: accounts.map(accountLabel).join(', ') };
}

const OUTPUT_OPTIONS = [
	{ name: 'Accounts', value: 'accounts', description: 'One item per connected social account' },
	{ name: 'Groups', value: 'groups', description: 'One item per account group, with its accounts' },
];

/** preSend of Get Many: what to return and the networks to keep, checked before the accounts are read. */
async function checkAccountListOptions(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	if (choice(node, 'Return', this.getNodeParameter('output', 'accounts'), OUTPUT_OPTIONS) === 'accounts') {
		const filters = this.getNodeParameter('accountFilters', {}) as IDataObject;
		choices(node, 'Filters → Platforms', filters.platforms, PLATFORM_OPTIONS);
	}
	return requestOptions;
}

export const accountGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Return',
		name: 'output',
		type: 'options',
		displayOptions: { show: showForAccountGetAll },
		options: OUTPUT_OPTIONS,
		default: 'accounts',
	},
	{
		displayName: 'Filters',
		name: 'accountFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: { ...showForAccountGetAll, output: ['accounts'] } },
		default: {},
		options: [
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'multiOptions',
				options: PLATFORM_OPTIONS,
				default: [],
				description: 'Only accounts of these networks',
			},
			{
				displayName: 'Exclude Expired',
				name: 'excludeExpired',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out accounts whose connection has expired and must be reconnected in HoopAI',
			},
		],
	},
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many social accounts',
		description: 'List the social media accounts (or account groups) connected to the location',
		routing: apiRouting({
			request: { method: 'GET', url: locationPath('/accounts') },
			preSend: [checkAccountListOptions],
			postReceive: [accountListItems],
		}),
	},
};
