import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { choice, choices, dateText } from '../../shared/checks';
import { parseInstant } from '../../shared/dates';
import { STATISTICS_PLATFORM_OPTIONS } from '../../networks';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';
import { accountIdsOf, accountReferences, runAccounts } from '../../shared/accounts';
import { scopeOfItem } from '../../shared/run';
import type { Operation } from '../resource';

const show = { resource: ['statistics'] };
const showCustom = { ...show, range: ['custom'] };
const MAX_PROFILES = 100;

const PERIOD_OPTIONS = [
	{ name: 'Last 7 Days', value: 'last7', description: 'The 7 days before today, compared with the 7 before them' },
	{ name: 'Custom', value: 'custom' },
];

/** A custom period's date, checked to be a day that exists. */
function periodDate(node: INode, label: 'Start Date' | 'End Date', value: unknown): number {
	const typed = dateText(node, label, value);
	const ms = parseInstant(typed);
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(
			node,
			`${label}: "${typed}" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z`,
			{
				description: 'A date without a time is its start, read in the workflow’s timezone.',
			},
		);
	}
	return ms;
}

function tooMany(node: INode, count: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`Account Names or IDs: ${count} accounts, HoopAI reports on at most ${MAX_PROFILES}; choose fewer, or report on them in several runs`,
	);
}

/** preSend: profile IDs (all accounts when none chosen), networks and the date ranges. */
export async function buildStatisticsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const body: IDataObject = {};
	if (choice(node, 'Period', this.getNodeParameter('range', 'last7'), PERIOD_OPTIONS) === 'custom') {
		const start = periodDate(node, 'Start Date', this.getNodeParameter('startDate', ''));
		const end = periodDate(node, 'End Date', this.getNodeParameter('endDate', ''));
		if (start >= end) throw new NodeOperationError(node, 'Start Date: not before End Date; choose a Start Date before the End Date');
		body.currentRange = { startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() };
		if (this.getNodeParameter('compare', true)) {
			// The period of the same length just before, as the API's default comparison does.
			body.prevRange = { startDate: new Date(start - (end - start)).toISOString(), endDate: new Date(start).toISOString() };
		}
	}
	// Checked before the accounts are read for them.
	const platforms = choices(node, 'Platforms', this.getNodeParameter('platforms', []), STATISTICS_PLATFORM_OPTIONS);
	if (platforms.length) body.platforms = platforms;
	const scope = await scopeOfItem(this);
	const given = accountReferences(node, 'Account Names or IDs', this.getNodeParameter('profileIds', []));
	if (given.length > MAX_PROFILES) throw tooMany(node, given.length);
	const profileIdOf = (account: IDataObject) => String(account.profileId ?? '');
	let profileIds = await accountIdsOf.call(this, 'Account Names or IDs', given, { scope, idOf: profileIdOf });
	if (profileIds.length === 0) {
		const accounts = await runAccounts.call(this, scope);
		profileIds = accounts
			.filter((account) => !account.isExpired && (platforms.length === 0 || platforms.includes(String(account.platform))))
			.map((account) => String(account.profileId));
	}
	if (profileIds.length > MAX_PROFILES) throw tooMany(node, profileIds.length);
	if (profileIds.length === 0)
		throw new NodeOperationError(node, 'Account Names or IDs: no account to report on; choose at least one account');
	body.profileIds = profileIds;
	requestOptions.body = body;
	return requestOptions;
}

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get social media statistics',
		description: 'Posts, impressions, reach, engagement, followers and demographics, compared with the previous period',
		routing: apiRouting({
			request: { method: 'POST', url: '/social-media-posting/statistics', qs: { locationId: LOCATION_PLACEHOLDER } },
			effect: 'read',
			preSend: [buildStatisticsBody],
			postReceive: [itemsAt('results')],
		}),
	},
};

export const statisticsFields: INodeProperties[] = [
	{
		displayName: 'Account Names or IDs',
		name: 'profileIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProfiles' },
		default: [],
		displayOptions: { show },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Leave empty to report on every connected account. From an expression: account names (e.g. Hoop Coffee (Facebook)) or the accounts’ profile IDs.',
	},
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: STATISTICS_PLATFORM_OPTIONS,
		default: [],
		displayOptions: { show },
		description: 'Only these networks. The API reports on LinkedIn pages and TikTok business accounts only, and on no other network.',
	},
	{
		displayName: 'Period',
		name: 'range',
		type: 'options',
		options: PERIOD_OPTIONS,
		default: 'last7',
		displayOptions: { show },
	},
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', required: true, displayOptions: { show: showCustom } },
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', required: true, displayOptions: { show: showCustom } },
	{
		displayName: 'Compare With Previous Period',
		name: 'compare',
		type: 'boolean',
		default: true,
		displayOptions: { show: showCustom },
		description: 'Whether to compare with the period of the same length just before',
	},
];
