import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { choice, dateText, linkList, text } from '../../shared/checks';
import { parseInstant } from '../../shared/dates';
import { idList, optionalId } from '../../shared/ids';
import { paginateCountedList } from '../../shared/pagination';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting, itemsAt, sentPathValue, type OutputHook } from '../../shared/routing';
import { COMMENT_NETWORKS, namesInWords, type CommentNetwork } from '../../networks';

const show = { resource: ['comment'] };
const showFor = (...operation: string[]) => ({ ...show, operation });
const COMMENTS_PATH = '/social-media-posting/comments/{platform}';
const LIKE_PATH = `${COMMENTS_PATH}/{commentId}/like`;
const withLocation = { qs: { locationId: LOCATION_PLACEHOLDER } };
const PLATFORM = { platform: 'Platform' };
const paginateComments = paginateCountedList({ in: 'body', itemsPath: 'results.comments', countPath: 'results.meta.total', pageSize: 100, numeric: true });
const PLATFORM_AND_COMMENT = { platform: 'Platform', commentId: 'Comment ID' };

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif'];

/** A HoopAI post or comment `_id` (the v3 spec: "a valid 24-character Highlevel ID"); '' when none. */
function hoopAiId(node: INode, label: string, value: unknown): string {
	const id = optionalId(node, label, value);
	if (id && !/^[A-Za-z0-9]{24}$/.test(id)) {
		throw new NodeOperationError(node, `${label}: "${id}" is not a HoopAI post or comment ID (24 letters and digits)`, {
			description: 'Use the _id of a post (Post → Get Many) or of a comment (Comment → Get Many), not the network’s own ID.',
		});
	}
	return id;
}

/** A reply's images (Facebook: at most one), links to a JPEG, PNG or GIF (a link without extension is let through). */
function imageAttachments(node: INode, network: CommentNetwork, value: unknown): IDataObject[] {
	const urls = linkList(node, 'Image URLs', value);
	if (urls.length > network.comments.maxImages) {
		throw new NodeOperationError(node, `Image URLs: ${urls.length} images, a ${network.name} comment takes at most ${network.comments.maxImages}`);
	}
	for (const url of urls) {
		const extension = /\.([a-z0-9]+)$/i.exec(url.split(/[?#]/)[0])?.[1]?.toLowerCase();
		if (extension && !IMAGE_EXTENSIONS.includes(extension)) {
			throw new NodeOperationError(node, `Image URLs: "${url}" is not an image; use a JPEG, PNG or GIF`);
		}
	}
	return urls.map((url) => ({ url, type: 'image' }));
}

/** The reply's text, within its network's length. */
function commentText(node: INode, network: CommentNetwork | undefined, value: unknown): string {
	const content = text(node, 'Text', value).trim();
	if (!content) throw new NodeOperationError(node, 'Text: no text given', { description: 'A comment needs its text.' });
	if (network && content.length > network.comments.maxLength) {
		throw new NodeOperationError(node, `Text: ${content.length} characters, ${network.name} comments take at most ${network.comments.maxLength}`);
	}
	return content;
}

/** The network of the Platform field (checked by checkCommentPlatform first). */
function commentNetwork(platform: unknown): CommentNetwork | undefined {
	return COMMENT_NETWORKS.find((network) => network.platform === platform);
}

/** preSend of Create: the reply, each field read once (a routing `send` per field costs n8n one more evaluation each). */
export async function buildCommentBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const network = commentNetwork(this.getNodeParameter('platform', ''));
	const parentId = hoopAiId(node, 'Reply To', this.getNodeParameter('parentId', ''));
	if (!parentId) throw new NodeOperationError(node, 'Reply To: no ID given', { description: 'Give the _id of the post or comment to answer.' });
	const content = commentText(node, network, this.getNodeParameter('content', ''));
	const attachments = network?.comments.maxImages ? imageAttachments(node, network, this.getNodeParameter('attachments', '')) : [];
	requestOptions.body = {
		parentId,
		isParentThread: choice<boolean>(node, 'Reply To Is', this.getNodeParameter('isParentThread', true), IS_PARENT_THREAD),
		content,
		...(attachments.length ? { attachments } : {}),
	};
	return requestOptions;
}

/** postReceive of Like and Unlike: the comment's new state. */
function likedItem(liked: boolean): OutputHook {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return [{ json: { liked, id: sentPathValue(this, 'commentId') } }];
	};
}

/** preSend of Get Many: the accounts and filters; a date window needs both ends, in order. */
export async function buildCommentListBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const filters = this.getNodeParameter('commentFilters', {}) as IDataObject;
	const originIds = idList(node, 'Account Names or IDs', this.getNodeParameter('originIds', []));
	if (originIds.length === 0) throw new NodeOperationError(node, 'Account Names or IDs: choose at least one account');
	const fromDate = dateText(node, 'Filters → From Date', filters.fromDate);
	const toDate = dateText(node, 'Filters → To Date', filters.toDate);
	if (Boolean(fromDate) !== Boolean(toDate)) {
		throw new NodeOperationError(node, 'Filters: From Date and To Date go together', { description: 'Set both, or neither.' });
	}
	const window = fromDate ? commentWindow(node, fromDate, toDate) : {};
	const search = text(node, 'Filters → Search', filters.search).trim();
	const parentId = hoopAiId(node, 'Filters → Replies To', filters.parentId);
	requestOptions.body = {
		originIds,
		...window,
		...(filters.sortBy ? { sortBy: choice<string>(node, 'Filters → Sort By', filters.sortBy, SORT_OPTIONS) } : {}),
		...(search ? { search } : {}),
		...(parentId ? { parentId } : {}),
	};
	return requestOptions;
}

/** From Date and To Date in UTC, checked to be dates in that order. */
function commentWindow(node: INode, fromDate: string, toDate: string): IDataObject {
	const from = parseInstant(fromDate);
	const to = parseInstant(toDate);
	const allowed = 'Pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z.';
	if (Number.isNaN(from)) throw new NodeOperationError(node, `Filters → From Date: "${fromDate}" is not a date`, { description: allowed });
	if (Number.isNaN(to)) throw new NodeOperationError(node, `Filters → To Date: "${toDate}" is not a date`, { description: allowed });
	if (from > to) throw new NodeOperationError(node, `Filters → From Date: "${fromDate}" is after To Date "${toDate}"`);
	return { fromDate: new Date(from).toISOString(), toDate: new Date(to).toISOString() };
}

// Networks whose comments cannot be liked say so in the list (the API answers 400).
const PLATFORMS = COMMENT_NETWORKS.map(({ name, platform, comments }) => ({
	name,
	value: platform,
	...(comments.likes ? {} : { description: 'Its comments cannot be liked through the API' }),
}));
/** The networks whose replies may attach images. */
const WITH_IMAGES = COMMENT_NETWORKS.filter((network) => network.comments.maxImages > 0);

const SORT_OPTIONS = [
	{ name: 'Latest', value: 'latest' },
	{ name: 'Top', value: 'top' },
];

const IS_PARENT_THREAD = [
	{ name: 'A Post', value: true },
	{ name: 'A Comment', value: false },
];

/** preSend of every comment operation: the Platform (a path segment) must be one of the list. */
export async function checkCommentPlatform(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	choice(this.getNode(), 'Platform', this.getNodeParameter('platform', ''), PLATFORMS);
	return requestOptions;
}

/** preSend of Like and Unlike: a platform whose comments cannot be liked fails before sending. */
export async function checkLikePlatform(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const network = commentNetwork(this.getNodeParameter('platform', ''));
	if (network && !network.comments.likes) {
		const likeable = COMMENT_NETWORKS.filter((candidate) => candidate.comments.likes).map((candidate) => candidate.name);
		throw new NodeOperationError(this.getNode(), `Platform: ${network.name} comments cannot be liked or unliked through the API`, {
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
				preSend: [checkCommentPlatform, buildCommentBody],
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
				preSend: [checkCommentPlatform, buildCommentListBody],
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
				preSend: [checkCommentPlatform, checkLikePlatform],
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
				preSend: [checkCommentPlatform, checkLikePlatform],
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
				options: SORT_OPTIONS,
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
		options: IS_PARENT_THREAD,
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
		displayOptions: { show: { ...showFor('create'), platform: WITH_IMAGES.map((network) => network.platform) } },
		description: `Comma-separated image URLs to attach (${namesInWords(WITH_IMAGES)} only)`,
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
