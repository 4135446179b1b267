import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { getAccounts } from '../HoopAiSocialPlanner/loadOptions/getAccounts';
import { getLocations } from '../HoopAiSocialPlanner/loadOptions/getLocations';
import { searchLocations } from '../HoopAiSocialPlanner/listSearch/searchLocations';
import { accountDirectory, simplifyPost, type AccountDirectory } from '../HoopAiSocialPlanner/resources/post/simplify';
import { listAccounts } from '../HoopAiSocialPlanner/shared/accounts';
import { nodeCredentials } from '../HoopAiSocialPlanner/shared/descriptions';
import { runOf } from '../HoopAiSocialPlanner/shared/run';
import { eventsSubtitle, triggerProperties } from './description';
import { wanted, type TriggerEvent } from './events';
import { readTriggerInputs } from './inputs';
import { watchedLocations, type WatchedLocation } from './locations';
import { testEvent } from './sample';
import { PollClock } from './scan';
import { DAY_MS, type TriggerState, type Window } from './state';
import { pollLocations, watchError } from './watch';

export class HoopAiSocialPlannerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HoopAI Social Planner Trigger',
		name: 'hoopAiSocialPlannerTrigger',
		icon: { light: 'file:../../icons/hoopai.svg', dark: 'file:../../icons/hoopai.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle,
		// n8n's nodes panel shows the action node and this trigger as one entry, with this text.
		description:
			'Schedule and manage HoopAI Social Planner posts, and start workflows when a post is published, fails, is created or deleted',
		defaults: { name: 'HoopAI Social Planner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: triggerProperties,
	};

	methods = { loadOptions: { getAccounts, getLocations }, listSearch: { searchLocations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// One run state for the whole poll: the credential is read once, each location's scope (and
		// an agency's token for it) once; its accounts at most once, for names in the account filter
		// (one location only) and for Simplify (on unless turned off) when it has events.
		const run = runOf(this);
		const watched = await watchedLocations.call(this, run);
		const accountLists = new Map<string, Promise<IDataObject[]>>();
		const accountsOf = (location: WatchedLocation) => {
			if (!accountLists.has(location.id))
				accountLists.set(
					location.id,
					location.scope().then(async (scope) => await listAccounts.call(this, scope)),
				);
			return accountLists.get(location.id)!;
		};
		const single = watched.locations.length === 1 ? watched.locations[0] : undefined;
		const { listFilters, eventFilters, daysBack, daysAhead, simplify } = await readTriggerInputs.call(this, {
			locationIds: watched.locations.map((location) => location.id),
			accounts: single && (async () => await accountsOf(single)),
		});
		const now = Date.now();
		const window: Window = { from: now - daysBack * DAY_MS, to: now + daysAhead * DAY_MS };
		const byId = new Map(watched.locations.map((location) => [location.id, location]));
		const toItems = async (found: TriggerEvent[]) => {
			const items: IDataObject[] = [];
			for (const event of found) {
				const location = byId.get(event.locationId);
				const accounts = simplify && location ? accountDirectory(await accountsOf(location)) : undefined;
				items.push(present(event, accounts, this.getTimezone()));
			}
			return this.helpers.returnJsonArray(items);
		};
		const stored = this.getWorkflowStaticData('node') as TriggerState;
		const lastEvent = stored.lastEvent as TriggerEvent | undefined;

		if (this.getMode() === 'manual') {
			const input = { locations: watched.locations, window, listFilters, filters: eventFilters, now };
			return [await toItems([await testEvent.call(this, lastEvent, input)])];
		}

		const budget = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : undefined;
		const previous = watched.agency ? (stored.locations ?? {}) : { [watched.locations[0].id]: stored };
		const result = await pollLocations.call(this, previous, {
			locations: watched.locations,
			clock: new PollClock(budget),
			window,
			listFilters,
			now,
		});
		const found = result.events.filter((event) => wanted(event, eventFilters));
		// The output first (Simplify may ask for the accounts): the state is committed in one step,
		// only once every request of the poll has succeeded (a failed location keeps its old state).
		const items = found.length ? await toItems(found) : undefined;
		// Kept as found (full post): Fetch Test Event checks it against, and shows it with, the settings of its time.
		const kept: TriggerState = watched.agency ? { locations: result.states } : { ...result.states[watched.locations[0].id] };
		const last = found.length ? found[found.length - 1] : lastEvent;
		if (last) kept.lastEvent = last;
		for (const key of Object.keys(stored)) delete (stored as IDataObject)[key];
		Object.assign(stored, kept);
		// A failure is reported by a poll with nothing to emit (an error cannot go with events).
		if (result.failures.length && !items) throw watchError.call(this, result.failures, watched.locations.length);
		return items ? [items] : null;
	}
}

/** An event as output: the post's error on failures, and the post simplified unless Simplify is off. */
function present(event: TriggerEvent, accounts: AccountDirectory | undefined, zone: string): IDataObject {
	const post = event.post;
	return {
		...event,
		...(event.status === 'failed' ? { error: post?.error ?? null } : {}),
		post: post && accounts ? simplifyPost(post, accounts, zone) : post,
	};
}
