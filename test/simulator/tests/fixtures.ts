// Reads seeded records from the simulator's store for tests.
import type { Simulator, SimLocation } from '../index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rec = Record<string, any>;

export function locationOf(sim: Simulator, id?: string): SimLocation {
	const location = sim.control.state.locations.get(id ?? sim.locationId);
	if (!location) throw new Error('location missing');
	return location;
}

export function account(sim: Simulator, platform: string): Rec {
	const found = (locationOf(sim).accounts as Rec[]).find((a) => a.platform === platform);
	if (!found) throw new Error(`no ${platform} account`);
	return found;
}

export function postsWith(sim: Simulator, status: string): Rec[] {
	return (locationOf(sim).posts as Rec[]).filter((p) => p.status === status);
}

export function category(sim: Simulator, name: string): Rec {
	const found = (locationOf(sim).categories as Rec[]).find((c) => c.name === name);
	if (!found) throw new Error(`no category ${name}`);
	return found;
}

export const BASIC_CSV_HEADER = 'postAtSpecificTime (YYYY-MM-DD HH:mm:ss),content,link (OGmetaUrl),imageUrls,gifUrl,videoUrls';

/** HTML of an OAuth start page carries the accountId it would post back. */
export function oauthAccountId(html: string): string {
	const match = /<code id="account-id">([0-9a-f]{24})<\/code>/.exec(html);
	if (!match) throw new Error('no accountId in OAuth page');
	return match[1];
}
