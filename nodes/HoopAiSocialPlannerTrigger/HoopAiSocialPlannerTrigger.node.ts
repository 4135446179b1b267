import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { getAccounts } from '../HoopAiSocialPlanner/loadOptions/getAccounts';
import { accountDirectory, simplifyPost, type AccountDirectory } from '../HoopAiSocialPlanner/resources/post/simplify';
import { listAccounts } from '../HoopAiSocialPlanner/shared/accounts';
import { nodeCredentials } from '../HoopAiSocialPlanner/shared/descriptions';
import { runOf } from '../HoopAiSocialPlanner/shared/run';
import { eventsSubtitle, triggerProperties } from './description';
import { wanted, type TriggerEvent } from './events';
import { readTriggerInputs } from './inputs';
import { runPoll } from './poll';
import { testEvent } from './sample';
import { PollClock } from './scan';
import { DAY_MS, type TriggerState, type Window } from './state';

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

	methods = { loadOptions: { getAccounts } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// One scope for the whole poll: the credential is read once; the accounts at most once, for
		// names in the account filter and for Simplify (on unless turned off) when the poll emits.
		const scope = await runOf(this).scope();
		let accountList: Promise<IDataObject[]> | undefined;
		const locationAccounts = async () => await (accountList ??= listAccounts.call(this, scope));
		const { listFilters, eventFilters, daysBack, daysAhead, simplify } = await readTriggerInputs.call(this, {
			locationId: scope.locationId,
			accounts: locationAccounts,
		});
		const now = Date.now();
		const window: Window = { from: now - daysBack * DAY_MS, to: now + daysAhead * DAY_MS };
		const toItems = async (found: TriggerEvent[]) => {
			const accounts = simplify ? accountDirectory(await locationAccounts()) : undefined;
			return this.helpers.returnJsonArray(found.map((event) => present(event, accounts, this.getTimezone())));
		};
		const stored = this.getWorkflowStaticData('node') as TriggerState;

		if (this.getMode() === 'manual') {
			return [await toItems([await testEvent.call(this, stored, { scope, window, listFilters, filters: eventFilters, now })])];
		}

		const budget = typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : undefined;
		const result = await runPoll.call(this, stored, { scope, clock: new PollClock(budget), window, listFilters, now });
		const found = result.events.filter((event) => wanted(event, eventFilters));
		// Kept as found (full post): Fetch Test Event checks it against, and shows it with, the settings of its time.
		if (found.length) result.state.lastEvent = found[found.length - 1];
		// The output first (Simplify may ask for the accounts): the state is committed in one step,
		// only once every request of the poll has succeeded.
		const items = found.length ? await toItems(found) : undefined;
		for (const key of Object.keys(stored)) delete (stored as IDataObject)[key];
		Object.assign(stored, result.state);
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
