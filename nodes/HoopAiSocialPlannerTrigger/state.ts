import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger knows of a post: its status and display date (ms), plus its creation date
 * (ms) when that is later than the display date (a post dated in the past), see `remembered`.
 */
export type PostRecord = [status: string, displayDate: number] | [status: string, displayDate: number, createdAt: number];

/**
 * What the trigger keeps in the workflow's static data (n8n saves it when a poll emits): one
 * location's state, or with an agency install one per location under `locations`.
 */
export interface TriggerState {
	/**
	 * New Post events are for posts created after this (ms): the newest `createdAt` of the
	 * baseline, in the API's own clock (the poll's time when the window was empty).
	 */
	since?: number;
	/** True once one full scan of the window has been recorded; events start after it. */
	baselined?: boolean;
	/** The posts in the window, and those that left it while they are remembered (see `remembered`). */
	posts?: Record<string, PostRecord>;
	/**
	 * Known posts that no longer fit the account or post type filter (edited, or the filter was):
	 * remembered like `posts`, but not looked up on every poll since the list leaves them out.
	 */
	filteredOut?: Record<string, PostRecord>;
	/** A scan of the window that the poll budget cut short, continued by the next poll. */
	scan?: { nextSkip: number; seen: string[] };
	/** The last event emitted, for "Fetch Test Event" (kept beside the locations' states with an agency). */
	lastEvent?: IDataObject;
	/** An agency install: each watched location's own state, by location ID (the fields above unused). */
	locations?: Record<string, TriggerState>;
}

export interface Window {
	from: number;
	to: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function inWindow(at: number, window: Window): boolean {
	return at >= window.from && at <= window.to;
}

export function postRecord(status: string, displayDate: number, createdAt: number): PostRecord {
	return createdAt > displayDate ? [status, displayDate, createdAt] : [status, displayDate];
}

/**
 * How far back the trigger remembers posts: one more window length before the window. A post
 * rescheduled back into the window within that time is compared with what was known of it; a
 * post created before it is never announced as new (it may be one the trigger has forgotten).
 */
export function memoryStart(window: Window): number {
	return window.from - (window.to - window.from);
}

/**
 * Whether a post must still be remembered: in or ahead of the window (time brings it back), or
 * dated or created since the memory's start, so that a post the trigger forgets was created
 * before it and can never be announced as new again.
 */
export function remembered(record: PostRecord, window: Window): boolean {
	return Math.max(record[1], record[2] ?? 0) >= memoryStart(window);
}
