import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';
import { choice, choices, wholeNumber } from '../HoopAiSocialPlanner/shared/checks';
import { accountReferences, matchAccounts } from '../HoopAiSocialPlanner/shared/accounts';
import { PLATFORM_OPTIONS } from '../HoopAiSocialPlanner/networks';
import { POST_FORMAT_OPTIONS } from '../HoopAiSocialPlanner/networks/network';
import { EVENT_OPTIONS, POST_STATUSES } from './description';
import type { EventFilters, TriggerEventName } from './events';
import type { ListFilters } from './scan';

/** A window longer than this is a mistake (and each poll would list every post in it). */
const MAX_DAYS = 3650;

export interface TriggerInputs {
	listFilters: ListFilters;
	eventFilters: EventFilters;
	daysBack: number;
	daysAhead: number;
	simplify: boolean;
}

const ACCOUNTS_LABEL = 'Filters → Account Names or IDs';

/** What the account filter is matched against: the watched locations, and the one location's accounts. */
export interface TriggerLocation {
	locationIds: string[];
	/** Undefined when several locations are watched: the filter then takes account IDs only. */
	accounts?: () => Promise<IDataObject[]>;
}

/**
 * The trigger's settings, each checked before a poll sends anything: an expression may give a
 * value no option has, a text for a number or an object for a list. The account filter's names
 * are then matched against the location's accounts, read only for names: an account ID holds its
 * location's (`<oauthId>_<locationId>_<originId>`), so a filter of IDs costs a poll no request
 * (and tells, with several locations, which location it filters).
 */
export async function readTriggerInputs(this: IPollFunctions, location: TriggerLocation): Promise<TriggerInputs> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const events = choices(node, 'Events', this.getNodeParameter('events', []), EVENT_OPTIONS) as TriggerEventName[];
	if (events.length === 0)
		throw new NodeOperationError(node, 'Events: choose at least one event', { description: 'Without one, the trigger would never fire.' });
	const statuses = POST_STATUSES.filter((status) => status.value !== 'deleted');
	const statusChanged = events.includes('statusChanged');
	const unset = (value: unknown) => value === undefined || value === '';
	const listFilters: ListFilters = {
		accounts: accountReferences(node, ACCOUNTS_LABEL, filters.accounts),
		postType: unset(filters.postType) ? undefined : choice<string>(node, 'Filters → Post Type', filters.postType, POST_FORMAT_OPTIONS),
	};
	const checked = {
		listFilters,
		eventFilters: {
			events,
			toStatuses: statusChanged ? choices(node, 'To Statuses', this.getNodeParameter('toStatuses', []), statuses) : [],
			fromStatuses: statusChanged ? choices(node, 'From Statuses', this.getNodeParameter('fromStatuses', []), statuses) : [],
			platforms: choices(node, 'Filters → Platforms', filters.platforms, PLATFORM_OPTIONS),
			...listFilters,
		},
		daysBack: wholeNumber(node, 'Options → Days Back', options.daysBack ?? 7, 0, MAX_DAYS),
		daysAhead: wholeNumber(node, 'Options → Days Ahead', options.daysAhead ?? 30, 0, MAX_DAYS),
		simplify: options.simplify !== false,
	};
	const isAccountId = (reference: string) => location.locationIds.some((id) => reference.includes(`_${id}_`)) && !/[\s,]/.test(reference);
	const names = listFilters.accounts.filter((reference) => !isAccountId(reference));
	if (names.length && !location.accounts) {
		throw new NodeOperationError(
			node,
			`${ACCOUNTS_LABEL}: "${names[0]}" is not an account ID of a watched location; with several locations, give account IDs (each holds its location’s ID), e.g. from Account → Get Many`,
			{ description: 'Account names are matched in one location only. Nothing was sent to the Social Planner.' },
		);
	}
	if (names.length && location.accounts) {
		const accounts = matchAccounts(node, ACCOUNTS_LABEL, listFilters.accounts, await location.accounts());
		const accountIds = accounts.map((account) => String(account.id));
		checked.listFilters.accounts = accountIds;
		checked.eventFilters.accounts = accountIds;
	}
	return checked;
}
