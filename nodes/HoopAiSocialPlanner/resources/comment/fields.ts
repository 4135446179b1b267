import type { IExecuteSingleFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { choice } from '../../shared/checks';
import { optionalId } from '../../shared/ids';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { COMMENT_NETWORKS, type CommentNetwork } from '../../networks';

// What the comment operations share: their paths, the Platform field and its networks.

export const show = { resource: ['comment'] };
export const showFor = (...operation: string[]) => ({ ...show, operation });
export const COMMENTS_PATH = '/social-media-posting/comments/{platform}';
export const withLocation = { qs: { locationId: LOCATION_PLACEHOLDER } };
export const PLATFORM = { platform: 'Platform' };

// Networks whose comments cannot be liked say so in the list (the API answers 400).
export const PLATFORMS = COMMENT_NETWORKS.map(({ name, platform, comments }) => ({
	name,
	value: platform,
	...(comments.likes ? {} : { description: 'Its comments cannot be liked through the API' }),
}));
/** The networks whose replies may attach images. */
export const WITH_IMAGES = COMMENT_NETWORKS.filter((network) => network.comments.maxImages > 0);

/** The network of the Platform field (checked by checkCommentPlatform first). */
export function commentNetwork(platform: unknown): CommentNetwork | undefined {
	return COMMENT_NETWORKS.find((network) => network.platform === platform);
}

const HOOPAI_ID_SOURCE = 'the _id of a post (Post → Get Many) or of a comment (Comment → Get Many)';

/** A HoopAI post or comment `_id` (the v3 spec: "a valid 24-character Highlevel ID"); '' when none. */
export function hoopAiId(node: INode, label: string, value: unknown): string {
	const id = optionalId(node, label, value, HOOPAI_ID_SOURCE);
	if (id && !/^[A-Za-z0-9]{24}$/.test(id)) {
		throw new NodeOperationError(node, `${label}: "${id}" is not a HoopAI post or comment ID; give ${HOOPAI_ID_SOURCE}`, {
			description: 'A HoopAI ID has 24 letters and digits; the network’s own ID of a post or comment is not one.',
		});
	}
	return id;
}

/** preSend of every comment operation: the Platform (a path segment) must be one of the list. */
export async function checkCommentPlatform(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	choice(this.getNode(), 'Platform', this.getNodeParameter('platform', ''), PLATFORMS);
	return requestOptions;
}

export const platformField: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	options: PLATFORMS,
	default: 'facebook',
	required: true,
	displayOptions: { show },
};
