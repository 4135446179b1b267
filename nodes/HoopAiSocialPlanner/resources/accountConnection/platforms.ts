import { NodeOperationError, type INode, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { CONNECT_NETWORKS, NETWORKS, namesInWords, type ConnectNetwork } from '../../networks';
import { choice } from '../../shared/checks';
import type { ApiRoute } from '../../shared/execute';

const CONNECT_FLOW = '/social-media-posting/oauth';

/**
 * Which path each network's connect flow uses is its module's `connect.paths`: the seven networks
 * of the v2 spec have their own paths there (Google's accounts are `…/google/locations/{accountId}`);
 * the networks v3 added (YouTube, Pinterest, Threads) exist only on v3's generic `{platform}`
 * paths. The node uses the v2 per-platform path for those of the seven it connects (v2 is what
 * Scopes.md lists) and the generic path for the others. X (Twitter) and Bluesky are listed by the
 * API but cannot be connected: their modules say why, and the node offers neither.
 */
const V2_NETWORKS = CONNECT_NETWORKS.filter((network) => network.connect.paths === 'v2');
/** Networks whose pages can be attached (every one but TikTok Business: no attach in v2 or v3). */
export const ATTACH_NETWORKS = CONNECT_NETWORKS.filter((network) => network.connect.attachBody !== null);

/** The networks of the connect flow: those whose connect steps work. */
export const CONNECT_PLATFORM_OPTIONS: INodePropertyOptions[] = CONNECT_NETWORKS.map(({ name, platform }) => ({ name, value: platform }));

/** Networks the API lists for connecting whose steps do not work, with why (their modules' `connect.unavailable`). */
const UNAVAILABLE = NETWORKS.flatMap(({ name, platform, connect }) =>
	connect && 'unavailable' in connect ? [{ name, platform, why: connect.unavailable }] : [],
);

const noLonger = ({ name, why }: { name: string; why: string }) =>
	`${name} can no longer be connected (${why}); choose one of ${namesInWords(CONNECT_NETWORKS)}`;

/**
 * A Platform field's value, one of CONNECT_PLATFORM_OPTIONS. A workflow saved when X or Bluesky
 * were still offered keeps that value (n8n runs it as it is): it gets why, and what to choose.
 */
export function connectPlatform(node: INode, label: string, value: unknown): string {
	const unavailable = UNAVAILABLE.find((network) => network.platform === value);
	if (unavailable) throw new NodeOperationError(node, `${label}: ${noLonger(unavailable)}`, { description: 'Nothing was sent.' });
	return choice<string>(node, label, value, CONNECT_PLATFORM_OPTIONS);
}

/** The connect flow's network of a platform value (checked against CONNECT_PLATFORM_OPTIONS first). */
export function connectNetwork(platform: string): ConnectNetwork | undefined {
	return CONNECT_NETWORKS.find((network) => network.platform === platform);
}

export function isV2Platform(platform: string): boolean {
	return connectNetwork(platform)?.connect.paths === 'v2';
}

/** Step 1, opened by a person in a browser: v2 per-platform path or v3 generic path. */
export function startPath(platform: string): string {
	return `${CONNECT_FLOW}/${encodeURIComponent(platform)}/start`;
}

/** Steps 2 and 3 (list and attach use the same path): Google's v2 path says `locations`. */
export function accountsPath(platform: string, oauthAccountId: string): string {
	const segment = connectNetwork(platform)?.connect.loginSegment ?? 'accounts';
	return `${CONNECT_FLOW}/{locationId}/${encodeURIComponent(platform)}/${segment}/${encodeURIComponent(oauthAccountId)}`;
}

// The routes each operation can build, declared for the route-coverage test and readers.
const v2 = (networks: ConnectNetwork[], method: string, path: (network: ConnectNetwork) => string): ApiRoute[] =>
	networks.map((network) => ({ method, path: path(network) }));
const listPath = ({ platform, connect }: ConnectNetwork) => `${CONNECT_FLOW}/{locationId}/${platform}/${connect.loginSegment}/{accountId}`;

export const START_ROUTES: ApiRoute[] = [
	...v2(V2_NETWORKS, 'GET', ({ platform }) => `${CONNECT_FLOW}/${platform}/start`),
	{ method: 'GET', path: `${CONNECT_FLOW}/{platform}/start` },
];
export const LIST_ROUTES: ApiRoute[] = [
	...v2(V2_NETWORKS, 'GET', listPath),
	{ method: 'GET', path: `${CONNECT_FLOW}/{locationId}/{platform}/accounts/{accountId}` },
];
export const ATTACH_ROUTES: ApiRoute[] = [
	...v2(
		V2_NETWORKS.filter((network) => network.connect.attachBody !== null),
		'POST',
		listPath,
	),
	{ method: 'POST', path: `${CONNECT_FLOW}/{locationId}/{platform}/accounts/{accountId}` },
];

/** Why a network's pages cannot be attached, as the editor's notice and the error say it. */
export function noAttachNotice(name: string): string {
	return `${name} accounts cannot be attached through the API (HoopAI has no attach endpoint for them): attach them in HoopAI. The node sends nothing for them.`;
}

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

function notice(displayName: string, name: string, show: Show): INodeProperties {
	return { displayName, name, type: 'notice', default: '', displayOptions: { show } };
}

/** A property name from a platform value: `tiktok-business` → `tiktokBusiness`. */
const camel = (platform: string) => platform.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());

/**
 * For a workflow saved when X or Bluesky were still offered: a notice saying why its Platform no
 * longer works, shown while the field `field` holds that value; `nameOf` names each notice property.
 */
export function networkNotices(field: string, show: Show, nameOf: (platform: string) => string): INodeProperties[] {
	return UNAVAILABLE.map((network) =>
		notice(`Platform: ${noLonger(network)}`, nameOf(network.platform), { ...show, [field]: [network.platform] }),
	);
}

/** For Attach Accounts: the networks' notices, then why those that cannot be attached cannot. */
export function attachNotices(field: string, show: Show): INodeProperties[] {
	return [
		...networkNotices(field, show, (platform) => `attach${capitalized(camel(platform))}Notice`),
		...CONNECT_NETWORKS.filter((network) => !network.connect.attachBody).map(({ name, platform }) =>
			notice(noAttachNotice(name), `${camel(platform)}Notice`, { ...show, [field]: [platform] }),
		),
	];
}

const capitalized = (text: string) => text.replace(/^\w/, (letter) => letter.toUpperCase());

/** The notices of a Platform field of Get Connect URL or Get Available Accounts; `prefix` tells two such fields' notices apart. */
export function connectNotices(field: string, show: Show, prefix = ''): INodeProperties[] {
	return networkNotices(field, show, (platform) =>
		prefix ? `${prefix}${capitalized(camel(platform))}Notice` : `${camel(platform)}Notice`,
	);
}

export const platformField: INodeProperties = {
	displayName: 'Platform',
	name: 'connectPlatform',
	type: 'options',
	options: CONNECT_PLATFORM_OPTIONS,
	default: 'facebook',
	description: 'The social network to connect',
};

/** Where a login's OAuth Account ID comes from, as its fields and messages say. */
export const OAUTH_ACCOUNT_ID_SOURCE = 'the accountId the connect window posted back after the login (see Get Connect URL)';

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
