import { NodeOperationError, type INode, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import type { ApiRoute } from '../../shared/execute';
import { PLATFORM_OPTIONS } from '../../shared/platforms';
import type { ApiConnection } from '../../shared/transport';

const CONNECT_FLOW = '/social-media-posting/oauth';

/**
 * Which path each network's connect flow uses. The seven networks of the v2 spec have their own
 * paths there (Google's accounts are `…/google/locations/{accountId}`); the networks v3 added
 * (YouTube, Pinterest, Threads, Bluesky) exist only on v3's generic `{platform}` paths. The node
 * uses the v2 per-platform path for the seven (Twitter is in v2 only, and v2 is what Scopes.md
 * lists) and the generic path for the others.
 */
export const V2_PLATFORMS = ['google', 'facebook', 'instagram', 'linkedin', 'twitter', 'tiktok', 'tiktok-business'];
/** Networks that can be attached: every one but TikTok Business (no attach in v2 or v3). */
export const ATTACH_PLATFORMS = ['google', 'facebook', 'instagram', 'linkedin', 'twitter', 'tiktok', 'youtube', 'pinterest', 'threads', 'bluesky'];

export const TWITTER_NOTICE = 'HighLevel stopped supporting X (Twitter) on 2024-12-04. Its connect steps stay here because the API still lists them; expect the API to answer with an error, which the node shows as it is.';
export const TIKTOK_BUSINESS_NOTICE = 'TikTok Business accounts cannot be attached through the API (HoopAI has no attach endpoint for them): attach them in HoopAI. The node sends nothing for them.';

/** What to expect from the networks whose connect flow the API does not carry out. */
const CONNECT_NOTES: Record<string, string> = {
	bluesky: 'The API says Bluesky is not supported yet and answers with an error',
	twitter: 'Not supported by HighLevel since 2024-12-04',
};

/** The networks of the connect flow (every network the Social Planner knows); X (Twitter) and Bluesky say what to expect. */
export const CONNECT_PLATFORM_OPTIONS: INodePropertyOptions[] = PLATFORM_OPTIONS.map((option) =>
	CONNECT_NOTES[String(option.value)] ? { ...option, description: CONNECT_NOTES[String(option.value)] } : option,
);

export function isV2Platform(platform: string): boolean {
	return V2_PLATFORMS.includes(platform);
}

/** Step 1, opened by a person in a browser: v2 per-platform path or v3 generic path. */
export function startPath(platform: string): string {
	return `${CONNECT_FLOW}/${encodeURIComponent(platform)}/start`;
}

/** Steps 2 and 3 (list and attach use the same path): Google's v2 path says `locations`. */
export function accountsPath(platform: string, oauthAccountId: string): string {
	const segment = platform === 'google' ? 'locations' : 'accounts';
	return `${CONNECT_FLOW}/{locationId}/${encodeURIComponent(platform)}/${segment}/${encodeURIComponent(oauthAccountId)}`;
}

// The routes each operation can build, declared for the route-coverage test and readers.
const v2 = (platforms: string[], method: string, path: (platform: string) => string): ApiRoute[] =>
	platforms.map((platform) => ({ method, path: path(platform) }));
const listPath = (platform: string) => `${CONNECT_FLOW}/{locationId}/${platform}/${platform === 'google' ? 'locations' : 'accounts'}/{accountId}`;

export const START_ROUTES: ApiRoute[] = [
	...v2(V2_PLATFORMS, 'GET', (platform) => `${CONNECT_FLOW}/${platform}/start`),
	{ method: 'GET', path: `${CONNECT_FLOW}/{platform}/start` },
];
export const LIST_ROUTES: ApiRoute[] = [
	...v2(V2_PLATFORMS, 'GET', listPath),
	{ method: 'GET', path: `${CONNECT_FLOW}/{locationId}/{platform}/accounts/{accountId}` },
];
export const ATTACH_ROUTES: ApiRoute[] = [
	...v2(V2_PLATFORMS.filter((platform) => platform !== 'tiktok-business'), 'POST', listPath),
	{ method: 'POST', path: `${CONNECT_FLOW}/{locationId}/{platform}/accounts/{accountId}` },
];

export const platformField: INodeProperties = {
	displayName: 'Platform',
	name: 'connectPlatform',
	type: 'options',
	options: CONNECT_PLATFORM_OPTIONS,
	default: 'facebook',
	description: 'The social network to connect',
};

export const oauthAccountIdField: INodeProperties = {
	displayName: 'OAuth Account ID',
	name: 'oauthAccountId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 65f0c0de0000000000000001',
	description:
		'The <code>accountId</code> the connect window posts back once the client has logged in (see Get Connect URL). It stands for that login, not for a page.',
};

/** The connect flow is per location: the credential must name one (as every routed operation checks). */
export function checkLocation(node: INode, connection: ApiConnection): void {
	if (connection.locationId) return;
	throw new NodeOperationError(node, 'No Location ID', {
		description: 'Set the Location ID in the HoopAI API credential, or connect an OAuth2 token of a sub-account (location).',
	});
}
