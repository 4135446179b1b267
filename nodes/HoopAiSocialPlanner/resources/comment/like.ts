import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { apiRouting, sentPathValue, type OutputHook } from '../../shared/routing';
import { COMMENT_NETWORKS } from '../../networks';
import type { Operation } from '../resource';
import { checkCommentPlatform, commentNetwork, COMMENTS_PATH, showFor, withLocation } from './fields';

const LIKE_PATH = `${COMMENTS_PATH}/{commentId}/like`;
/** Where a comment's ID comes from, as its field and messages say. */
const COMMENT_ID_SOURCE = 'the comment’s ID from Comment → Get Many';
const PLATFORM_AND_COMMENT = { platform: 'Platform', commentId: { label: 'Comment ID', source: COMMENT_ID_SOURCE } };

/** preSend of Like and Unlike: a platform whose comments cannot be liked fails before sending. */
async function checkLikePlatform(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const network = commentNetwork(this.getNodeParameter('platform', ''));
	if (network && !network.comments.likes) {
		const likeable = COMMENT_NETWORKS.filter((candidate) => candidate.comments.likes).map((candidate) => candidate.name);
		throw new NodeOperationError(
			this.getNode(),
			`Platform: ${network.name} comments cannot be liked or unliked through the API; like them in ${network.name} itself`,
			{
				description: `Likes work for ${likeable.join(', ')}.`,
			},
		);
	}
	return requestOptions;
}

/** postReceive of Like and Unlike: the comment's new state. */
function likedItem(liked: boolean): OutputHook {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return [{ json: { liked, id: sentPathValue(this, 'commentId') } }];
	};
}

/** Like (POST) or Unlike (DELETE) a comment: either leaves it in that state, so both are safe to send again. */
export function likeOperation(liked: boolean, option: { name: string; value: string; action: string }): Operation {
	return {
		option: {
			...option,
			routing: apiRouting({
				request: { method: liked ? 'POST' : 'DELETE', url: LIKE_PATH, ...withLocation },
				...(liked ? { effect: 'idempotent' as const } : {}),
				path: PLATFORM_AND_COMMENT,
				preSend: [checkCommentPlatform, checkLikePlatform],
				postReceive: [likedItem(liked)],
			}),
		},
	};
}

export const like = likeOperation(true, { name: 'Like', value: 'like', action: 'Like a comment' });

export const likeDescription: INodeProperties[] = [
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showFor('like', 'unlike') },
		description: `The comment to like or unlike: ${COMMENT_ID_SOURCE}`,
	},
];
