import { jsonParse, NodeOperationError, type IDataObject, type INode, type INodePropertyOptions } from 'n8n-workflow';
import { choice, dateText, isLink, text } from '../../shared/checks';
import { describeDateTime, describeUtc, isValidTimeZone, toUtcIso } from '../../shared/dates';
import { idList, optionalId } from '../../shared/ids';
import { isMediaType, MEDIA_TYPES, normaliseMediaType } from '../../shared/media';
import { compact } from '../../shared/values';
import { NETWORKS_WITH_OPTIONS } from '../../networks';
import { detailsOf } from '../../networks/network';
import { postTypeField, statusField } from './fields';
import { platformDetails } from './platformOptions';

/** The post fields as the node's parameters hold them (Create's, or Update's Update Fields). */
export interface PostInput {
	accountIds?: string[] | string;
	postType?: string;
	status?: string;
	scheduleDate?: string;
	timezone?: string;
	summary?: string;
	media?: { items?: IDataObject[] };
	platformOptions?: Record<string, IDataObject>;
	categoryId?: string;
	followUpComment?: string;
	jsonBody?: string | IDataObject;
	linkPreview?: { preview?: IDataObject };
	approval?: { details?: IDataObject };
	tags?: string[] | string;
	userId?: string;
	applyWatermark?: boolean;
}

function mediaList(node: INode, items: IDataObject[]): IDataObject[] {
	return items.map((item, index) => {
		const which = items.length > 1 ? `media item ${index + 1}` : 'the media item';
		const url = text(node, 'Media → URL', item.url).trim();
		if (!url)
			throw new NodeOperationError(node, `Media → URL: required, missing in ${which}; give the public link of its image or video`, {
				description: 'A media item is a URL or an Input Binary Field (Create and Update).',
			});
		if (!isLink(url)) {
			throw new NodeOperationError(
				node,
				`Media → URL: "${url}" in ${which} is not a link; give its public link, e.g. https://cdn.example.com/photo.jpg`,
				{
					description: 'HoopAI fetches the file from its link (http:// or https://).',
				},
			);
		}
		// A type set by hand (or an expression) must be one HoopAI takes; the API's own "image" or "video" is read too.
		const given = text(node, 'Media → Type', item.type).trim();
		if (given && !normaliseMediaType(given, '')) {
			throw new NodeOperationError(node, `Media → Type: "${given}" of ${which} is not allowed; use ${MEDIA_TYPES.join(', ')}`, {
				description: 'Or leave Type at Detect, for a URL ending in .jpg, .jpeg, .png, .gif, .mp4, .mov or .webm.',
			});
		}
		const type = normaliseMediaType(given || undefined, url);
		if (!type || !isMediaType(type)) {
			throw new NodeOperationError(
				node,
				`Media → Type: cannot tell the kind of file of ${which} (${url}); choose its Type, or use a URL ending in .jpg, .jpeg, .png, .gif, .mp4, .mov or .webm`,
				{
					description: 'Types: JPEG, PNG or GIF image; MP4, MOV or WebM video.',
				},
			);
		}
		const { caption, altText, thumbnail } = (item.options ?? {}) as IDataObject;
		return compact({ url, type, caption, altText, thumbnail });
	});
}

/**
 * A Schedule Date before now: the message says what time it is now (a model calling the node as a
 * tool may not know) and what to do.
 */
export function scheduleDateInThePast(node: INode, when: string): NodeOperationError {
	return new NodeOperationError(
		node,
		`Schedule Date: ${when} is in the past (now: ${describeUtc(new Date().toISOString())}). Choose a future date and time, or use Status "Publish Now".`,
	);
}

/**
 * The Schedule Date in UTC, as the API wants it. Its messages show the date as the user gave it,
 * in their timezone, with the UTC time beside it: the API's time alone would look wrong to them.
 */
function scheduleDateOf(node: INode, input: PostInput, context: PostFieldContext): string {
	const typed = dateText(node, 'Schedule Date', input.scheduleDate);
	const zone = text(node, 'Timezone Name or ID', input.timezone).trim() || context.workflowTimezone;
	if (!isValidTimeZone(zone)) {
		throw new NodeOperationError(
			node,
			input.timezone
				? `Timezone Name or ID: "${zone}" is not a timezone; choose one from the list, or give its name, e.g. Europe/Berlin`
				: `Timezone Name or ID: the workflow’s timezone "${zone}" is not a timezone; choose one from the list, or fix the workflow’s timezone`,
			{ description: 'A timezone name looks like Europe/Berlin or America/New_York.' },
		);
	}
	const scheduleDate = toUtcIso(typed, zone);
	if (!scheduleDate) {
		throw new NodeOperationError(
			node,
			`Schedule Date: "${typed}" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00`,
			{
				description: 'A time without its own offset (such as 2026-12-01T09:30:00+01:00) is read in the Timezone.',
			},
		);
	}
	const status = input.status ?? context.current?.status;
	if (status === 'scheduled' && Date.parse(scheduleDate) <= Date.now()) {
		throw scheduleDateInThePast(node, String(describeDateTime(typed, zone)));
	}
	return scheduleDate;
}

export interface PostFieldContext {
	node: INode;
	/** The workflow's timezone, for a Schedule Date without an offset. */
	workflowTimezone: string;
	/** The accounts the post goes to, as IDs (names resolved), for the body and per-account platform details. */
	accountIds: string[];
	/** On Update, the post as it is now (its platform details are kept where not changed). */
	current?: IDataObject;
}

/** The API body fields for the post fields the user set (and only those), each checked. */
export function postInputToBody(input: PostInput, context: PostFieldContext): IDataObject {
	const { node } = context;
	const body: IDataObject = {};
	// The accounts as the caller resolved them (names matched to IDs: see accountIdsOf).
	if (input.accountIds !== undefined) body.accountIds = context.accountIds;
	if (input.postType !== undefined) body.type = choice(node, 'Post Type', input.postType, postTypeField.options as INodePropertyOptions[]);
	if (input.status !== undefined) body.status = choice(node, 'Status', input.status, statusField.options as INodePropertyOptions[]);
	if (input.summary !== undefined) body.summary = text(node, 'Content', input.summary);
	if (input.scheduleDate) body.scheduleDate = scheduleDateOf(node, input, context);
	if (input.media?.items !== undefined) body.media = mediaList(node, input.media.items);
	if (input.platformOptions) {
		const postType = String(body.type ?? context.current?.type ?? 'post');
		Object.assign(
			body,
			platformDetails(input.platformOptions, { node, accountIds: context.accountIds, postType, current: context.current }),
		);
	}
	const categoryId = optionalId(node, 'Category Name or ID', input.categoryId);
	if (categoryId) body.categoryId = categoryId;
	const followUpComment = text(node, 'First Comment', input.followUpComment);
	if (followUpComment) body.followUpComment = followUpComment;
	if (input.tags !== undefined) body.tags = idList(node, 'Tag Names or IDs', input.tags);
	const userId = optionalId(node, 'User Name or ID', input.userId);
	if (userId) body.userId = userId;
	if (input.applyWatermark !== undefined) body.applyWatermark = input.applyWatermark;
	// A Link Preview added but left empty sends nothing.
	const preview = compact({ ...input.linkPreview?.preview });
	if (Object.keys(preview).length) body.ogTagsDetails = preview;
	if (input.approval?.details) {
		const approver = optionalId(node, 'Review → Approver Name or ID', input.approval.details.approver);
		body.postApprovalDetails = compact({ ...input.approval.details, approver, approvalStatus: 'pending' });
	}
	return body;
}

/** Extra Fields, parsed; a NodeOperationError names the field when it is not a JSON object. */
export function parseJsonBody(node: INode, value: PostInput['jsonBody']): IDataObject {
	if (value === undefined || value === '') return {};
	if (typeof value === 'object') return value;
	try {
		const parsed = jsonParse<IDataObject>(value);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
		return parsed;
	} catch {
		throw new NodeOperationError(
			node,
			'Extra Fields: not a JSON object; write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}',
			{
				description: 'Its fields are added to the post as HoopAI’s API names them.',
			},
		);
	}
}

/**
 * Per-account details (Instagram collaborators, Pinterest boards) were written for every chosen
 * account; each network keeps them only for its own accounts, once the networks are known.
 */
export function scopeAccountDetails(body: IDataObject, platformsByAccount: Record<string, string>): void {
	for (const { post } of NETWORKS_WITH_OPTIONS) {
		const details = detailsOf(body, post.options.detailsKey);
		if (details) post.options.scopeToAccounts?.(details, platformsByAccount);
	}
}
