import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';
import type { TriggerEvent } from './events';
import type { WatchedLocation } from './locations';
import { runPoll } from './poll';
import type { ListFilters, PollClock } from './scan';
import type { TriggerState, Window } from './state';

export interface WatchInput {
	locations: WatchedLocation[];
	clock: PollClock;
	window: Window;
	listFilters: ListFilters;
	now: number;
}

export interface WatchResult {
	/** Every change seen, location by location, before the user's event filters. */
	events: TriggerEvent[];
	/** The state to keep, by location: only watched ones (an uninstalled location is dropped). */
	states: Record<string, TriggerState>;
	/** The locations whose poll failed: their state is kept as it was, so nothing of theirs is lost. */
	failures: Array<{ location: WatchedLocation; error: unknown }>;
}

/**
 * One poll of every watched location, in turn, each within an even share of the budget still
 * left and its own scan (⌈posts in its window / 100⌉ list requests). A location polled for the
 * first time (just installed, or just chosen) records its posts and reports nothing, as on
 * activation. One location failing leaves the others' results whole.
 */
export async function pollLocations(this: IPollFunctions, previous: Record<string, TriggerState>, input: WatchInput): Promise<WatchResult> {
	const result: WatchResult = { events: [], states: {}, failures: [] };
	for (const [index, location] of input.locations.entries()) {
		const listFilters = filtersIn(input.listFilters, location.id);
		// The account filter names none of this location's accounts: nothing to watch there.
		if (!listFilters) continue;
		try {
			const polled = await runPoll.call(this, previous[location.id] ?? {}, {
				scope: await location.scope(),
				location,
				clock: input.clock.share(input.locations.length - index),
				window: input.window,
				listFilters,
				now: input.now,
			});
			result.states[location.id] = polled.state;
			result.events.push(...polled.events);
		} catch (error) {
			if (previous[location.id]) result.states[location.id] = previous[location.id];
			result.failures.push({ location, error });
		}
	}
	return result;
}

/** The list filters for one location: its accounts of the account filter (undefined: it has none of them). */
function filtersIn(filters: ListFilters, locationId: string): ListFilters | undefined {
	if (filters.accounts.length === 0) return filters;
	const accounts = filters.accounts.filter((id) => id.includes(`_${locationId}_`));
	return accounts.length ? { ...filters, accounts } : undefined;
}

/**
 * The error of a poll where locations failed: the API's own error when the one watched location
 * failed; else one naming each failed location with its reason.
 */
export function watchError(this: IPollFunctions, failures: WatchResult['failures'], watched: number): unknown {
	if (watched === 1 && failures.length === 1) return failures[0].error;
	const reasons = failures.map(({ location, error }) => `${location.name ?? location.id} (${location.id}): ${messageOf(error)}`);
	return new NodeOperationError(
		this.getNode(),
		`Locations: ${failures.length} of ${watched} sub-accounts could not be polled — ${reasons.join('; ')}`,
		{ description: 'The other sub-accounts were polled; the failed ones are polled again next time, and none of their events is lost.' },
	);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
