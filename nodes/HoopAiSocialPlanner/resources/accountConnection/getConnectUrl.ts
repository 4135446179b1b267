import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { optionalId } from '../../shared/ids';
import { platformName } from '../../networks';
import { runOf, type LocationScope } from '../../shared/run';
import { connectPlatform, isV2Platform, START_ROUTES, startPath } from './platforms';
import type { Operation } from '../resource';

const showForConnectUrl = { resource: ['accountConnection'], operation: ['getConnectUrl'] };

/** Also an option of Build Connect Page. */
export const reconnectOption: INodeProperties = {
	displayName: 'Reconnect',
	name: 'reconnect',
	type: 'boolean',
	default: false,
	description: 'Whether to renew an expired connection of this network instead of adding a new one',
};

/** Its own fields; Platform is declared once for the resource (index.ts). */
export const getConnectUrlDescription: INodeProperties[] = [
	{
		displayName: 'User Name or ID',
		name: 'connectUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		allowArbitraryValues: true,
		displayOptions: { show: { resource: ['accountConnection'], operation: ['getConnectUrl', 'buildConnectPage'] } },
		description:
			'The HoopAI user the connection is made for. Empty: the credential’s user. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'connectOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForConnectUrl },
		options: [
			{
				displayName: 'Page',
				name: 'page',
				type: 'string',
				default: '',
				placeholder: 'e.g. integration',
				description: 'Where the connect window says it was opened from (the <code>placement</code> it posts back)',
			},
			reconnectOption,
		],
	},
];

const WHAT_COMES_BACK =
	'Open the URL in a browser (or send it to the client). After logging in to the network and allowing access, the window posts a message {actionType: "close", page: "social_media_posting", platform, placement, accountId, reconnectAccounts} to the page that opened it and closes. Use its accountId as OAuth Account ID in Get Available Accounts and Attach Accounts.';

/** The user a connection is made for: the one chosen, else the credential's. */
export function connectUserOf(node: INode, scope: LocationScope, value: unknown): string {
	const userId = optionalId(node, 'User Name or ID', value) || scope.connection.defaultUserId;
	if (userId) return userId;
	throw new NodeOperationError(
		node,
		'User Name or ID: required, and the credential names no user; choose the HoopAI user the connection is made for, or set the User ID in the credential',
		{
			description: 'HoopAI records which user connected the account.',
		},
	);
}

/** A network's connect link (the start URL a person opens in a browser). */
export function connectLink(scope: LocationScope, platform: string, userId: string, { page = '', reconnect = false } = {}): string {
	const query = new URLSearchParams({ locationId: scope.locationId, userId });
	if (page) query.set('page', page);
	if (reconnect) query.set('reconnect', 'true');
	return `${scope.connection.baseUrl}${startPath(platform)}?${query.toString()}`;
}

/**
 * Get Connect URL sends nothing: the start URL must be opened by a person in a browser (it
 * redirects to the network's login), so the node only builds it. Declared routes: the v2
 * per-platform start paths and the v3 generic one (see platforms.ts for which is used).
 */
const getConnectUrl = withRoutes(async function getConnectUrl(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const run = runOf(this);
	// The connect flow is per location: without one the run fails here, before any item.
	await run.scope();
	return await runForEachItem.call(this, async (itemIndex): Promise<IDataObject> => {
		const scope = await run.scope(itemIndex);
		const platform = connectPlatform(node, 'Platform', this.getNodeParameter('connectPlatform', itemIndex));
		const userId = connectUserOf(node, scope, this.getNodeParameter('connectUserId', itemIndex, ''));
		const options = this.getNodeParameter('connectOptions', itemIndex, {}) as IDataObject;
		const page = text(node, 'Options → Page', options.page).trim();
		return {
			url: connectLink(scope, platform, userId, { page, reconnect: options.reconnect === true }),
			platform,
			platformName: platformName(platform),
			path: isV2Platform(platform) ? 'v2 per-platform' : 'v3 generic',
			locationId: scope.locationId,
			userId,
			...(page ? { page } : {}),
			reconnect: options.reconnect === true,
			whatComesBack: WHAT_COMES_BACK,
		};
	});
}, START_ROUTES);

export const getConnectUrlOperation: Operation = {
	option: {
		name: 'Get Connect URL',
		value: 'getConnectUrl',
		action: 'Get a connect URL for a social network',
		description: 'Build the link a person opens in a browser to connect a social network login (nothing is sent)',
	},
	run: getConnectUrl,
};
