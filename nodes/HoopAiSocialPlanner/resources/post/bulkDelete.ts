import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { asNodeError, withRoutes } from '../../shared/execute';
import { apiError } from '../../shared/errors';
import { runOf } from '../../shared/run';
import { apiResponse } from '../../shared/send';
import { idList } from '../../shared/ids';
import type { Operation } from '../resource';

/** The API deletes at most 50 posts per request. */
export const BULK_DELETE_CHUNK = 50;

const showForBulkDelete = { resource: ['post'], operation: ['bulkDelete'] };

export const postBulkDeleteDescription: INodeProperties[] = [
	{
		displayName: 'Post IDs',
		name: 'postIds',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showForBulkDelete },
		placeholder: 'e.g. {{ $json._id }} or 65f1…, 65f2…',
		description:
			'IDs of the posts to delete, comma-separated or as an array. Evaluated for every input item and all IDs are deleted together, in requests of 50.',
	},
];

interface GatheredIds {
	postIds: string[];
	/** The items whose IDs are deleted. */
	pairedItem: Array<{ item: number }>;
	/** With Continue On Fail: an error item for each item whose Post IDs are not IDs. */
	refused: INodeExecutionData[];
}

/** Every item's Post IDs, without duplicates; a bad item fails the run unless Continue On Fail is on. */
function gatherPostIds(this: IExecuteFunctions): GatheredIds {
	const gathered: GatheredIds = { postIds: [], pairedItem: [], refused: [] };
	this.getInputData().forEach((_item, index) => {
		try {
			gathered.postIds.push(
				...idList(this.getNode(), 'Post IDs', this.getNodeParameter('postIds', index), 'the _id of each post, from Post → Get Many'),
			);
			gathered.pairedItem.push({ item: index });
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, index);
			if (!this.continueOnFail()) throw nodeError;
			gathered.refused.push({ json: { error: nodeError.message }, pairedItem: { item: index } });
		}
	});
	gathered.postIds = [...new Set(gathered.postIds)];
	return gathered;
}

/**
 * Bulk Delete runs once for all input items (not once per item, as routing would): it gathers
 * every item's IDs, removes duplicates and deletes them 50 at a time.
 */
const bulkDeletePosts = withRoutes(
	async function bulkDeletePosts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { postIds, pairedItem, refused } = gatherPostIds.call(this);
		const failWith = (error: NodeApiError | NodeOperationError): INodeExecutionData[][] => {
			if (this.continueOnFail()) return [[...refused, { json: { error: error.message }, pairedItem }]];
			throw error;
		};
		if (postIds.length === 0) {
			if (pairedItem.length === 0) return [refused];
			return failWith(
				new NodeOperationError(this.getNode(), 'Post IDs: no post ID given; map the IDs of the posts to delete, e.g. {{ $json._id }}', {
					description: 'Each post’s _id is in Post → Get Many’s output.',
				}),
			);
		}
		const scope = await runOf(this).scope();
		const summary = { deletedCount: 0, requested: postIds.length, notFound: 0, requests: 0 };
		for (let start = 0; start < postIds.length; start += BULK_DELETE_CHUNK) {
			const chunk = postIds.slice(start, start + BULK_DELETE_CHUNK);
			const response = await apiResponse.call(this, 'POST', '/social-media-posting/{locationId}/posts/bulk-delete', {
				// Deleting deleted posts deletes nothing more: safe to send again.
				effect: 'idempotent',
				body: { postIds: chunk },
				scope,
			});
			summary.requests++;
			// 404 means none of this chunk's posts exist (any more): nothing to delete there.
			if (response.statusCode === 404) summary.notFound += chunk.length;
			else if (response.statusCode >= 400) return failWith(apiError(this.getNode(), response));
			else summary.deletedCount += Number((response.body.results as IDataObject | undefined)?.deletedCount ?? 0);
		}
		return [[...refused, { json: summary, pairedItem }]];
	},
	[{ method: 'POST', path: '/social-media-posting/{locationId}/posts/bulk-delete' }],
);

export const bulkDelete: Operation = {
	option: {
		name: 'Delete Many',
		value: 'bulkDelete',
		action: 'Delete many posts',
		description: 'Delete the posts of all input items together, 50 per request (in HoopAI only, not on the networks)',
	},
	run: bulkDeletePosts,
};
