import { NodeOperationError, type IDataObject, type INode, type INodePropertyOptions } from 'n8n-workflow';
import { kindOf, shown } from '../../shared/ids';
import { CONNECT_NETWORKS, platformName } from '../../networks';
import { CONNECT_PLATFORM_OPTIONS } from './platforms';

// What a connect page offers and what it posts to its callback: the contract between Build Connect
// Page (the page's script) and Get Available Accounts / Attach Accounts (the callback workflow).

// The most used first on the page; a network not named here comes after them.
const FIRST_ON_THE_PAGE = ['facebook', 'instagram', 'google', 'linkedin', 'tiktok', 'youtube'];
const pageRank = (platform: string) =>
	FIRST_ON_THE_PAGE.includes(platform) ? FIRST_ON_THE_PAGE.indexOf(platform) : FIRST_ON_THE_PAGE.length;
/**
 * The networks a connect page offers: those the API connects and attaches (not TikTok Business: no
 * attach; X and Bluesky are not in the connect flow at all).
 */
export const PAGE_NETWORKS = CONNECT_NETWORKS.filter(({ connect }) => connect.attachBody !== null)
	.map(({ platform }) => platform)
	.sort((a, b) => pageRank(a) - pageRank(b));
export const PAGE_NETWORK_OPTIONS: INodePropertyOptions[] = CONNECT_PLATFORM_OPTIONS.filter((option) =>
	PAGE_NETWORKS.includes(String(option.value)),
);

/** One ID as HighLevel's connect window gives it (an OAuth login is 24 hex characters): letters, digits, `_`, `-`. */
export const ONE_ID = /^[\w-]{1,100}$/;

/** What the page posts: HighLevel's message reduced to these, plus the page's nonce. */
export const CALLBACK_FIELDS = ['platform', 'accountId', 'reconnectAccounts', 'nonce'];

export interface ConnectCallback {
	platform: string;
	accountId: string;
	reconnectAccounts: string[];
	nonce: string;
}

/** n8n's Webhook node puts what was posted under `body`, beside the request's `headers`. */
const isWebhookItem = (json: IDataObject) => 'body' in json && 'headers' in json;

/** The JSON the page posted: under `body` in an item of n8n's Webhook node, or the item itself. */
function postedJson(json: IDataObject): unknown {
	return isWebhookItem(json) ? json.body : json;
}

/** Whether an item is (meant to be) a connect page's callback, not an available account. */
export function isCallbackItem(json: IDataObject): boolean {
	return isWebhookItem(json) || ('accountId' in json && !('oauthAccountId' in json));
}

const WHAT_IT_POSTS = `{${CALLBACK_FIELDS.join(', ')}}`;

function notWhatThePagePosts(node: INode, label: string, which: string, problem: string): NodeOperationError {
	return new NodeOperationError(
		node,
		`${label}: ${which} is not what the connect page posts (${problem}); connect the Webhook (POST) node the page posts to straight to this node`,
		{
			description: `The connect page posts ${WHAT_IT_POSTS} as JSON to that Webhook node; nothing may change the item in between.`,
		},
	);
}

/**
 * The callback of an item, checked to be exactly what the page posts: a network the page offers,
 * one login ID, a list of IDs. The nonce is checked by the caller (it needs the credential).
 */
export function readCallback(node: INode, json: IDataObject, label: string, which: string): ConnectCallback {
	const posted = postedJson(json);
	if (!posted || typeof posted !== 'object' || Array.isArray(posted)) {
		throw notWhatThePagePosts(node, label, which, `its body is ${kindOf(posted)}, not ${WHAT_IT_POSTS}`);
	}
	const body = posted as IDataObject;
	const unknown = Object.keys(body).filter((key) => !CALLBACK_FIELDS.includes(key));
	if (unknown.length) throw notWhatThePagePosts(node, label, which, `it has ${unknown.join(', ')}, which the page never sends`);
	const platform = body.platform;
	if (typeof platform !== 'string' || !platform) throw notWhatThePagePosts(node, label, which, 'platform is missing');
	if (!PAGE_NETWORKS.includes(platform)) {
		throw new NodeOperationError(
			node,
			`${label}: the network "${platform}" cannot be connected through the API; connect ${PAGE_NETWORKS.map(platformName).join(', ')} on the page`,
			{
				description: 'Nothing was attached.',
			},
		);
	}
	const accountId = body.accountId;
	if (typeof accountId !== 'string' || !ONE_ID.test(accountId)) {
		throw new NodeOperationError(
			node,
			`${label}: the accountId ${shown(accountId)} is not one ID; connect the network again from the connect page`,
			{
				description: 'The connect window posts the ID of one login (letters, digits, "_" and "-"). Nothing was attached.',
			},
		);
	}
	const reconnect = body.reconnectAccounts ?? [];
	if (!Array.isArray(reconnect) || !reconnect.every((id) => typeof id === 'string' && ONE_ID.test(id))) {
		throw notWhatThePagePosts(node, label, which, `reconnectAccounts is ${shown(reconnect)}, not a list of IDs`);
	}
	return { platform, accountId, reconnectAccounts: reconnect as string[], nonce: String(body.nonce ?? '') };
}
