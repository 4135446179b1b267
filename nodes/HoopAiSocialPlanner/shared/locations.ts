import { NodeOperationError, type IDataObject, type INode, type INodeProperties } from 'n8n-workflow';
import { apiError, withFix } from './errors';
import { kindOf, shown } from './ids';
import { agencyScope } from './locationTokens';
import type { ApiConnection, ApiContext } from './run';
import { apiResponse } from './send';

// Agency mode's Location: the sub-account an item works in, and the agency's installed locations
// (the Location list, Location → Get Many). The choice per item is made in RunState.scope().

/** The node parameter (not `locationId`: that is the `{locationId}` placeholder of every path). */
export const LOCATION_PARAMETER = 'location';

/**
 * Location, on every operation with the OAuth2 credential. n8n cannot show a field by what a
 * credential's token says, so it is shown for OAuth2, and a sub-account install leaves it empty.
 */
export const locationField: INodeProperties = {
	displayName: 'Location',
	name: LOCATION_PARAMETER,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The sub-account (location) to work in, for an agency install of the OAuth2 credential. Leave empty for a sub-account install: it works in its own sub-account.',
	hint: 'Only for agency installs; leave empty for a sub-account install. Map {{ $json._id }} from Location → Get Many to work in each client.',
	displayOptions: { show: { authentication: ['oAuth2'] }, hide: { resource: ['location'] } },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchLocations', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			// No regex validation: n8n would refuse the whole run (an empty one too) without naming the field.
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
		},
	],
};

/** What a location ID can hold (HighLevel's are 20 letters and digits; `-` and `_` allowed). */
const LOCATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const WHERE_FROM =
	'choose the sub-account from the list, or give its ID (e.g. {{ $json._id }} from Location → Get Many; in HoopAI, Settings → Business Profile)';

/** The location an item chose, checked: '' for none. `field` names it in errors. */
export function chosenLocation(node: INode, value: unknown, field = 'Location'): string {
	if (value === undefined || value === null || value === '') return '';
	if (typeof value !== 'string') {
		throw new NodeOperationError(node, `${field}: ${kindOf(value)} is not a location ID; ${WHERE_FROM}`, {
			description: `The expression gave ${shown(value)}.`,
		});
	}
	const id = value.trim();
	if (id && !LOCATION_ID.test(id)) {
		throw new NodeOperationError(node, `${field}: "${id.slice(0, 60)}" is not a location ID; ${WHERE_FROM}`, {
			description: 'A location ID has letters and digits only, e.g. ve9EPM428h8vShlRW1KT. Nothing was sent.',
		});
	}
	return id;
}

/** Where an agency item goes: its Location, which it must have. */
export function agencyLocation(node: INode, connection: ApiConnection, chosen: string): string {
	if (chosen) return chosen;
	throw new NodeOperationError(
		node,
		`Location: this OAuth2 credential is an agency install, so each item needs a sub-account; ${WHERE_FROM}`,
		{
			description: `The agency${connection.companyId ? ` (company ${connection.companyId})` : ''} works in the sub-accounts its Marketplace app is installed in. Nothing was sent.`,
		},
	);
}

/** Where a sub-account install's item goes: its own location; another one is refused, never ignored. */
export function ownLocation(node: INode, connection: ApiConnection, chosen: string | undefined): string {
	if (!chosen || chosen === connection.locationId) return connection.locationId;
	throw new NodeOperationError(
		node,
		`Location: this credential is a sub-account install and works only in its own sub-account (${connection.locationId}), not in "${chosen}"; leave Location empty, or reconnect the OAuth2 credential choosing the agency on HoopAI’s page`,
		{ description: 'Only an agency install can exchange its token for other sub-accounts’ tokens. Nothing was sent.' },
	);
}

const INSTALLED_PATH = '/oauth/installedLocations';
/** Largest page asked for (the spec's default is 20; it names no maximum). */
const PAGE_SIZE = 100;

export interface InstalledLocationsPage {
	locations: IDataObject[];
	/** Every match, as the API counts them. */
	count: number;
}

/** One page of the sub-accounts the agency's app is installed in (name filter optional), with the agency token. */
export async function installedLocationsPage(
	this: ApiContext,
	connection: ApiConnection,
	{ skip, limit, query }: { skip: number; limit: number; query?: string },
): Promise<InstalledLocationsPage> {
	const answer = await apiResponse.call(this, 'GET', INSTALLED_PATH, {
		scope: agencyScope(connection),
		qs: {
			companyId: connection.companyId,
			appId: connection.appId,
			isInstalled: 'true',
			skip: String(skip),
			limit: String(Math.min(limit, PAGE_SIZE)),
			...(query ? { query } : {}),
		},
	});
	if (answer.statusCode >= 400)
		throw withFix(apiError(this.getNode(), answer), [
			{
				when: /scope/i,
				fix: 'the agency token lacks oauth.readonly. Tick it on the Marketplace app (My Apps → Auth), add oauth.readonly to the credential’s Scope, then reconnect the credential',
			},
		]);
	return {
		locations: (answer.body.locations ?? []) as IDataObject[],
		count: Number(answer.body.count ?? 0),
	};
}

/** Up to `wanted` installed sub-accounts, page by page until the count (never the last page twice). */
export async function installedLocations(this: ApiContext, connection: ApiConnection, wanted: number): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	while (found.length < wanted) {
		const page = await installedLocationsPage.call(this, connection, {
			skip: found.length,
			limit: Math.min(PAGE_SIZE, wanted - found.length),
		});
		found.push(...page.locations);
		if (page.locations.length === 0 || found.length >= page.count) break;
	}
	return found.slice(0, wanted);
}
