import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { choice, dateText, trueOrFalse } from '../../shared/checks';
import { describeUtc, parseInstant } from '../../shared/dates';
import { paginateCountedList } from '../../shared/pagination';
import { POST_FORMAT_OPTIONS } from '../../networks/network';
import { accountIdsOf, runAccounts } from '../../shared/accounts';
import { runOf, scopeOfItem } from '../../shared/run';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';
import { accountDirectory, simplifyPost } from './simplify';

const showForGetAll = { resource: ['post'], operation: ['getAll'] };
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS_BACK = 30;
export const DEFAULT_DAYS_AHEAD = 90;
export const POSTS_PAGE_SIZE = 100;

/** The statuses Get Many filters by (`type` of the list body). */
const STATUS_OPTIONS = [
	{ name: 'All', value: 'all' },
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'In Review', value: 'in_review' },
	{ name: 'Pending (Instagram Processing)', value: 'pending' },
	{ name: 'Published', value: 'published' },
	{ name: 'Recent', value: 'recent' },
	{ name: 'Scheduled', value: 'scheduled' },
];

const ORDER_OPTIONS = [
	{ name: 'Latest First', value: 'latestFirst', description: 'The latest date first' },
	{ name: 'Soonest First', value: 'soonestFirst', description: 'The earliest date first: with Upcoming Only, the next posts to go out' },
];

/** A post's date in the list: when it is scheduled, or was published (the API's display date). */
function postTime(post: IDataObject): number {
	const time = Date.parse(String(post.displayDate ?? post.scheduleDate ?? post.publishedAt ?? post.createdAt ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

/** preSend of Get Many: the list body with the window, filters and the API's string flags. */
async function buildPostListBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const now = Date.now();
	const soonestFirst = choice<string>(node, 'Order', this.getNodeParameter('postOrder', 'latestFirst'), ORDER_OPTIONS) === 'soonestFirst';
	const upcomingOnly = trueOrFalse(node, 'Upcoming Only', this.getNodeParameter('upcomingOnly', false), 'for posts dated from now on');
	const typed = {
		fromDate: dateText(node, 'Filters → From Date', filters.fromDate),
		toDate: dateText(node, 'Filters → To Date', filters.toDate),
	};
	const date = (name: 'fromDate' | 'toDate', fallback: number) => {
		const value = typed[name] ? parseInstant(typed[name]) : fallback;
		if (Number.isNaN(value)) {
			throw new NodeOperationError(
				node,
				`Filters → ${name === 'fromDate' ? 'From Date' : 'To Date'}: "${typed[name]}" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z`,
				{
					description: 'A date without a time is its start, read in the workflow’s timezone.',
				},
			);
		}
		return value;
	};
	const toDate = date('toDate', now + DEFAULT_DAYS_AHEAD * DAY_MS);
	// Upcoming Only starts the window now (or at a later From Date).
	const fromDate = upcomingOnly ? Math.max(date('fromDate', now), now) : date('fromDate', now - DEFAULT_DAYS_BACK * DAY_MS);
	if (upcomingOnly && toDate < now) {
		throw new NodeOperationError(
			node,
			`Filters → To Date: "${typed.toDate}" is in the past, so no post is upcoming. Clear To Date or give a later one, or turn Upcoming Only off.`,
		);
	}
	if (fromDate > toDate) {
		// The dates as the user typed them; one left empty is the default window's end, in UTC.
		const shown = (name: 'fromDate' | 'toDate', value: number) =>
			typed[name] ? `"${typed[name]}"` : `(not set: ${describeUtc(new Date(value).toISOString())})`;
		throw new NodeOperationError(
			node,
			`Filters → From Date: ${shown('fromDate', fromDate)} is after To Date ${shown('toDate', toDate)}; choose a From Date before the To Date`,
		);
	}
	const unset = (value: unknown) => value === undefined || value === '';
	const status = unset(filters.status) ? 'all' : choice<string>(node, 'Filters → Status', filters.status, STATUS_OPTIONS);
	const postType = unset(filters.postType) ? '' : choice<string>(node, 'Filters → Post Type', filters.postType, POST_FORMAT_OPTIONS);
	const accounts = await accountIdsOf.call(this, 'Filters → Account Names or IDs', filters.accounts, { scope: await scopeOfItem(this) });
	runOf(this).itemSettings.set(this.getItemIndex(), { soonestFirst, ...(upcomingOnly ? { from: fromDate } : {}) });
	requestOptions.body = {
		skip: '0',
		limit: String(POSTS_PAGE_SIZE),
		fromDate: new Date(fromDate).toISOString(),
		toDate: new Date(toDate).toISOString(),
		includeUsers: filters.includeUsers ? 'true' : 'false',
		type: status,
		...(accounts.length ? { accounts: accounts.join(',') } : {}),
		...(postType ? { postType } : {}),
	};
	return requestOptions;
}

/**
 * Get Many's pages: the API documents no order of its list, so every page of the window is read
 * and sorted here (one request per 100 posts in the window), and the Limit takes the first ones:
 * "the next 3 posts" are the next 3, whatever the API's order.
 */
const paginatePosts = paginateCountedList({
	in: 'body',
	itemsPath: 'results.posts',
	countPath: 'results.count',
	pageSize: POSTS_PAGE_SIZE,
	arrange(posts) {
		const { soonestFirst, from } = runOf(this).itemSettings.get(this.getItemIndex()) ?? {};
		const dated = posts.map((post) => ({ post, at: postTime(post) })).filter(({ at }) => typeof from !== 'number' || at >= from);
		const byId = (a: IDataObject, b: IDataObject) => String(a._id ?? '').localeCompare(String(b._id ?? ''));
		dated.sort((a, b) => (soonestFirst ? a.at - b.at || byId(a.post, b.post) : b.at - a.at || byId(b.post, a.post)));
		return dated.map(({ post }) => post);
	},
	async mapItems(posts) {
		if (!this.getNodeParameter('simple', true)) return posts;
		const accounts = accountDirectory(await runAccounts.call(this, await scopeOfItem(this)));
		const zone = this.getTimezone();
		return posts.map((post) => simplifyPost(post, accounts, zone));
	},
});

export const postGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Order',
		name: 'postOrder',
		type: 'options',
		options: ORDER_OPTIONS,
		default: 'latestFirst',
		displayOptions: { show: showForGetAll },
		description: 'By date (scheduled or published), across the whole window: the Limit keeps the first ones in this order',
	},
	{
		displayName: 'Upcoming Only',
		name: 'upcomingOnly',
		type: 'boolean',
		default: false,
		displayOptions: { show: showForGetAll },
		description: 'Whether to return only posts dated from now on. With Order "Soonest First" and a Limit of 3: the next 3 posts.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showForGetAll },
		options: [
			{
				displayName: 'Account Names or IDs',
				name: 'accounts',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAccounts' },
				default: [],
				description:
					'Only posts to these accounts (from an expression: names such as "Hoop Coffee (Facebook)" or IDs). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description: `Start of the window of posts (by schedule or publish date). Default: ${DEFAULT_DAYS_BACK} days ago (with Upcoming Only: now).`,
			},
			{
				displayName: 'Include Users',
				name: 'includeUsers',
				type: 'boolean',
				default: false,
				description: 'Whether to add each post’s creator as a user object',
			},
			{
				displayName: 'Post Type',
				name: 'postType',
				type: 'options',
				options: POST_FORMAT_OPTIONS,
				default: 'post',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 'all',
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description: `End of the window of posts. Default: ${DEFAULT_DAYS_AHEAD} days ahead.`,
			},
		],
	},
];

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many posts',
		description: 'List posts in a date window, filtered by status, accounts and type',
		routing: apiRouting({
			request: { method: 'POST', url: locationPath('/posts/list') },
			preSend: [buildPostListBody],
			pagination: paginatePosts,
		}),
	},
};
