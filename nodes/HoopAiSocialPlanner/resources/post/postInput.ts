import { jsonParse, NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { describeDateTime, isValidTimeZone, toUtcIso } from '../../shared/dates';
import { isMediaType, normaliseMediaType } from '../../shared/media';
import { platformDetails } from './platforms';
import { compact, toIdList } from './values';

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

export { toIdList };

function mediaList(node: INode, items: IDataObject[]): IDataObject[] {
	return items.map((item, index) => {
		const url = String(item.url ?? '').trim();
		const which = items.length > 1 ? `media item ${index + 1}` : 'the media item';
		if (!url) throw new NodeOperationError(node, `Media → URL: required, missing in ${which}`, { description: 'Give every media item the public link of its image or video.' });
		const type = normaliseMediaType(String(item.type ?? '') || undefined, url);
		if (!type || !isMediaType(type)) {
			throw new NodeOperationError(node, `Media → Type: cannot tell the kind of file of ${which} (${url})`, {
				description: 'Choose its Type (JPEG, PNG or GIF image; MP4, MOV or WebM video), or use a URL ending in .jpg, .jpeg, .png, .gif, .mp4, .mov or .webm.',
			});
		}
		return compact({ url, type, caption: item.caption, altText: item.altText, thumbnail: item.thumbnail });
	});
}

/**
 * The Schedule Date in UTC, as the API wants it. Its messages show the date as the user gave it,
 * in their timezone, with the UTC time beside it: the API's time alone would look wrong to them.
 */
function scheduleDateOf(node: INode, input: PostInput, context: PostFieldContext): string {
	const typed = String(input.scheduleDate);
	const zone = input.timezone || context.workflowTimezone;
	if (!isValidTimeZone(zone)) {
		throw new NodeOperationError(
			node,
			input.timezone ? `Timezone Name or ID: "${zone}" is not a timezone` : `Timezone Name or ID: the workflow’s timezone "${zone}" is not a timezone`,
			{ description: 'Choose a timezone from the list, or give its name, e.g. Europe/Berlin or America/New_York.' },
		);
	}
	const scheduleDate = toUtcIso(typed, zone);
	if (!scheduleDate) {
		throw new NodeOperationError(node, `Schedule Date: "${typed}" is not a date and time`, {
			description: 'Pick it in the date picker, or write it like 2026-12-01T09:30:00 (read in the timezone) or 2026-12-01T09:30:00+01:00.',
		});
	}
	const status = input.status ?? context.current?.status;
	if (status === 'scheduled' && Date.parse(scheduleDate) <= Date.now()) {
		throw new NodeOperationError(node, `Schedule Date: ${describeDateTime(typed, zone)} is in the past`, {
			description: 'Choose a future date and time, or use Status "Publish Now".',
		});
	}
	return scheduleDate;
}

export interface PostFieldContext {
	node: INode;
	/** The workflow's timezone, for a Schedule Date without an offset. */
	workflowTimezone: string;
	/** The accounts the post goes to, for per-account platform details. */
	accountIds: string[];
	/** On Update, the post as it is now (its platform details are kept where not changed). */
	current?: IDataObject;
}

/** The API body fields for the post fields the user set (and only those). */
export function postInputToBody(input: PostInput, context: PostFieldContext): IDataObject {
	const { node } = context;
	const body: IDataObject = {};
	if (input.accountIds !== undefined) body.accountIds = toIdList(input.accountIds);
	if (input.postType !== undefined) body.type = input.postType;
	if (input.status !== undefined) body.status = input.status;
	if (input.summary !== undefined) body.summary = input.summary;
	if (input.scheduleDate) body.scheduleDate = scheduleDateOf(node, input, context);
	if (input.media?.items !== undefined) body.media = mediaList(node, input.media.items);
	if (input.platformOptions) {
		const postType = String(input.postType ?? context.current?.type ?? 'post');
		Object.assign(body, platformDetails(input.platformOptions, { node, accountIds: context.accountIds, postType, current: context.current }));
	}
	if (input.categoryId) body.categoryId = input.categoryId;
	if (input.followUpComment) body.followUpComment = input.followUpComment;
	if (input.tags !== undefined) body.tags = toIdList(input.tags);
	if (input.userId) body.userId = input.userId;
	if (input.applyWatermark !== undefined) body.applyWatermark = input.applyWatermark;
	// A Link Preview added but left empty sends nothing.
	const preview = compact({ ...input.linkPreview?.preview });
	if (Object.keys(preview).length) body.ogTagsDetails = preview;
	if (input.approval?.details) body.postApprovalDetails = compact({ ...input.approval.details, approvalStatus: 'pending' });
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
		throw new NodeOperationError(node, 'Extra Fields: not a JSON object', { description: 'Write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}.' });
	}
}

/**
 * Per-account details (Instagram collaborators, Pinterest boards) were written for every chosen
 * account; keep them only for the accounts of their own network, once the networks are known.
 */
export function scopeAccountDetails(body: IDataObject, platformsByAccount: Record<string, string>): void {
	const instagram = body.instagramPostDetails as IDataObject | undefined;
	if (instagram?.collaborators) {
		instagram.collaborators = Object.fromEntries(
			Object.entries(instagram.collaborators as IDataObject).filter(([accountId]) => platformsByAccount[accountId] === 'instagram'),
		);
	}
	const pinterest = body.pinterestPostDetails as IDataObject | undefined;
	if (pinterest?.pinterestBoards) {
		pinterest.pinterestBoards = (pinterest.pinterestBoards as IDataObject[]).filter(
			(entry) => platformsByAccount[String(entry.accountId)] === 'pinterest',
		);
	}
}
