import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { installedLocationsPage } from '../shared/locations';
import { credentialChosen, runOf } from '../shared/run';

const PAGE_SIZE = 50;

/**
 * The Location list: the sub-accounts the agency's app is installed in, searched by name by the
 * API, a page at a time. A sub-account install offers its own location only.
 */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	const connection = await runOf(this).connection();
	if (connection.install !== 'agency') {
		return {
			results: connection.locationId
				? [{ name: `This credential’s sub-account (${connection.locationId})`, value: connection.locationId }]
				: [],
		};
	}
	const skip = Number(paginationToken ?? 0);
	const page = await installedLocationsPage.call(this, connection, { skip, limit: PAGE_SIZE, query: filter?.trim() || undefined });
	const results = page.locations.map((location) => ({ name: String(location.name ?? location._id), value: String(location._id) }));
	const next = skip + page.locations.length;
	return { results, paginationToken: page.locations.length && next < page.count ? String(next) : undefined };
}
