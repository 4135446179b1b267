import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { choice, linkList, text } from '../../shared/checks';
import { apiRouting, itemsAt } from '../../shared/routing';
import { namesInWords, type CommentNetwork } from '../../networks';
import type { Operation } from '../resource';
import { checkCommentPlatform, commentNetwork, COMMENTS_PATH, hoopAiId, PLATFORM, showFor, withLocation, WITH_IMAGES } from './fields';

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif'];

const IS_PARENT_THREAD = [
	{ name: 'A Post', value: true },
	{ name: 'A Comment', value: false },
];

/** A reply's images (Facebook: at most one), links to a JPEG, PNG or GIF (a link without extension is let through). */
function imageAttachments(node: INode, network: CommentNetwork, value: unknown): IDataObject[] {
	const urls = linkList(node, 'Image URLs', value);
	if (urls.length > network.comments.maxImages) {
		throw new NodeOperationError(
			node,
			`Image URLs: ${urls.length} images, a ${network.name} comment takes at most ${network.comments.maxImages}; remove some`,
		);
	}
	for (const url of urls) {
		const extension = /\.([a-z0-9]+)$/i.exec(url.split(/[?#]/)[0])?.[1]?.toLowerCase();
		if (extension && !IMAGE_EXTENSIONS.includes(extension)) {
			throw new NodeOperationError(node, `Image URLs: "${url}" is not an image; use the link of a JPEG, PNG or GIF`);
		}
	}
	return urls.map((url) => ({ url, type: 'image' }));
}

/** The reply's text, within its network's length. */
function commentText(node: INode, network: CommentNetwork | undefined, value: unknown): string {
	const content = text(node, 'Text', value).trim();
	if (!content) throw new NodeOperationError(node, 'Text: no text given; write the reply');
	if (network && content.length > network.comments.maxLength) {
		throw new NodeOperationError(
			node,
			`Text: ${content.length} characters, ${network.name} comments take at most ${network.comments.maxLength}; shorten it`,
		);
	}
	return content;
}

/** preSend of Create: the reply, each field read once (a routing `send` per field costs n8n one more evaluation each). */
async function buildCommentBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const network = commentNetwork(this.getNodeParameter('platform', ''));
	const parentId = hoopAiId(node, 'Reply To', this.getNodeParameter('parentId', ''));
	if (!parentId) throw new NodeOperationError(node, 'Reply To: no ID given; give the _id of the post or comment to answer');
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

export const create: Operation = {
	option: {
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
};

export const commentCreateDescription: INodeProperties[] = [
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
];
