import type { IDataObject } from 'n8n-workflow';
import { isVideo, normaliseMediaType } from '../../shared/media';

export const SCHEDULED_STATUSES = ['scheduled', 'in_review'];

/**
 * What the edit body (CreatePostDTO in the v3 spec) accepts of what GET returns
 * (GetPostFormattedSchema): `true` carries the value as it is (both sides use the same schema),
 * a list keeps those keys only. test/node/post-update.test.ts derives this list from the spec.
 * GET does not return categoryId, followUpComment, applyWatermark or selectedBestTime: the
 * Update Fields description asks the user to set them again.
 */
export const CARRIED_OVER: Record<string, true | string[]> = {
	accountIds: true,
	summary: true,
	media: true,
	status: true,
	createdBy: true,
	type: true,
	tags: true,
	ogTagsDetails: true,
	postApprovalDetails: ['approver', 'requesterNote', 'approverNote', 'approvalStatus'],
	tiktokPostDetails: true,
	gmbPostDetails: true,
	linkedinPostDetails: true,
	pinterestPostDetails: true,
	facebookPostDetails: true,
	instagramPostDetails: true,
	youtubePostDetails: true,
};

/** The post's media in the shape PUT accepts, with the post's cover image kept on its first video. */
function writableMedia(post: IDataObject): IDataObject[] {
	const media = ((post.media as IDataObject[] | undefined) ?? []).map((item): IDataObject => {
		// GET may answer `type: "image"`; PUT wants a MIME type.
		const url = String(item.url ?? '');
		return { ...item, type: normaliseMediaType(item.type as string | undefined, url) ?? item.type };
	});
	// Once set, the cover may live only on the post (`thumbnail`), not on its video any more.
	const firstVideo = media.find((item) => isVideo(item.type as string | undefined));
	if (firstVideo && !firstVideo.thumbnail && post.thumbnail) firstVideo.thumbnail = post.thumbnail;
	return media;
}

/** The writable part of a post as GET returns it, in the shape PUT accepts. */
export function writablePost(post: IDataObject, defaultUserId: string): IDataObject {
	const body: IDataObject = {};
	for (const [key, keep] of Object.entries(CARRIED_OVER)) {
		const value = post[key];
		if (value === undefined || value === null) continue;
		body[key] =
			keep === true
				? value
				: Object.fromEntries(
						keep.filter((name) => (value as IDataObject)[name] !== undefined).map((name) => [name, (value as IDataObject)[name]]),
					);
	}
	body.accountIds ??= post.accountId ? [post.accountId] : [];
	body.type ??= 'post';
	body.summary ??= '';
	body.tags ??= [];
	body.media = writableMedia(post);
	body.userId = post.createdBy || defaultUserId || undefined;
	body.createdBy = body.userId;
	if (SCHEDULED_STATUSES.includes(String(post.status)) && post.displayDate) body.scheduleDate = post.displayDate;
	return body;
}
