import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { LocationScope } from '../HoopAiSocialPlanner/shared/run';
import type { TriggerEvent } from './events';
import { fitsList, getPost, listPage, type ListFilters, type PollClock } from './scan';
import { inWindow, memoryStart, postRecord, remembered, type PostRecord, type TriggerState, type Window } from './state';

export interface PollInput {
	scope: LocationScope;
	/** Named in every event. */
	location: { id: string; name: string | null };
	clock: PollClock;
	window: Window;
	listFilters: ListFilters;
	now: number;
}

export interface PollResult {
	/** Every change seen, before the user's event filters. */
	events: TriggerEvent[];
	/** The state to keep after this poll. */
	state: TriggerState;
}

const displayDate = (post: IDataObject) => Date.parse(String(post.displayDate ?? post.createdAt ?? '')) || 0;
const createdAt = (post: IDataObject) => Date.parse(String(post.createdAt ?? '')) || 0;
const recordOf = (post: IDataObject) => postRecord(String(post.status), displayDate(post), createdAt(post));

/**
 * One poll's work in one location, on a copy of its state: scans the window page by page while the budget lasts
 * (continuing a scan an earlier poll left unfinished), diffs each post with what was known, and
 * after a full scan settles the known posts of the window that were not listed (GET: 404 =
 * deleted, else moved). Posts that left the window stay known while they may come back (see
 * `remembered`), so a post coming back is neither new again nor missing its status change.
 * Nothing is written to the stored state here, so a failed request commits nothing.
 */
export async function runPoll(this: IPollFunctions, previous: TriggerState, input: PollInput): Promise<PollResult> {
	const { scope, clock, window, listFilters, now, location } = input;
	const detectedAt = new Date(now).toISOString();
	const reporting = previous.baselined === true;
	let since = previous.since;
	const posts: Record<string, PostRecord> = { ...previous.posts };
	const filteredOut: Record<string, PostRecord> = { ...previous.filteredOut };
	// New: created after the baseline, and not before the memory's start (it might be forgotten).
	const isNew = (post: IDataObject) => since !== undefined && createdAt(post) > since && createdAt(post) >= memoryStart(window);
	const seen = new Set(previous.scan?.seen ?? []);
	const events: TriggerEvent[] = [];
	const event = (name: TriggerEvent['event'], postId: string, previousStatus: string | null, status: string, post: IDataObject | null) =>
		events.push({ event: name, postId, previousStatus, status, detectedAt, locationId: location.id, locationName: location.name, post });

	let newestCreated = 0;
	let skip = previous.scan?.nextSkip ?? 0;
	let complete = false;
	let lastPageMs = 0;
	// The first page always goes (progress); another only if it should end within the budget.
	while (lastPageMs === 0 || clock.remaining() > lastPageMs) {
		const started = Date.now();
		const page = await listPage.call(this, clock, scope, window, listFilters, skip);
		lastPageMs = Math.max(Date.now() - started, 1);
		if (!page) break;
		for (const post of page.posts) {
			const id = String(post._id);
			const status = String(post.status);
			const known = posts[id] ?? filteredOut[id];
			if (reporting && known && known[0] !== status) event('statusChanged', id, known[0], status, post);
			if (reporting && !known && isNew(post)) event('newPost', id, null, status, post);
			if (!reporting) newestCreated = Math.max(newestCreated, createdAt(post));
			posts[id] = recordOf(post);
			delete filteredOut[id];
			seen.add(id);
		}
		skip += page.posts.length;
		if (page.posts.length === 0 || skip >= page.count) {
			complete = true;
			break;
		}
	}

	// Known posts dated in the window that the full scan did not list: one GET tells deleted from moved.
	if (complete) {
		for (const id of Object.keys(posts)) {
			if (seen.has(id) || !inWindow(posts[id][1], window)) continue;
			if (clock.remaining() <= 0) break;
			const post = await getPost.call(this, clock, scope, id);
			if (post === undefined) break;
			if (post === null || post.status === 'deleted') {
				if (reporting) event('postDeleted', id, posts[id][0], 'deleted', post);
				delete posts[id];
				continue;
			}
			const status = String(post.status);
			if (reporting && posts[id][0] !== status) event('statusChanged', id, posts[id][0], status, post);
			if (fitsList(post, listFilters)) {
				posts[id] = recordOf(post);
			} else {
				filteredOut[id] = recordOf(post);
				delete posts[id];
			}
		}
	}
	// Forget the posts that left the window and can no longer come back unnoticed.
	for (const id of Object.keys(posts)) if (!seen.has(id) && !remembered(posts[id], window)) delete posts[id];
	for (const id of Object.keys(filteredOut)) if (!remembered(filteredOut[id], window)) delete filteredOut[id];

	if (!reporting) since = Math.max(since ?? 0, newestCreated) || now;
	const state: TriggerState = {
		since,
		baselined: previous.baselined === true || complete,
		posts,
		...(Object.keys(filteredOut).length ? { filteredOut } : {}),
		...(complete ? {} : { scan: { nextSkip: skip, seen: [...seen] } }),
	};
	return { events, state };
}
