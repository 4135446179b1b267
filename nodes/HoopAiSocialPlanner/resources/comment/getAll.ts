import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { choice, dateText, text } from '../../shared/checks';
import { parseInstant } from '../../shared/dates';
import { accountIdsOf, accountReferences } from '../../shared/accounts';
import { paginateCountedList } from '../../shared/pagination';
import { apiRouting, sentPathValue } from '../../shared/routing';
import { scopeOfItem } from '../../shared/run';
import { originIdOf } from '../../loadOptions/getCommentAccounts';
import type { Operation } from '../resource';
import { checkCommentPlatform, COMMENTS_PATH, hoopAiId, PLATFORM, showFor, withLocation } from './fields';

const SORT_OPTIONS = [
	{ name: 'Latest', value: 'latest' },
	{ name: 'Top', value: 'top' },
];

/** From Date and To Date in UTC, checked to be dates in that order. */
function commentWindow(node: INode, fromDate: string, toDate: string): IDataObject {
	const from = parseInstant(fromDate);
	const to = parseInstant(toDate);
	if (Number.isNaN(from))
		throw new NodeOperationError(
			node,
			`Filters → From Date: "${fromDate}" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z`,
		);
	if (Number.isNaN(to))
		throw new NodeOperationError(
			node,
			`Filters → To Date: "${toDate}" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z`,
		);
	if (from > to)
		throw new NodeOperationError(
			node,
			`Filters → From Date: "${fromDate}" is after To Date "${toDate}"; choose a From Date before the To Date`,
		);
	return { fromDate: new Date(from).toISOString(), toDate: new Date(to).toISOString() };
}

const ACCOUNTS_LABEL = 'Account Names or IDs';

/** preSend of Get Many: the accounts and filters; a date window needs both ends, in order. */
async function buildCommentListBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const filters = this.getNodeParameter('commentFilters', {}) as IDataObject;
	const accounts = accountReferences(node, ACCOUNTS_LABEL, this.getNodeParameter('originIds', []));
	if (accounts.length === 0) throw new NodeOperationError(node, 'Account Names or IDs: none chosen; choose at least one account');
	const fromDate = dateText(node, 'Filters → From Date', filters.fromDate);
	const toDate = dateText(node, 'Filters → To Date', filters.toDate);
	if (Boolean(fromDate) !== Boolean(toDate)) {
		throw new NodeOperationError(node, 'Filters: From Date and To Date go together; set both, or neither');
	}
	const window = fromDate ? commentWindow(node, fromDate, toDate) : {};
	const search = text(node, 'Filters → Search', filters.search).trim();
	const parentId = hoopAiId(node, 'Filters → Replies To', filters.parentId);
	const sortBy = filters.sortBy ? choice<string>(node, 'Filters → Sort By', filters.sortBy, SORT_OPTIONS) : undefined;
	// Last, once the rest is checked: the comment platform's accounts only, by the network's own
	// account ID (as the dropdown values them).
	const platform = sentPathValue(this, 'platform');
	const originIds = await accountIdsOf.call(this, ACCOUNTS_LABEL, accounts, {
		scope: await scopeOfItem(this),
		idOf: (account) => originIdOf(String(account.id)),
		among: (account) => account.platform === platform,
	});
	requestOptions.body = {
		originIds,
		...window,
		...(sortBy ? { sortBy } : {}),
		...(search ? { search } : {}),
		...(parentId ? { parentId } : {}),
	};
	return requestOptions;
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many comments',
		description: 'List the comments on the posts of some accounts',
		routing: apiRouting({
			request: { method: 'POST', url: `${COMMENTS_PATH}/list`, ...withLocation },
			path: PLATFORM,
			preSend: [checkCommentPlatform, buildCommentListBody],
			pagination: paginateCountedList({
				in: 'body',
				itemsPath: 'results.comments',
				countPath: 'results.meta.total',
				pageSize: 100,
				numeric: true,
			}),
		}),
	},
};

export const commentGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Account Names or IDs',
		name: 'originIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCommentAccounts', loadOptionsDependsOn: ['platform'] },
		default: [],
		required: true,
		displayOptions: { show: showFor('getAll') },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Accounts whose posts’ comments to list. From an expression: account names, or the networks’ own account IDs.',
	},
	{
		displayName: 'Filters',
		name: 'commentFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showFor('getAll') },
		options: [
			{ displayName: 'From Date', name: 'fromDate', type: 'dateTime', default: '', description: 'Needs To Date too' },
			{ displayName: 'Replies To', name: 'parentId', type: 'string', default: '', description: 'Only the replies to this comment ID' },
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Only comments containing this text' },
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: SORT_OPTIONS,
				default: 'latest',
			},
			{ displayName: 'To Date', name: 'toDate', type: 'dateTime', default: '', description: 'Needs From Date too' },
		],
	},
];
