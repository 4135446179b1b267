import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { accountIdsOf, accountReferences, runAccounts } from '../../shared/accounts';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { pathSegment } from '../../shared/ids';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest } from '../../shared/send';
import {
	accountIdsField,
	extraPostFields,
	mediaField,
	platformOptionsField,
	postTypeField,
	scheduleDateField,
	statusField,
	summaryField,
	timezoneField,
} from './fields';
import { SCHEDULED_STATUSES, writablePost } from './writablePost';
import { readBinaryMedia, uploadBinaryMedia } from './binaryMedia';
import { accountDirectory, simplifyPost } from './simplify';
import { parseJsonBody, postInputToBody, type PostInput } from './postInput';
import { ACCOUNTS_LABEL } from './postBody';
import { checkPostBody } from './validatePost';
import type { Operation } from '../resource';

const showForUpdate = { resource: ['post'], operation: ['update'] };

export const postUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForUpdate },
		description:
			'Only the fields you add change; everything else stays as it is. HoopAI does not return a post’s Category Name or ID, First Comment or Watermark Images, and an update replaces the whole post: add them here again to keep them.',
		// What an update most often changes first: the text, the media, the date; then the rest.
		options: [
			summaryField,
			mediaField,
			scheduleDateField,
			timezoneField,
			statusField,
			accountIdsField,
			postTypeField,
			platformOptionsField,
			...extraPostFields,
		],
	},
];

/**
 * The Update Fields checked before anything is sent: all that needs neither the post nor the
 * accounts (dates, media, dropdown values, Extra Fields), then the accounts, if changed, matched
 * by name or ID: their IDs (undefined when the accounts stay as they are).
 */
async function checkUpdateFields(this: IExecuteFunctions, updateFields: PostInput, scope: LocationScope): Promise<string[] | undefined> {
	const node = this.getNode();
	// The references stand in for the IDs, so that per-account details are checked too.
	const references = accountReferences(node, ACCOUNTS_LABEL, updateFields.accountIds);
	postInputToBody(updateFields, { node, workflowTimezone: this.getTimezone(), accountIds: references });
	parseJsonBody(node, updateFields.jsonBody);
	if (updateFields.accountIds === undefined) return undefined;
	return await accountIdsOf.call(this, ACCOUNTS_LABEL, references, { scope });
}

/**
 * Update runs in code: the API only replaces whole posts, so it reads the post, changes just the
 * fields the user set, sends it all back, and outputs the post as it then is (PUT returns none).
 */
const updatePosts = withRoutes(
	async function updatePosts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const run = runOf(this);
		const zone = this.getTimezone();
		return await runForEachItem.call(this, async (itemIndex) => {
			const scope = await run.scope(itemIndex);
			const accounts = async () => await runAccounts.call(this, scope);
			const fields = this.getNodeParameter('updateFields', itemIndex, {}) as PostInput;
			// Media from binary fields: read and checked now, uploaded once the whole post is checked.
			const binaryMedia = await readBinaryMedia.call(this, itemIndex, fields.media);
			const updateFields: PostInput = fields.media === undefined ? fields : { ...fields, media: binaryMedia.media };
			const postId = pathSegment(node, 'Post', this.getNodeParameter('postId', itemIndex, '', { extractValue: true }));
			const newAccountIds = await checkUpdateFields.call(this, updateFields, scope);
			const postPath = `/social-media-posting/{locationId}/posts/${encodeURIComponent(postId)}`;
			const read = async () =>
				((await apiRequest.call(this, 'GET', postPath, { scope })).results as IDataObject | undefined)?.post as IDataObject;
			const existing = writablePost(await read(), scope.connection.defaultUserId);
			const accountIds = newAccountIds ?? (existing.accountIds as string[]);
			const changes = postInputToBody(updateFields, { node, workflowTimezone: zone, accountIds, current: existing });
			const body: IDataObject = { ...existing, ...changes, ...parseJsonBody(node, updateFields.jsonBody) };
			// A post moved out of the schedule keeps no schedule date.
			if (!SCHEDULED_STATUSES.includes(String(body.status)) && !changes.scheduleDate) delete body.scheduleDate;
			if (changes.scheduleDate) body.scheduleTimeUpdated = true;
			await checkPostBody(node, body, accounts);
			await uploadBinaryMedia.call(this, scope, body, binaryMedia.uploads);
			await apiRequest.call(this, 'PUT', postPath, { body, scope });
			const post = await read();
			return this.getNodeParameter('simple', itemIndex, true) ? simplifyPost(post, accountDirectory(await accounts()), zone) : post;
		});
	},
	[
		{ method: 'GET', path: '/social-media-posting/{locationId}/posts/{id}' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/accounts' },
		{ method: 'PUT', path: '/social-media-posting/{locationId}/posts/{id}' },
		{ method: 'POST', path: '/medias/upload-file' },
	],
);

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a post',
		description: 'Change some fields of a post (reschedule, edit text or media) and keep the rest',
	},
	run: updatePosts,
};
