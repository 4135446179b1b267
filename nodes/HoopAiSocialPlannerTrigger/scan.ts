import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { apiError } from '../HoopAiSocialPlanner/shared/errors';
import type { LocationScope } from '../HoopAiSocialPlanner/shared/run';
import { apiResponse, type ApiResponse } from '../HoopAiSocialPlanner/shared/send';
import type { Window } from './state';

/** Posts per list request. The spec documents no maximum; 100 is what HighLevel lists accept. */
export const PAGE_SIZE = 100;

export interface ListFilters {
	accounts: string[];
	postType?: string;
	/** The list's status filter (`type`): all but deleted posts unless set. */
	type?: string;
}

/** Whether the list, with these filters, returns this post when it is dated in the window. */
export function fitsList(post: IDataObject, filters: ListFilters): boolean {
	const accounts = Array.isArray(post.accountIds) ? post.accountIds.map(String) : [];
	if (filters.accounts.length && !accounts.some((id) => filters.accounts.includes(id))) return false;
	return !filters.postType || post.type === filters.postType;
}

/** A clock for one poll: the time it may still use (n8n ≥ 2.36 gives a budget; older n8n none). */
export class PollClock {
	private endsAt: number;

	constructor(
		budgetMs: number | undefined,
		private readonly now: () => number = Date.now,
	) {
		// Keep a fifth of the budget for n8n to emit and save.
		this.endsAt = budgetMs === undefined ? Infinity : now() + budgetMs * 0.8;
	}

	/** An even share of the time left, for one of `parts` locations polled in turn (what it leaves passes on). */
	share(parts: number): PollClock {
		const clock = new PollClock(undefined, this.now);
		if (Number.isFinite(this.endsAt)) clock.endsAt = this.now() + Math.max(this.remaining(), 0) / Math.max(parts, 1);
		return clock;
	}

	remaining(): number {
		return this.endsAt - this.now();
	}

	/** When the poll's time is up (ms since the epoch), for the send path's waits. */
	deadline(): number | undefined {
		return Number.isFinite(this.endsAt) ? this.endsAt : undefined;
	}
}

/**
 * One request within the poll's budget: the shared send path (paced, 429s waited out, transient
 * failures retried) may wait only while the poll has time. Returns undefined when it is still
 * rate-limited (the caller stops for this poll); error answers other than the `accepted` ones
 * fail the poll, and so does a spent daily limit.
 */
export async function requestWithinBudget(
	this: IPollFunctions,
	send: () => Promise<ApiResponse>,
	accepted: number[] = [],
): Promise<ApiResponse | undefined> {
	const response = await send();
	if (response.statusCode === 429) return undefined;
	if (response.statusCode >= 400 && !accepted.includes(response.statusCode)) throw apiError(this.getNode(), response);
	return response;
}

/** One page of the posts in the window, newest first. */
export async function listPage(
	this: IPollFunctions,
	clock: PollClock,
	scope: LocationScope,
	window: Window,
	filters: ListFilters,
	skip: number,
	limit: number = PAGE_SIZE,
): Promise<{ posts: IDataObject[]; count: number } | undefined> {
	const response = await requestWithinBudget.call(
		this,
		async () =>
			await apiResponse.call(this, 'POST', '/social-media-posting/{locationId}/posts/list', {
				effect: 'read',
				deadline: clock.deadline(),
				scope,
				body: {
					skip: String(skip),
					limit: String(limit),
					fromDate: new Date(window.from).toISOString(),
					toDate: new Date(window.to).toISOString(),
					includeUsers: 'false',
					type: filters.type ?? 'all',
					...(filters.accounts.length ? { accounts: filters.accounts.join(',') } : {}),
					...(filters.postType ? { postType: filters.postType } : {}),
				},
			}),
	);
	if (!response) return undefined;
	const results = (response.body.results ?? {}) as { posts?: IDataObject[]; count?: number };
	return { posts: results.posts ?? [], count: Number(results.count ?? 0) };
}

/** One post by ID; `null` when the API no longer has it (404). */
export async function getPost(
	this: IPollFunctions,
	clock: PollClock,
	scope: LocationScope,
	id: string,
): Promise<IDataObject | null | undefined> {
	const path = `/social-media-posting/{locationId}/posts/${encodeURIComponent(id)}`;
	const response = await requestWithinBudget.call(
		this,
		async () => await apiResponse.call(this, 'GET', path, { scope, deadline: clock.deadline() }),
		[404],
	);
	if (!response) return undefined;
	if (response.statusCode === 404) return null;
	return ((response.body.results as IDataObject | undefined)?.post ?? null) as IDataObject | null;
}
