import { NodeOperationError, type INode, type INodeProperties, type IPollFunctions } from 'n8n-workflow';
import { choice } from '../HoopAiSocialPlanner/shared/checks';
import { kindOf } from '../HoopAiSocialPlanner/shared/ids';
import {
	agencyLocation,
	chosenLocation,
	installedLocations,
	LOCATION_PARAMETER,
	locationField,
} from '../HoopAiSocialPlanner/shared/locations';
import type { LocationScope, RunState } from '../HoopAiSocialPlanner/shared/run';

// Which sub-accounts the trigger watches: the credential's own, or, with an agency install, one
// location, a list, or every location the agency's app is installed in (read on every poll, so
// new installs are picked up and uninstalled ones dropped).

export const WATCH_OPTIONS = [
	{ name: 'One Location', value: 'one', description: 'The sub-account set in Location (a sub-account install: its own)' },
	{ name: 'Several Locations', value: 'list', description: 'The sub-accounts chosen in Location Names or IDs' },
	{
		name: 'All Installed Locations',
		value: 'all',
		description: 'Every sub-account the agency’s app is installed in, including those installed later',
	},
];

const LIST_PARAMETER = 'locationIds';
const LIST_LABEL = 'Location Names or IDs';

export const watchProperties: INodeProperties[] = [
	{
		displayName: 'Locations',
		name: 'locations',
		type: 'options',
		options: WATCH_OPTIONS,
		default: 'one',
		description: 'Which sub-accounts to watch. Several or all need an agency install of the OAuth2 credential.',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		...locationField,
		hint: 'Only for agency installs; leave empty for a sub-account install',
		displayOptions: { show: { authentication: ['oAuth2'], locations: ['one'] } },
	},
	{
		displayName: LIST_LABEL,
		name: LIST_PARAMETER,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description:
			'The sub-accounts to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { authentication: ['oAuth2'], locations: ['list'] } },
	},
];

/** A sub-account the trigger watches; its scope (and, for an agency, its token) only when polled. */
export interface WatchedLocation {
	id: string;
	/** As the agency's install list names it; null for a credential's own location. */
	name: string | null;
	scope: () => Promise<LocationScope>;
}

export interface Watched {
	/** An agency install: the state is kept per location (TriggerState.locations). */
	agency: boolean;
	locations: WatchedLocation[];
}

/**
 * The sub-accounts this poll watches, checked before anything is sent to the Social Planner: an
 * agency's choice must be installed (one request per 100 installed locations tells, and names them).
 */
export async function watchedLocations(this: IPollFunctions, run: RunState): Promise<Watched> {
	const connection = await run.connection();
	const node = this.getNode();
	if (connection.install !== 'agency') {
		const scope = await run.scope();
		return { agency: false, locations: [{ id: scope.locationId, name: null, scope: async () => scope }] };
	}
	const mode = choice<string>(node, 'Locations', this.getNodeParameter('locations', 'one'), WATCH_OPTIONS);
	// Checked before any request: the chosen IDs (none for all), then whether they are installed.
	const ids =
		mode === 'all'
			? undefined
			: mode === 'one'
				? [agencyLocation(node, connection, chosenLocation(node, this.getNodeParameter(LOCATION_PARAMETER, '', { extractValue: true })))]
				: listedLocations(node, this.getNodeParameter(LIST_PARAMETER, []));
	const installed = await installedLocations.call(this, connection, Infinity);
	const names = new Map(installed.map((location) => [String(location._id), String(location.name ?? location._id)]));
	const watch = (id: string): WatchedLocation => ({ id, name: names.get(id) ?? id, scope: async () => await run.scopeIn(id) });
	if (!ids) return { agency: true, locations: [...names.keys()].map(watch) };
	const missing = ids.filter((id) => !names.has(id));
	if (missing.length) {
		throw new NodeOperationError(
			node,
			`${mode === 'one' ? 'Location' : LIST_LABEL}: the agency’s app is not installed in ${missing.join(', ')}; choose installed sub-accounts from the list (Location → Get Many lists them), or install the app there`,
			{ description: `${names.size} sub-accounts have the app installed. Nothing was sent to the Social Planner.` },
		);
	}
	return { agency: true, locations: ids.map(watch) };
}

/** The list's location IDs, checked: a list or a comma-separated text, at least one. */
function listedLocations(node: INode, value: unknown): string[] {
	const list = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(list)) {
		throw new NodeOperationError(node, `${LIST_LABEL}: ${kindOf(value)} is not a list of location IDs; choose sub-accounts from the list`);
	}
	const ids = [...new Set(list.map((item) => chosenLocation(node, typeof item === 'string' ? item.trim() : item, LIST_LABEL)))].filter(
		Boolean,
	);
	if (ids.length === 0) {
		throw new NodeOperationError(
			node,
			`${LIST_LABEL}: choose at least one sub-account to watch, or set Locations to All Installed Locations`,
			{
				description: 'Nothing was sent.',
			},
		);
	}
	return ids;
}
