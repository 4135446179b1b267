import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { accountIdsOf } from '../../shared/accounts';
import { idList } from '../../shared/ids';
import { scopeOfItem } from '../../shared/run';
import { utcDate } from './fields';

/** Get Calendar of Category Queue (all active queues) and of Queue Edit Session (one session's draft). */
const showForCalendar = { resource: ['categoryQueue', 'queueEditSession'], operation: ['getCalendar'] };

export const calendarDescription: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'calendarStartDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: showForCalendar },
		description: 'The first moment of the calendar, in the workflow’s timezone',
	},
	{
		displayName: 'End Date',
		name: 'calendarEndDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: showForCalendar },
		description: 'The last moment of the calendar, in the workflow’s timezone',
	},
	{
		displayName: 'Filters',
		name: 'calendarFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showForCalendar },
		options: [
			{
				displayName: 'Account Names or IDs',
				name: 'accountIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAccounts' },
				default: [],
				description:
					'Only posts to these social accounts. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Category Names or IDs',
				name: 'categoryIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: [],
				description:
					'Only the queues of these categories (Category Queue → Get Calendar). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/** The calendar window: start and end checked, the start first. */
function calendarWindow(node: INode, start: unknown, end: unknown, zone: string): { startDate: string; endDate: string } {
	const startDate = utcDate(node, 'Start Date', start, zone);
	const endDate = utcDate(node, 'End Date', end, zone);
	if (Date.parse(startDate) > Date.parse(endDate)) {
		throw new NodeOperationError(
			node,
			`Start Date: "${String(start)}" is after End Date "${String(end)}"; choose a Start Date before the End Date`,
		);
	}
	return { startDate, endDate };
}

/** preSend of both calendars: the window in UTC and the filters (categories only where the API takes them). */
export async function buildCalendarBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const body: IDataObject = {
		...(requestOptions.body as IDataObject),
		...calendarWindow(
			node,
			this.getNodeParameter('calendarStartDate', ''),
			this.getNodeParameter('calendarEndDate', ''),
			this.getTimezone(),
		),
	};
	const filters = this.getNodeParameter('calendarFilters', {}) as IDataObject;
	const accountIds = await accountIdsOf.call(this, 'Filters → Account Names or IDs', filters.accountIds, {
		scope: await scopeOfItem(this),
	});
	if (accountIds.length) body.accountIds = accountIds;
	if (this.getNodeParameter('resource') === 'categoryQueue') {
		const categoryIds = idList(node, 'Filters → Category Names or IDs', filters.categoryIds);
		if (categoryIds.length) body.categoryIds = categoryIds;
	}
	requestOptions.body = body;
	return requestOptions;
}

/** postReceive: one item per scheduled post, up to the Limit unless Return All. */
export async function calendarItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = (items[0]?.json.results ?? {}) as IDataObject;
	const posts = (results.scheduledPosts ?? []) as IDataObject[];
	const wanted = this.getNodeParameter('returnAll', false) ? posts.length : (this.getNodeParameter('limit', 50) as number);
	return posts.slice(0, wanted).map((json) => ({ json }));
}
