import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { choice, choices } from '../../shared/checks';
import { PLATFORM_OPTIONS } from '../../networks';
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
	return list.map((json) => ({ json }));
}

const OUTPUT_OPTIONS = [
	{ name: 'Accounts', value: 'accounts', description: 'One item per connected social account' },
	{ name: 'Groups', value: 'groups', description: 'One item per account group, with its account IDs' },
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
