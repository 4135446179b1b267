import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { text, wholeNumber } from './checks';

/** A social account picked from a searchable list or given by ID. */
export const accountLocator: INodeProperties = {
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The connected social media account',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 660a83fc29deacac50033e2b_omaDY3RbWtTP511e808O_17841465964543589',
		},
	],
};

/** A post picked from a searchable list of recent and upcoming posts, or given by ID. */
export const postLocator: INodeProperties = {
	displayName: 'Post',
	name: 'postId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Social Planner post',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPosts', searchable: true, searchFilterRequired: false },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 65f1c7e2a4b5c6d7e8f90123',
		},
	],
};

/**
 * Simplify (n8n's `simple`, on by default) for the operations that output posts or accounts (see
 * post/simplify.ts, account/getAll.ts, accountConnection/attachAccounts.ts), declared once: each
 * declaration is evaluated per item. No other resource has these operations, nor these resources
 * the others: the lists show it exactly where it applies.
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simple',
	type: 'boolean',
	default: true,
	displayOptions: {
		show: { resource: ['post', 'account', 'accountConnection'], operation: ['create', 'get', 'getAll', 'update', 'attachAccounts'] },
	},
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * Return All, Limit and Search, declared once for every Get Many: n8n evaluates every declared
 * property of the node for every item, so one name declared five times costs five evaluations of
 * its expression. Each operation's own pagination goes in its routing (see apiRouting).
 */
/** The operations that output a list: every Get Many, and the queues' lists with other names. */
const LIST_OPERATIONS = ['getAll', 'getAvailableAccounts', 'getAvailableCategories', 'getCalendar'];

export const listFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: { operation: LIST_OPERATIONS } },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { operation: LIST_OPERATIONS, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		routing: { send: { preSend: [checkLimit] } },
	},
	{
		displayName: 'Search',
		name: 'searchText',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['category', 'tag'], operation: ['getAll'] } },
		description: 'Only those whose name contains this text',
		routing: { send: { preSend: [sendSearchText] } },
	},
];

/** Both nodes accept either credential, chosen by the `authentication` parameter. */
export const nodeCredentials: INodeCredentialDescription[] = [
	{ name: 'hoopAiApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
	{ name: 'hoopAiOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};

/** preSend: the `searchText` query, only when the Search field has text. */
export async function sendSearchText(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const searchText = text(this.getNode(), 'Search', this.getNodeParameter('searchText', '')).trim();
	if (searchText) requestOptions.qs = { ...requestOptions.qs, searchText };
	return requestOptions;
}

/**
 * preSend of every Get Many (shown without Return All): a Limit from an expression may be 0, -1,
 * 1.5 or text, which would silently return nothing or be refused by the API.
 */
export async function checkLimit(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	wholeNumber(this.getNode(), 'Limit', this.getNodeParameter('limit', 50), 1);
	return requestOptions;
}
