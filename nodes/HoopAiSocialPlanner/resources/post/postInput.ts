import { jsonParse, NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { isValidTimeZone, localDateParts, toUtcIso } from '../../shared/dates';
import { isMediaType, normaliseMediaType } from '../../shared/media';

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

/** A list given as an array or as comma-separated text (expressions often give either). */
export function toIdList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter(Boolean);
}

function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== '' && value !== undefined));
}

function mediaList(node: INode, items: IDataObject[]): IDataObject[] {
	return items.map((item, index) => {
		const url = String(item.url ?? '').trim();
		const field = `Media ${index + 1}`;
		if (!url) throw new NodeOperationError(node, `${field}: URL is required`, { description: 'Give every media item the public URL of its image or video.' });
		const type = normaliseMediaType(String(item.type ?? '') || undefined, url);
		if (!type || !isMediaType(type)) {
			throw new NodeOperationError(node, `${field}: cannot tell the media type of ${url}`, {
				description: 'Set Type to one of image/jpeg, image/jpg, image/png, image/gif, video/mp4, video/mov, video/webm, or use a URL ending in .jpg, .jpeg, .png, .gif, .mp4, .mov or .webm.',
			});
		}
		return compact({ url, type, caption: item.caption, altText: item.altText, thumbnail: item.thumbnail }) ;
	});
}

function gmbDetails(node: INode, options: IDataObject): IDataObject {
	const dateField = (name: 'startDate' | 'endDate') => {
		const value = String(options[name] ?? '');
		if (!value) return undefined;
		const parts = localDateParts(value);
		if (!parts) throw new NodeOperationError(node, `Google Business Profile ${name === 'startDate' ? 'Start' : 'End'}: "${value}" is not a date`);
		const { year, month, day, hours, minutes, seconds } = parts;
		return name === 'startDate'
			? { startDate: { year, month, day }, startTime: { hours, minutes, seconds } }
			: { endDate: { year, month, day }, endTime: { hours, minutes, seconds } };
	};
	return compact({
		gmbEventType: options.gmbEventType,
		actionType: options.actionType,
		url: options.url,
		title: options.title,
		offerTitle: options.offerTitle,
		startDate: dateField('startDate'),
		endDate: dateField('endDate'),
		couponCode: options.couponCode,
		redeemOnlineUrl: options.redeemOnlineUrl,
		termsConditions: options.termsConditions,
	});
}

/** Per-network detail objects; collaborators and boards apply to every chosen account of that network. */
function platformDetails(node: INode, platformOptions: Record<string, IDataObject>, accountIds: string[]): IDataObject {
	const details: IDataObject = {};
	const { google, tiktok, instagram, facebook, linkedin, youtube, pinterest } = platformOptions;
	if (google) details.gmbPostDetails = gmbDetails(node, google);
	if (tiktok) details.tiktokPostDetails = compact({ ...tiktok });
	if (facebook) details.facebookPostDetails = compact({ ...facebook });
	if (youtube) details.youtubePostDetails = compact({ ...youtube });
	if (instagram) {
		const collaborators = toIdList(instagram.collaborators).map((name) => name.replace(/^@/, ''));
		details.instagramPostDetails = compact({
			type: instagram.type,
			showOnFeed: instagram.showOnFeed,
			publishViaPushNotification: instagram.publishViaPushNotification,
			publisherNote: instagram.publisherNote,
			collaborators: collaborators.length
				? Object.fromEntries(accountIds.map((accountId) => [accountId, collaborators]))
				: undefined,
		});
	}
	if (linkedin) {
		const pollOptions = toIdList(linkedin.pollOptions);
		details.linkedinPostDetails = compact({
			postAsPdf: Boolean(linkedin.postAsPdf),
			pdfTitle: String(linkedin.pdfTitle ?? ''),
			poll: linkedin.pollQuestion
				? {
						question: linkedin.pollQuestion,
						options: pollOptions.map((text) => ({ text })),
						settings: { duration: linkedin.pollDuration ?? 'THREE_DAYS' },
					}
				: undefined,
		});
	}
	if (pinterest) {
		const boards = toIdList(pinterest.boards);
		details.pinterestPostDetails = compact({
			title: pinterest.title,
			link: pinterest.link,
			pinterestBoards: boards.length ? accountIds.map((accountId) => ({ accountId, boards })) : undefined,
		});
	}
	return details;
}

export interface PostFieldContext {
	node: INode;
	/** The workflow's timezone, for a Schedule Date without an offset. */
	workflowTimezone: string;
	/** The accounts the post goes to, for per-account platform details. */
	accountIds: string[];
}

/** The API body fields for the post fields the user set (and only those). */
export function postInputToBody(input: PostInput, context: PostFieldContext): IDataObject {
	const { node } = context;
	const body: IDataObject = {};
	if (input.accountIds !== undefined) body.accountIds = toIdList(input.accountIds);
	if (input.postType !== undefined) body.type = input.postType;
	if (input.status !== undefined) body.status = input.status;
	if (input.summary !== undefined) body.summary = input.summary;
	if (input.scheduleDate) {
		const zone = input.timezone || context.workflowTimezone;
		if (!isValidTimeZone(zone)) {
			throw new NodeOperationError(node, `Timezone: "${zone}" is not a time zone`, { description: 'Use an IANA name such as Europe/Berlin or America/New_York.' });
		}
		const scheduleDate = toUtcIso(String(input.scheduleDate), zone);
		if (!scheduleDate) {
			throw new NodeOperationError(node, `Schedule Date: "${input.scheduleDate}" is not a date and time`, { description: 'Use an ISO date-time such as 2026-12-01T09:30:00, optionally with an offset.' });
		}
		body.scheduleDate = scheduleDate;
	}
	if (input.media?.items !== undefined) body.media = mediaList(node, input.media.items);
	if (input.platformOptions) Object.assign(body, platformDetails(node, input.platformOptions, context.accountIds));
	if (input.categoryId) body.categoryId = input.categoryId;
	if (input.followUpComment) body.followUpComment = input.followUpComment;
	if (input.tags !== undefined) body.tags = toIdList(input.tags);
	if (input.userId) body.userId = input.userId;
	if (input.applyWatermark !== undefined) body.applyWatermark = input.applyWatermark;
	if (input.linkPreview?.preview) body.ogTagsDetails = compact({ ...input.linkPreview.preview });
	if (input.approval?.details) body.postApprovalDetails = compact({ ...input.approval.details, approvalStatus: 'pending' });
	return body;
}

/** The JSON Body escape hatch, parsed; a NodeOperationError names the field when it is not JSON. */
export function parseJsonBody(node: INode, value: PostInput['jsonBody']): IDataObject {
	if (value === undefined || value === '') return {};
	if (typeof value === 'object') return value;
	try {
		const parsed = jsonParse<IDataObject>(value);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
		return parsed;
	} catch {
		throw new NodeOperationError(node, 'JSON Body: is not a valid JSON object', { description: 'Write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}.' });
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
