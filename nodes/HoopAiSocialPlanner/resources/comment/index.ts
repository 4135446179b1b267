import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodeProperties,
	type PostReceiveAction,
} from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting, itemsAt, sentPathValue } from '../../shared/routing';
import { toIdList } from '../post/postInput';

const show = { resource: ['comment'] };
const showFor = (...operation: string[]) => ({ ...show, operation });
const COMMENTS_PATH = '/social-media-posting/comments/{platform}';
const LIKE_PATH = `${COMMENTS_PATH}/{commentId}/like`;
const withLocation = { qs: { locationId: LOCATION_PLACEHOLDER } };
const PLATFORM = { platform: 'Platform' };
const paginateComments = paginateCountedList({ in: 'body', itemsPath: 'results.comments', countPath: 'results.meta.total', pageSize: 100, numeric: true });
const PLATFORM_AND_COMMENT = { platform: 'Platform', commentId: 'Comment ID' };

/** preSend of Create: the reply, each field read once (a routing `send` per field costs n8n one more evaluation each). */
export async function buildCommentBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const attachments =
		this.getNodeParameter('platform', '') === 'facebook' ? toIdList(this.getNodeParameter('attachments', '')) : [];
	requestOptions.body = {
		parentId: this.getNodeParameter('parentId', ''),
		isParentThread: this.getNodeParameter('isParentThread', true),
		content: this.getNodeParameter('content', ''),
		...(attachments.length ? { attachments: attachments.map((url) => ({ url, type: 'image' })) } : {}),
	};
	return requestOptions;
}

/** postReceive of Like and Unlike: the comment's new state. */
function likedItem(liked: boolean): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return [{ json: { liked, id: sentPathValue(this, 'commentId') } }];
	};
}

/** preSend of Get Many: the accounts and filters; a date window needs both ends. */
export async function buildCommentListBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('commentFilters', {}) as IDataObject;
	const originIds = toIdList(this.getNodeParameter('originIds', []));
	if (originIds.length === 0) throw new NodeOperationError(this.getNode(), 'Account Names or IDs: choose at least one account');
	if (Boolean(filters.fromDate) !== Boolean(filters.toDate)) {
		throw new NodeOperationError(this.getNode(), 'Filters: From Date and To Date go together', { description: 'Set both, or neither.' });
	}
	const toIso = (value: unknown) => new Date(Date.parse(String(value))).toISOString();
	requestOptions.body = {
		originIds,
		...(filters.fromDate ? { fromDate: toIso(filters.fromDate), toDate: toIso(filters.toDate) } : {}),
		...(filters.sortBy ? { sortBy: filters.sortBy } : {}),
		...(filters.search ? { search: filters.search } : {}),
		...(filters.parentId ? { parentId: filters.parentId } : {}),
	};
	return requestOptions;
}

// Likes are not offered for Instagram, Threads and YouTube comments (the API answers 400).
const NO_LIKES = 'Its comments cannot be liked through the API';
const PLATFORMS = [
	{ name: 'Bluesky', value: 'bluesky' },
	{ name: 'Community', value: 'community' },
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Instagram', value: 'instagram', description: NO_LIKES },
	{ name: 'LinkedIn', value: 'linkedin' },
	{ name: 'Threads', value: 'threads', description: NO_LIKES },
	{ name: 'TikTok', value: 'tiktok' },
	{ name: 'YouTube', value: 'youtube', description: NO_LIKES },
];

/** preSend of Like and Unlike: a platform whose comments cannot be liked fails before sending. */
export async function checkLikePlatform(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const platform = PLATFORMS.find((option) => option.value === this.getNodeParameter('platform', ''));
	if (platform?.description === NO_LIKES) {
		const likeable = PLATFORMS.filter((option) => !option.description).map((option) => option.name);
		throw new NodeOperationError(this.getNode(), `Platform: ${platform.name} comments cannot be liked or unliked through the API`, {
			description: `Likes work for ${likeable.join(', ')}.`,
		});
	}
	return requestOptions;
}

export const commentOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Comment on a post or reply to a comment',
			routing: apiRouting({
				request: { method: 'POST', url: COMMENTS_PATH, ...withLocation },
				path: PLATFORM,
				preSend: [buildCommentBody],
				postReceive: [itemsAt('results')],
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many comments',
			description: 'List the comments on the posts of some accounts',
			routing: apiRouting({
				request: { method: 'POST', url: `${COMMENTS_PATH}/list`, ...withLocation },
				path: PLATFORM,
				preSend: [buildCommentListBody],
				pagination: paginateComments,
			}),
		},
		{
			name: 'Like',
			value: 'like',
			action: 'Like a comment',
			routing: apiRouting({
				request: { method: 'POST', url: LIKE_PATH, ...withLocation },
				// Liking a liked comment leaves it liked: safe to send again.
				effect: 'idempotent',
				path: PLATFORM_AND_COMMENT,
				preSend: [checkLikePlatform],
				postReceive: [likedItem(true)],
			}),
		},
		{
			name: 'Unlike',
			value: 'unlike',
			action: 'Unlike a comment',
			routing: apiRouting({
				request: { method: 'DELETE', url: LIKE_PATH, ...withLocation },
				path: PLATFORM_AND_COMMENT,
				preSend: [checkLikePlatform],
				postReceive: [likedItem(false)],
			}),
		},
	],
	default: 'getAll',
};

export const commentFields: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		options: PLATFORMS,
		default: 'facebook',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Account Names or IDs',
		name: 'originIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCommentAccounts', loadOptionsDependsOn: ['platform'] },
		default: [],
		required: true,
		displayOptions: { show: showFor('getAll') },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Accounts whose posts’ comments to list. IDs are the networks’ own account IDs.',
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
				options: [
					{ name: 'Latest', value: 'latest' },
					{ name: 'Top', value: 'top' },
				],
				default: 'latest',
			},
			{ displayName: 'To Date', name: 'toDate', type: 'dateTime', default: '', description: 'Needs From Date too' },
		],
	},
	{
		displayName: 'Reply To',
		name: 'parentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showFor('create') },
		description: 'The ID of the post (HoopAI post ID) or of the comment to answer',
	},
	{
		displayName: 'Reply To Is',
		name: 'isParentThread',
		type: 'options',
		options: [
			{ name: 'A Post', value: true },
			{ name: 'A Comment', value: false },
		],
		default: true,
		displayOptions: { show: showFor('create') },
	},
	{
		displayName: 'Text',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: showFor('create') },
	},
	{
		displayName: 'Image URLs',
		name: 'attachments',
		type: 'string',
		default: '',
		displayOptions: { show: { ...showFor('create'), platform: ['facebook'] } },
		description: 'Comma-separated image URLs to attach (Facebook only)',
	},
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showFor('like', 'unlike') },
	},
];
