import type { IDataObject } from 'n8n-workflow';

export type TriggerEventName = 'statusChanged' | 'newPost' | 'postDeleted';

export interface TriggerEvent extends IDataObject {
	event: TriggerEventName;
	postId: string;
	previousStatus: string | null;
	status: string;
	detectedAt: string;
	post: IDataObject | null;
}

export interface EventFilters {
	events: TriggerEventName[];
	toStatuses: string[];
	fromStatuses: string[];
	platforms: string[];
}

/** Whether the user asked for this event (statuses and platforms as set in the node). */
export function wanted(event: TriggerEvent, filters: EventFilters): boolean {
	if (!filters.events.includes(event.event)) return false;
	const platform = event.post?.platform;
	if (filters.platforms.length && typeof platform === 'string' && !filters.platforms.includes(platform)) return false;
	if (event.event !== 'statusChanged') return true;
	if (filters.toStatuses.length && !filters.toStatuses.includes(event.status)) return false;
	if (filters.fromStatuses.length && !filters.fromStatuses.includes(String(event.previousStatus))) return false;
	return true;
}
