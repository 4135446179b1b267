import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { wanted, type EventFilters, type TriggerEvent, type TriggerEventName } from './events';
import { listPage, PollClock, type ListFilters } from './scan';
import type { WatchedLocation } from './locations';
import type { Window } from './state';

/** The statuses the posts list can filter on (its `type`); others are looked for among all posts. */
const LISTABLE_STATUSES = ['scheduled', 'draft', 'failed', 'in_review', 'published', 'in_progress', 'pending'];
const MADE_UP_POST_ID = 'sample-post';

export interface TestEventInput {
	/** Looked in, in turn, for a sample (the first also names a made-up one). */
	locations: WatchedLocation[];
	window: Window;
	listFilters: ListFilters;
	filters: EventFilters;
	now: number;
}

/**
 * "Fetch Test Event": the last event emitted, while it fits the trigger's settings; else a sample
 * built from a post of the window that fits them (one list request per event, or per To Status,
 * looked for, in each watched location in turn); else a made-up sample, so that the next nodes
 * can still be set up. Samples say so (`sample: true` and a note). Nothing is stored.
 */
export async function testEvent(this: IPollFunctions, last: TriggerEvent | undefined, input: TestEventInput): Promise<TriggerEvent> {
	if (last && wanted(last, input.filters)) return last;
	for (const name of input.filters.events) {
		for (const location of input.locations) {
			const sample = await sampleFromPosts.call(this, name, location, input);
			if (sample) return sample;
		}
	}
	return madeUpSample(input);
}

async function sampleFromPosts(
	this: IPollFunctions,
	name: TriggerEventName,
	location: WatchedLocation,
	input: TestEventInput,
): Promise<TriggerEvent | undefined> {
	const { filters } = input;
	const accounts = input.listFilters.accounts.filter((id) => id.includes(`_${location.id}_`));
	// The account filter names none of this location's accounts.
	if (input.listFilters.accounts.length && !accounts.length) return undefined;
	const scope = await location.scope();
	// Statuses to look for (undefined: any), each with the list's own filter when it has one.
	const statuses = name === 'statusChanged' && filters.toStatuses.length ? filters.toStatuses : [undefined];
	for (const status of statuses) {
		const type = name === 'postDeleted' ? 'deleted' : status && LISTABLE_STATUSES.includes(status) ? status : 'all';
		const page = await listPage.call(this, new PollClock(undefined), scope, input.window, { ...input.listFilters, accounts, type }, 0);
		const samples = (page?.posts ?? [])
			.map((post) => sampleOf(name, post, location, input))
			.filter((event) => event.previousStatus !== event.status && wanted(event, filters));
		// A New Post sample is the post created last.
		if (name === 'newPost') samples.sort((a, b) => String(b.post?.createdAt ?? '').localeCompare(String(a.post?.createdAt ?? '')));
		if (samples.length) return samples[0];
	}
	return undefined;
}

function sampleOf(name: TriggerEventName, post: IDataObject, location: WatchedLocation, input: TestEventInput): TriggerEvent {
	const postId = String(post._id);
	const status = name === 'postDeleted' ? 'deleted' : String(post.status);
	return {
		event: name,
		postId,
		previousStatus: previousStatusOf(name, status, input.filters),
		status,
		detectedAt: new Date(input.now).toISOString(),
		locationId: location.id,
		locationName: location.name,
		post,
		sample: true,
		note: `A sample for Fetch Test Event: post ${postId} as it is now, not a change the trigger detected`,
	};
}

/** Made up from the settings: the first event, status, network, account and post type asked for. */
function madeUpSample(input: TestEventInput): TriggerEvent {
	const { filters } = input;
	const name = filters.events[0] ?? 'statusChanged';
	const status = name === 'postDeleted' ? 'deleted' : name === 'newPost' ? 'scheduled' : (filters.toStatuses[0] ?? 'published');
	const at = new Date(input.now).toISOString();
	const account = filters.accounts[0];
	const location = input.locations.find((watched) => !account || account.includes(`_${watched.id}_`)) ?? input.locations[0];
	const post: IDataObject = {
		_id: MADE_UP_POST_ID,
		locationId: location?.id ?? '',
		platform: filters.platforms[0] ?? 'facebook',
		...(account ? { accountId: account } : {}),
		accountIds: account ? [account] : [],
		type: filters.postType ?? 'post',
		status,
		summary: 'A sample post',
		media: [],
		tags: [],
		error: status === 'failed' ? 'A sample failure: the reason the network gave appears here' : '',
		displayDate: at,
		createdAt: at,
		updatedAt: at,
	};
	return {
		event: name,
		postId: MADE_UP_POST_ID,
		previousStatus: previousStatusOf(name, status, filters),
		status,
		detectedAt: at,
		locationId: location?.id ?? '',
		locationName: location?.name ?? null,
		post,
		sample: true,
		note: 'A sample for Fetch Test Event: no post in the watched window fits the trigger’s settings, so this one is made up',
	};
}

/** A sample's previous status: one the settings ask for, else a plausible one (a new post has none). */
function previousStatusOf(name: TriggerEventName, status: string, filters: EventFilters): string | null {
	if (name === 'newPost') return null;
	if (name === 'statusChanged' && filters.fromStatuses.length)
		return filters.fromStatuses.find((from) => from !== status) ?? filters.fromStatuses[0];
	return status === 'scheduled' ? 'draft' : 'scheduled';
}
