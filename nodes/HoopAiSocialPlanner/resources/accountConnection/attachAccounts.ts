import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { listAccounts } from '../../shared/accounts';
import { simpleAccount } from '../account/getAll';
import { choice, text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { pathSegment } from '../../shared/ids';
import { CONNECT_NETWORKS, namesInWords, platformName } from '../../networks';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest, createOnce, stableJson, type ApiResponse } from '../../shared/send';
import { checkNonce, nonceKey, type NonceKey } from './connectNonce';
import { isCallbackItem, readCallback } from './connectPage';
import { fetchAvailableAccounts } from './getAvailableAccounts';
import {
	accountsPath,
	ATTACH_ROUTES,
	attachNotices,
	connectNetwork,
	connectPlatform,
	CONNECT_PLATFORM_OPTIONS,
	OAUTH_ACCOUNT_ID_SOURCE,
	LIST_ROUTES,
	noAttachNotice,
	oauthAccountIdField,
	platformField,
} from './platforms';
import type { Operation } from '../resource';

const showForAttach = { resource: ['accountConnection'], operation: ['attachAccounts'] };
const showForAttachById = { ...showForAttach, attachFrom: ['id'] };

const ATTACH_FROM_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Input Items',
		value: 'input',
		description:
			'Each input item is one page, profile or location as Get Available Accounts outputs it, or a connect page’s callback (Webhook item): then every page of that login',
	},
	{ name: 'By ID', value: 'id', description: 'The IDs of pages, profiles or locations of one login' },
];

export const attachAccountsDescription: INodeProperties[] = [
	{
		displayName: 'Accounts to Attach',
		name: 'attachFrom',
		type: 'options',
		displayOptions: { show: showForAttach },
		options: ATTACH_FROM_OPTIONS,
		default: 'input',
		description: `Which pages, profiles or locations become social accounts. Those already connected are skipped. ${namesInWords(
			CONNECT_NETWORKS.filter((network) => !network.connect.attachBody),
		)} accounts cannot be attached through the API.`,
	},
	{ ...platformField, name: 'attachPlatform', displayOptions: { show: showForAttachById } },
	...attachNotices('attachPlatform', showForAttachById),
	{ ...oauthAccountIdField, name: 'attachOauthAccountId', displayOptions: { show: showForAttachById } },
	{
		displayName: 'Page, Profile or Location IDs',
		name: 'attachIds',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showForAttachById },
		placeholder: 'e.g. 104857600123, 104857600124',
		description: 'Comma-separated, as Get Available Accounts gives each page, profile or location’s ID',
	},
];

/**
 * After an attach that got no answer: the social account it made, if it made one. The location's
 * accounts name the OAuth login (`oauthId`) and network of each; an account of this login and
 * network whose ID ends in the page's ID (or that has its name) is the one. Undefined: not
 * attached, so sending again makes no duplicate.
 */
async function findAttached(this: IExecuteFunctions, scope: LocationScope, account: IDataObject): Promise<ApiResponse | undefined> {
	const found = (await listAccounts.call(this, scope)).find((candidate) => isAttachedAs(candidate, account));
	return found && { statusCode: 201, headers: {}, body: { results: found } };
}

/** Whether a social account of the location is the available account attached (its login, network and page). */
function isAttachedAs(candidate: IDataObject, account: IDataObject): boolean {
	const originId = String(account.id).replace(/^locations\//, '');
	return (
		candidate.platform === account.platform &&
		candidate.oauthId === account.oauthAccountId &&
		(String(candidate.id).endsWith(`_${originId}`) || candidate.name === account.name)
	);
}

/** An attach's answer, with the available account it attached and the location it went to. */
interface Attached {
	account: IDataObject;
	scope: LocationScope;
}

/**
 * Simplify (on by default): the attached accounts as Account → Get Many lists them, read back from
 * the location's accounts once the run has attached them all (one request per location), since the
 * attach answer differs per network (YouTube's and Pinterest's hold no ID) and says nothing of
 * expiry. One that is not listed yet is shown from its answer.
 */
async function simplifyAttached(
	this: IExecuteFunctions,
	output: INodeExecutionData[],
	attached: WeakMap<IDataObject, Attached>,
): Promise<void> {
	const listed = new Map<string, Promise<IDataObject[]>>();
	for (const item of output) {
		const found = attached.get(item.json);
		if (!found) continue;
		const { account, scope } = found;
		if (!listed.has(scope.locationId)) listed.set(scope.locationId, listAccounts.call(this, scope));
		const answer = item.json;
		const id = answer.id ?? answer._id;
		const match = (await listed.get(scope.locationId))!.find((candidate) => isAttachedAs(candidate, account));
		item.json = simpleAccount(
			match ?? {
				name: answer.name ?? account.name,
				platform: account.platform,
				type: answer.type,
				isExpired: false,
				...(id ? { id } : {}),
			},
		);
	}
}

/** What an input item names, checked: an available account of a network that can be attached. */
function inputAccount(node: INode, json: IDataObject, which: string): IDataObject {
	const platform = String(json.platform ?? '');
	if (!platform || !json.oauthAccountId || !json.id) {
		throw new NodeOperationError(
			node,
			`Accounts to Attach: ${which} is not an available account (it needs platform, oauthAccountId and id); connect the output of Get Available Accounts to this node, or choose By ID`,
			{
				description: 'Each item Get Available Accounts outputs is one account it can attach.',
			},
		);
	}
	const known = CONNECT_PLATFORM_OPTIONS.map((option) => String(option.value));
	if (!known.includes(platform))
		throw new NodeOperationError(
			node,
			`Accounts to Attach: ${which} is of the network "${platform}", which HoopAI does not connect; attach only what Get Available Accounts outputs`,
		);
	// It goes into the attach's path: one path segment, like every ID the node sends.
	if (!/^[\w-]+$/.test(String(json.oauthAccountId))) {
		throw new NodeOperationError(
			node,
			`Accounts to Attach: ${which} has an oauthAccountId that is not an ID (${JSON.stringify(json.oauthAccountId)}); attach the items of Get Available Accounts as they are`,
		);
	}
	return json;
}

/**
 * The IDs to attach, as a list or comma-separated text. Only compared with the login's list, never
 * sent in a path, so Google's `locations/…` names are allowed as they are.
 */
function attachIdsOf(node: INode, value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	return list
		.flatMap((entry) => text(node, 'Page, Profile or Location IDs', entry).split(','))
		.map((id) => id.trim())
		.filter(Boolean);
}

/** An earlier node's error item (Continue On Fail): passed on, so Respond to Webhook can show it. */
function isErrorItem(json: IDataObject): boolean {
	return Object.keys(json).length === 1 && typeof json.error === 'string';
}

/** Refuses a network whose pages cannot be attached through the API (TikTok Business), before anything is sent. */
function refuseUnattachable(node: INode, platform: string): void {
	if (connectNetwork(platform)?.connect.attachBody) return;
	throw new NodeOperationError(
		node,
		`Accounts to Attach: ${platformName(platform)} accounts cannot be attached through the API; attach them in HoopAI`,
		{
			description: noAttachNotice(platformName(platform)),
		},
	);
}

/** The attach body of one available account: exactly the fields its network's DTO documents (API-NOTES §3.3). */
function attachBody(node: INode, account: IDataObject, which: string): IDataObject {
	const network = connectNetwork(String(account.platform));
	if (!network?.connect.attachBody) {
		throw new NodeOperationError(
			node,
			`Accounts to Attach: ${which} is of the network "${String(account.platform)}", which cannot be attached through the API; attach it in HoopAI`,
		);
	}
	return network.connect.attachBody(account, { node, which });
}

/**
 * Attach Accounts runs in code: By ID reads the login's available accounts first (the bodies need
 * their names, avatars, URNs…), and an attach that got no answer is looked up in the location's
 * accounts before it is sent again.
 */
const attachAccounts = withRoutes(
	async function attachAccounts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const run = runOf(this);
		// The connect flow is per location: without one the run fails here, before any item.
		await run.scope();
		const items = this.getInputData();
		const attach = async (scope: LocationScope, itemIndex: number, account: IDataObject): Promise<IDataObject> => {
			const body = attachBody(node, account, `the account "${String(account.name)}" (${String(account.id)})`);
			const path = accountsPath(String(account.platform), String(account.oauthAccountId));
			const findCreated = async () => await findAttached.call(this, scope, account);
			const send = async () => await apiRequest.call(this, 'POST', path, { scope, body, findCreated });
			const response = await createOnce(run, `${itemIndex} ${path} ${stableJson(body)}`, send);
			return (response.results ?? {}) as IDataObject;
		};
		let key: NonceKey | undefined;
		/** A connect page's nonce, checked before anything of its login is attached. */
		const checkPageNonce = async (scope: LocationScope, nonce: unknown) => {
			key ??= await nonceKey.call(this, scope.connection);
			checkNonce(node, key, scope.locationId, nonce, 'Accounts to Attach');
		};
		const attached = new WeakMap<IDataObject, Attached>();
		const output = await runForEachItem.call(this, async (itemIndex) => {
			const scope = await run.scope(itemIndex);
			const from = choice<string>(node, 'Accounts to Attach', this.getNodeParameter('attachFrom', itemIndex, 'input'), ATTACH_FROM_OPTIONS);
			const json = items[itemIndex].json;
			const which = `input item ${itemIndex + 1}`;
			let accounts: IDataObject[];
			if (from === 'input' && isErrorItem(json)) {
				return json;
			} else if (from === 'input' && isCallbackItem(json)) {
				const callback = readCallback(node, json, 'Accounts to Attach', which);
				await checkPageNonce(scope, callback.nonce);
				accounts = await fetchAvailableAccounts.call(this, scope, callback.platform, callback.accountId);
			} else if (from === 'input') {
				const account = inputAccount(node, json, which);
				refuseUnattachable(node, String(account.platform));
				// From Get Available Accounts reading a connect page's callback: its nonce came along.
				if (account.nonce !== undefined) await checkPageNonce(scope, account.nonce);
				accounts = [account];
			} else {
				const platform = connectPlatform(node, 'Platform', this.getNodeParameter('attachPlatform', itemIndex));
				refuseUnattachable(node, platform);
				const oauthAccountId = pathSegment(
					node,
					'OAuth Account ID',
					this.getNodeParameter('attachOauthAccountId', itemIndex, ''),
					OAUTH_ACCOUNT_ID_SOURCE,
				);
				const ids = attachIdsOf(node, this.getNodeParameter('attachIds', itemIndex, ''));
				if (!ids.length)
					throw new NodeOperationError(
						node,
						'Page, Profile or Location IDs: no ID given; give the IDs Get Available Accounts lists, separated by commas',
						{
							description: 'Each is the id of a page, profile or location the login can attach.',
						},
					);
				const available = await fetchAvailableAccounts.call(this, scope, platform, oauthAccountId);
				accounts = ids.map((id) => {
					const account = available.find((candidate) => candidate.id === id);
					if (account) return account;
					throw new NodeOperationError(
						node,
						`Page, Profile or Location IDs: "${id}" is not one this ${platformName(platform)} login can attach; use one of the IDs Get Available Accounts lists for it`,
						{
							description: `It can attach: ${available.map((candidate) => `${String(candidate.name)} (${String(candidate.id)})`).join(', ') || 'nothing'}.`,
						},
					);
				});
			}
			const answers: IDataObject[] = [];
			const simple = this.getNodeParameter('simple', itemIndex, true) === true;
			for (const account of accounts.filter((candidate) => !candidate.isConnected)) {
				const answer = await attach(scope, itemIndex, account);
				if (simple) attached.set(answer, { account, scope });
				answers.push(answer);
			}
			return answers;
		});
		await simplifyAttached.call(this, output[0], attached);
		return output;
	},
	[...ATTACH_ROUTES, ...LIST_ROUTES, { method: 'GET', path: '/social-media-posting/{locationId}/accounts' }],
);

export const attachAccountsOperation: Operation = {
	option: {
		name: 'Attach Accounts',
		value: 'attachAccounts',
		action: 'Attach pages or profiles as social accounts',
		description: 'Make pages, profiles or locations of a connected login social accounts of the location',
	},
	run: attachAccounts,
};
