import type { IDataObject } from 'n8n-workflow';

export type TriggerEventName = 'statusChanged' | 'newPost' | 'postDeleted';

export interface TriggerEvent extends IDataObject {
	event: TriggerEventName;
	postId: string;
	previousStatus: string | null;
	status: string;
	detectedAt: string;
	/** The sub-account the post is in, and its name as the agency's install list gives it (else null). */
	locationId: string;
	locationName: string | null;
	post: IDataObject | null;
	/** Only on what "Fetch Test Event" shows when it is not a real event. */
	sample?: true;
	note?: string;
}

/** The trigger's settings that decide which events it emits. */
export interface EventFilters {
	events: TriggerEventName[];
	toStatuses: string[];
	fromStatuses: string[];
	platforms: string[];
	accounts: string[];
	postType?: string;
}

/**
 * Whether the user asked for this event (events, statuses, platforms, accounts and post type as
 * set in the node). A post the event does not carry, or a field it lacks, does not exclude it.
 */
export function wanted(event: TriggerEvent, filters: EventFilters): boolean {
	if (!filters.events.includes(event.event)) return false;
	const { platform, accountIds, type } = event.post ?? {};
	if (filters.platforms.length && typeof platform === 'string' && !filters.platforms.includes(platform)) return false;
	if (filters.accounts.length && Array.isArray(accountIds) && !accountIds.some((id) => filters.accounts.includes(String(id)))) return false;
	if (filters.postType && typeof type === 'string' && type !== filters.postType) return false;
	if (event.event !== 'statusChanged') return true;
	if (filters.toStatuses.length && !filters.toStatuses.includes(event.status)) return false;
	if (filters.fromStatuses.length && !filters.fromStatuses.includes(String(event.previousStatus))) return false;
	return true;
}
