import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { notAnAccountError, platformsOf } from '../../shared/accounts';
import { isVideo } from '../../shared/media';
import { describeUtc } from '../../shared/dates';
import { namesInWords, NETWORKS_WITH_OPTIONS, platformName, POSTING_NETWORKS } from '../../networks';
import { detailsOf, mediaOf } from '../../networks/network';
import { scheduleDateInThePast, scopeAccountDetails } from './postInput';

function fail(node: INode, message: string, description?: string): never {
	throw new NodeOperationError(node, message, description ? { description } : {});
}

/**
 * Checks of a create/update body before anything is sent, so the user gets a message naming the
 * field instead of a failed request. The networks' rules that need the accounts: see below.
 */
export function validatePostFields(node: INode, body: IDataObject, now: number = Date.now()): void {
	const status = String(body.status ?? 'draft');
	const accountIds = (body.accountIds as string[] | undefined) ?? [];
	const isDraft = status === 'draft';

	if (!isDraft && accountIds.length === 0) {
		fail(
			node,
			'Account Names or IDs: none chosen; choose at least one account, or save the post as a draft',
			'Only a draft may be saved without accounts.',
		);
	}
	if (!isDraft && !body.userId) {
		fail(
			node,
			'User Name or ID: no user to create the post as; add User Name or ID under Additional Fields, or set the User ID in the credential',
			'HoopAI records which user made each post that is not a draft.',
		);
	}
	if ((status === 'scheduled' || status === 'in_review') && !body.scheduleDate) {
		fail(
			node,
			'Schedule Date: required to schedule a post or submit it for review; choose a future date and time, or use Status "Publish Now"',
		);
	}
	// A date the user typed is checked where it is read, in their timezone (postInput.ts); this
	// catches the post's own date on Update, and one set through Extra Fields.
	if (status === 'scheduled' && body.scheduleDate && Date.parse(String(body.scheduleDate)) <= now) {
		throw scheduleDateInThePast(node, describeUtc(String(body.scheduleDate)));
	}
	if (status === 'in_review' && !(body.postApprovalDetails as IDataObject | undefined)?.approver) {
		fail(
			node,
			'Review → Approver Name or ID: required to submit a post for review; add Review under Additional Fields and choose the approver',
			'The approver is the HoopAI user who approves or rejects the post.',
		);
	}
	// Each network's own details (its Platform Options), checked by its module.
	for (const { post } of NETWORKS_WITH_OPTIONS) {
		const details = detailsOf(body, post.options.detailsKey);
		if (details) post.options.check?.(node, details);
	}
}

/**
 * Every account of the post must be one of the location's: those the user gave were matched by
 * name or ID already, this catches those of the post itself (on Update) and of Extra Fields.
 */
export function checkAccountsExist(node: INode, accountIds: string[], accounts: IDataObject[]): void {
	const known = new Set(accounts.map((account) => String(account.id)));
	const unknown = accountIds.find((accountId) => !known.has(accountId));
	if (unknown !== undefined) throw notAnAccountError(node, 'Account Names or IDs', unknown, accounts);
}

const FIRST_COMMENT_NETWORKS = POSTING_NETWORKS.filter((network) => network.post.firstComment);

/**
 * The rules of the networks of the chosen accounts (media needed, counts, caption lengths, first
 * comments), each rule for every network before the next, for the location's `accounts`.
 */
export function validatePostForPlatforms(node: INode, body: IDataObject, accounts: IDataObject[]): void {
	const accountIds = (body.accountIds as string[] | undefined) ?? [];
	const media = mediaOf(body);
	const summary = String(body.summary ?? '');
	checkAccountsExist(node, accountIds, accounts);
	const platformsByAccount = platformsOf(accounts);
	const platforms = [...new Set(accountIds.map((accountId) => platformsByAccount[accountId]))];
	// An account of a network the node does not know yet is sent as it is: the API decides.
	const networks = platforms.flatMap((platform) => POSTING_NETWORKS.filter((network) => network.platform === platform));
	if (body.status !== 'draft') {
		for (const { name, post } of networks.filter((network) => network.post.needsMedia !== 'nothing')) {
			if (media.length === 0)
				fail(node, `Media: ${name} posts need at least one image or video; add one, or post to the ${name} accounts separately`);
			if (post.needsMedia === 'video' && !media.some((item) => isVideo(item.type as string | undefined)))
				fail(node, `Media: ${name} posts need a video; add one, or post to the ${name} accounts separately`);
		}
	}
	for (const { name, post } of networks) {
		const limit = post.maxMedia(body);
		if (limit && media.length > limit) {
			fail(
				node,
				`Media: ${media.length} items, ${name} posts take at most ${limit}; post to the ${name} accounts separately, with fewer images or videos`,
				'Each network has its own limit of media per post.',
			);
		}
	}
	for (const { post } of networks) post.check?.(node, body);
	const noFirstComment = platforms.filter((platform) => !FIRST_COMMENT_NETWORKS.some((network) => network.platform === platform));
	if (body.followUpComment && noFirstComment.length) {
		fail(
			node,
			`First Comment: ${noFirstComment.map(platformName).join(', ')} accounts cannot post a first comment; remove the First Comment, or post to those accounts separately`,
			`Only ${namesInWords(FIRST_COMMENT_NETWORKS)} accounts post one.`,
		);
	}
	for (const { name, post } of networks) {
		if (post.maxCaption && summary.length > post.maxCaption) {
			fail(
				node,
				`Content: ${summary.length} characters is over the ${name} limit of ${post.maxCaption}; shorten it, or post to the ${name} accounts separately`,
			);
		}
	}
}

/**
 * All checks of a post body before it is sent: first those that need no request, then, with the
 * accounts' networks, the networks' rules; per-account details are narrowed to their network.
 */
export async function checkPostBody(node: INode, body: IDataObject, locationAccounts: () => Promise<IDataObject[]>): Promise<void> {
	validatePostFields(node, body);
	const accounts = await locationAccounts();
	validatePostForPlatforms(node, body, accounts);
	scopeAccountDetails(body, platformsOf(accounts));
}
