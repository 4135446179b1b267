import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { isVideo } from '../../shared/media';
import { describeUtc } from '../../shared/dates';
import { FIRST_COMMENT_PLATFORMS, platformName } from '../../shared/platforms';
import { google } from '../../networks/google';
import { scopeAccountDetails } from './postInput';

// Caption limits the v3 spec documents; other networks trim the text themselves.
const SUMMARY_LIMITS: Record<string, number> = { pinterest: 800, youtube: 5000 };
const NEEDS_MEDIA = ['instagram', 'tiktok', 'tiktok-business', 'youtube', 'pinterest'];
const MAX_INSTAGRAM_COLLABORATORS = 3;
const MAX_PDF_TITLE = 100;
const MAX_PINTEREST_BOARDS = 25;
const MAX_POLL_QUESTION = 140;
const MAX_POLL_OPTION = 30;
// Media per post the v3 spec documents (LinkedIn: a regular post; one posted as a PDF takes more).
const MEDIA_LIMITS: Record<string, number> = { linkedin: 9, pinterest: 1, youtube: 1 };

/** A Google Business Profile button by its name in the Button dropdown. */
function buttonName(value: string): string {
	const button = google.options.values.find((field) => field.name === 'actionType');
	return (button?.options as Array<{ name: string; value: unknown }> | undefined)?.find((option) => option.value === value)?.name ?? value;
}

function fail(node: INode, message: string, description?: string): never {
	throw new NodeOperationError(node, message, description ? { description } : {});
}

/**
 * Checks a create/update body before anything is sent, so the user gets a message naming the
 * field instead of a failed request. Platform rules need the accounts' networks: see below.
 */
export function validatePostFields(node: INode, body: IDataObject, now: number = Date.now()): void {
	const status = String(body.status ?? 'draft');
	const accountIds = (body.accountIds as string[] | undefined) ?? [];
	const isDraft = status === 'draft';

	if (!isDraft && accountIds.length === 0) {
		fail(node, 'Account Names or IDs: choose at least one account', 'Only a draft may be saved without accounts.');
	}
	if (!isDraft && !body.userId) {
		fail(node, 'User Name or ID: no user to create the post as', 'Set a Default User ID in the HoopAI credential, or add User Name or ID under Additional Fields.');
	}
	if ((status === 'scheduled' || status === 'in_review') && !body.scheduleDate) {
		fail(node, 'Schedule Date: required to schedule a post or submit it for review');
	}
	// A date the user typed is checked where it is read, in their timezone (postInput.ts); this
	// catches the post's own date on Update, and one set through Extra Fields.
	if (status === 'scheduled' && body.scheduleDate && Date.parse(String(body.scheduleDate)) <= now) {
		fail(node, `Schedule Date: ${describeUtc(String(body.scheduleDate))} is in the past`, 'Choose a future date and time, or use Status "Publish Now".');
	}
	if (status === 'in_review' && !(body.postApprovalDetails as IDataObject | undefined)?.approver) {
		fail(node, 'Review → Approver Name or ID: required to submit a post for review', 'Add Review under Additional Fields and choose the approver.');
	}

	const gmb = body.gmbPostDetails as IDataObject | undefined;
	const kind = gmb?.gmbEventType === 'EVENT' ? 'an event' : gmb?.gmbEventType === 'OFFER' ? 'an offer' : undefined;
	if (gmb?.gmbEventType === 'EVENT' && !gmb.title) fail(node, 'Google Business Profile → Event Title: required for an event');
	if (gmb?.gmbEventType === 'OFFER' && !gmb.offerTitle) fail(node, 'Google Business Profile → Offer Title: required for an offer');
	if (gmb && kind && !gmb.startDate) fail(node, `Google Business Profile → Start: required for ${kind}`);
	if (gmb && kind && !gmb.endDate) fail(node, `Google Business Profile → End: required for ${kind}`);
	if (gmb?.gmbEventType === 'OFFER') {
		if (!gmb.couponCode) fail(node, 'Google Business Profile → Coupon Code: required for an offer');
		if (!gmb.redeemOnlineUrl) fail(node, 'Google Business Profile → Redeem URL: required for an offer');
		if (!gmb.termsConditions) fail(node, 'Google Business Profile → Terms URL: required for an offer');
	}
	if (gmb && gmb.actionType && !['none', 'call'].includes(String(gmb.actionType)) && !gmb.url) {
		fail(node, `Google Business Profile → Button URL: required for the button "${buttonName(String(gmb.actionType))}"`);
	}
	if (gmb?.gmbEventType === 'EVENT' && String(gmb.title ?? '').length > 58) {
		fail(node, `Google Business Profile → Event Title: ${String(gmb.title).length} characters, at most 58 are allowed`);
	}

	const tiktok = body.tiktokPostDetails as IDataObject | undefined;
	if (tiktok?.videoDisclosure === true && tiktok.privacyLevel === 'SELF_ONLY') {
		fail(node, 'TikTok → Promotional Content: not possible with Who Can View "Only Me"');
	}
	if (tiktok?.videoDisclosure === true && tiktok.promoteYourBrand !== true && tiktok.promoteOtherBrand !== true) {
		fail(node, 'TikTok → Promotional Content: set Your Brand or Branded Content to Yes');
	}

	const collaborators = (body.instagramPostDetails as IDataObject | undefined)?.collaborators as Record<string, string[]> | undefined;
	for (const names of Object.values(collaborators ?? {})) {
		if (names.length > MAX_INSTAGRAM_COLLABORATORS) {
			fail(node, `Instagram → Collaborators: ${names.length} names, at most ${MAX_INSTAGRAM_COLLABORATORS} are allowed`);
		}
	}
	const linkedin = body.linkedinPostDetails as IDataObject | undefined;
	if (linkedin?.postAsPdf === true && !linkedin.pdfTitle) fail(node, 'LinkedIn → PDF Title: required to post the images as a PDF');
	if (String(linkedin?.pdfTitle ?? '').length > MAX_PDF_TITLE) {
		fail(node, `LinkedIn → PDF Title: ${String(linkedin?.pdfTitle).length} characters, at most ${MAX_PDF_TITLE} are allowed`);
	}
	const poll = linkedin?.poll as IDataObject | undefined;
	const pollOptions = (poll?.options as IDataObject[] | undefined) ?? [];
	if (poll && (pollOptions.length < 2 || pollOptions.length > 4)) {
		fail(node, `LinkedIn → Poll Options: ${pollOptions.length} answers, a poll needs 2 to 4`);
	}
	if (String(poll?.question ?? '').length > MAX_POLL_QUESTION) {
		fail(node, `LinkedIn → Poll Question: ${String(poll?.question).length} characters, at most ${MAX_POLL_QUESTION} are allowed`);
	}
	const longAnswer = pollOptions.map((option) => String(option.text)).find((answer) => answer.length > MAX_POLL_OPTION);
	if (longAnswer) fail(node, `LinkedIn → Poll Options: "${longAnswer}" has ${longAnswer.length} characters, at most ${MAX_POLL_OPTION} are allowed`);

	const pins = ((body.pinterestPostDetails as IDataObject | undefined)?.pinterestBoards as IDataObject[] | undefined) ?? [];
	const boards = Math.max(0, ...pins.map((entry) => ((entry.boards as string[] | undefined) ?? []).length));
	if (boards > MAX_PINTEREST_BOARDS) fail(node, `Pinterest → Board IDs: ${boards} boards, at most ${MAX_PINTEREST_BOARDS} are allowed`);
}

/** Every chosen account must be one of the location's (`platformsByAccount`: account ID → platform). */
export function checkAccountsExist(node: INode, accountIds: string[], platformsByAccount: Record<string, string>): void {
	for (const accountId of accountIds) {
		if (!(accountId in platformsByAccount)) {
			fail(node, `Account Names or IDs: "${accountId}" is not a social account of this location`, 'Pick the accounts from the list, or use the IDs that Account → Get Many returns.');
		}
	}
}

/**
 * The rules that depend on the networks of the chosen accounts (media needed, caption limits);
 * `platformsByAccount` maps the location's account IDs to their platform.
 */
export function validatePostForPlatforms(node: INode, body: IDataObject, platformsByAccount: Record<string, string>): void {
	const accountIds = (body.accountIds as string[] | undefined) ?? [];
	const media = (body.media as IDataObject[] | undefined) ?? [];
	const summary = String(body.summary ?? '');
	checkAccountsExist(node, accountIds, platformsByAccount);
	const platforms = [...new Set(accountIds.map((accountId) => platformsByAccount[accountId]))];
	if (body.status !== 'draft') {
		for (const platform of platforms.filter((candidate) => NEEDS_MEDIA.includes(candidate))) {
			if (media.length === 0) fail(node, `Media: ${platformName(platform)} posts need at least one image or video`);
			if (platform === 'youtube' && !media.some((item) => isVideo(item.type as string | undefined))) {
				fail(node, 'Media: YouTube posts need a video');
			}
		}
	}
	const asPdf = (body.linkedinPostDetails as IDataObject | undefined)?.postAsPdf === true;
	for (const platform of platforms) {
		const limit = platform === 'linkedin' && asPdf ? undefined : MEDIA_LIMITS[platform];
		if (limit && media.length > limit) {
			fail(node, `Media: ${media.length} items, ${platformName(platform)} posts take at most ${limit}`, 'Post to those accounts separately, with fewer images or videos.');
		}
	}
	const poll = (body.linkedinPostDetails as IDataObject | undefined)?.poll;
	if (poll && platforms.includes('linkedin') && (media.length > 0 || (body.ogTagsDetails as IDataObject | undefined)?.metaLink)) {
		fail(node, 'LinkedIn: a poll post cannot have media or a link preview', 'Remove the media and the Link Preview, or the Poll Question.');
	}
	const noFirstComment = platforms.filter((platform) => !FIRST_COMMENT_PLATFORMS.includes(platform));
	if (body.followUpComment && noFirstComment.length) {
		fail(
			node,
			`First Comment: ${noFirstComment.map(platformName).join(', ')} accounts cannot post a first comment`,
			'Only Facebook, Instagram, LinkedIn and YouTube accounts post one. Remove the First Comment, or post to the other accounts separately.',
		);
	}
	for (const platform of platforms) {
		const limit = SUMMARY_LIMITS[platform];
		if (limit && summary.length > limit) {
			fail(node, `Content: ${summary.length} characters is over the ${platformName(platform)} limit of ${limit}`);
		}
	}
}

/**
 * All checks of a post body before it is sent: first those that need no request, then, with the
 * accounts' networks, the platform rules; per-account details are narrowed to their network.
 */
export async function checkPostBody(
	node: INode,
	body: IDataObject,
	platforms: () => Promise<Record<string, string>>,
): Promise<void> {
	validatePostFields(node, body);
	const platformsByAccount = await platforms();
	validatePostForPlatforms(node, body, platformsByAccount);
	scopeAccountDetails(body, platformsByAccount);
}
