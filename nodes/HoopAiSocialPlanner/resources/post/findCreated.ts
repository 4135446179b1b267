import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { LocationScope } from '../../shared/run';
import { apiRequest } from '../../shared/send';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far HoopAI's clock may be behind n8n's when comparing a post's `createdAt`. */
const CLOCK_SKEW_MS = 5 * MINUTE_MS;

function sameList(left: unknown, right: unknown): boolean {
	const sorted = (value: unknown) => (Array.isArray(value) ? value.map(String).sort() : []);
	return JSON.stringify(sorted(left)) === JSON.stringify(sorted(right));
}

function mediaUrls(post: IDataObject): string[] {
	return ((post.media as IDataObject[] | undefined) ?? []).map((item) => String(item.url ?? ''));
}

/** Whether a listed post is the one this body creates: same accounts, text, media and type. */
export function isPostFromBody(post: IDataObject, body: IDataObject): boolean {
	return (
		sameList(post.accountIds, body.accountIds) &&
		String(post.summary ?? '') === String(body.summary ?? '') &&
		String(post.type ?? 'post') === String(body.type ?? 'post') &&
		JSON.stringify(mediaUrls(post)) === JSON.stringify(mediaUrls(body))
	);
}

/**
 * After a create that got no answer (a lost connection, a timeout, a 5xx): the post it made, if
 * it made one. Looks for a post of the body's accounts dated at its schedule date (a day either
 * side of now for drafts and "post now"), with the same text, media and type, created since the
 * attempt began, and not one this run created already. Undefined: nothing was created, so
 * sending again makes no duplicate.
 */
export async function findCreatedPost(
	this: IExecuteFunctions,
	scope: LocationScope,
	body: IDataObject,
	attemptStartedAt: number,
	createdByThisRun: Set<string>,
): Promise<IDataObject | undefined> {
	const scheduled = body.scheduleDate ? Date.parse(String(body.scheduleDate)) : NaN;
	const [from, to] = Number.isNaN(scheduled)
		? [attemptStartedAt - DAY_MS, Date.now() + DAY_MS]
		: [scheduled - MINUTE_MS, scheduled + MINUTE_MS];
	const response = await apiRequest.call(this, 'POST', '/social-media-posting/{locationId}/posts/list', {
		scope,
		effect: 'read',
		body: {
			skip: '0',
			limit: '100',
			fromDate: new Date(from).toISOString(),
			toDate: new Date(to).toISOString(),
			includeUsers: 'false',
			type: 'all',
			accounts: ((body.accountIds as string[] | undefined) ?? []).join(','),
		},
	});
	const posts = ((response.results as IDataObject | undefined)?.posts ?? []) as IDataObject[];
	return posts
		.filter((post) => isPostFromBody(post, body))
		.filter((post) => !createdByThisRun.has(String(post._id)))
		.filter((post) => Date.parse(String(post.createdAt)) >= attemptStartedAt - CLOCK_SKEW_MS)
		.sort((left, right) => Date.parse(String(right.createdAt)) - Date.parse(String(left.createdAt)))[0];
}
