import type { IDataObject } from 'n8n-workflow';

/** What the trigger keeps in the workflow's static data (n8n saves it when a poll emits). */
export interface TriggerState {
	/**
	 * New Post events are for posts created after this (ms): the newest `createdAt` of the
	 * baseline, in the API's own clock (the poll's time when the window was empty).
	 */
	since?: number;
	/** True once one full scan of the window has been recorded; events start after it. */
	baselined?: boolean;
	/** The posts in the window: id → [status, displayDate ms]. Posts leaving the window are pruned. */
	posts?: Record<string, [string, number]>;
	/** A scan of the window that the poll budget cut short, continued by the next poll. */
	scan?: { nextSkip: number; seen: string[] };
	/** The last event emitted, for "Fetch Test Event". */
	lastEvent?: IDataObject;
}

export interface Window {
	from: number;
	to: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function inWindow(at: number, window: Window): boolean {
	return at >= window.from && at <= window.to;
}
