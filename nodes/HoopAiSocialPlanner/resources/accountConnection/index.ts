import type { INodeProperties } from 'n8n-workflow';
import { attachAccounts, attachAccountsDescription } from './attachAccounts';
import { getAvailableAccounts, getAvailableAccountsDescription } from './getAvailableAccounts';
import { getConnectUrl, getConnectUrlDescription } from './getConnectUrl';
import { connectNotices, oauthAccountIdField, platformField } from './platforms';

/** The OAuth connect flow: a person opens the connect URL, then the node attaches the pages. */
export const accountConnectionOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['accountConnection'] } },
	// In the order of the flow.
	options: [
		{
			name: 'Get Connect URL',
			value: 'getConnectUrl',
			action: 'Get a connect URL for a social network',
			description: 'Build the link a person opens in a browser to connect a social network login (nothing is sent)',
		},
		{
			name: 'Get Available Accounts',
			value: 'getAvailableAccounts',
			action: 'Get the pages and profiles a login can attach',
			description: 'List the pages, profiles or business locations of a connected login',
		},
		{
			name: 'Attach Accounts',
			value: 'attachAccounts',
			action: 'Attach pages or profiles as social accounts',
			description: 'Make pages, profiles or locations of a connected login social accounts of the location',
		},
	],
	default: 'getConnectUrl',
};

// Each name is declared once (n8n evaluates every declaration for every item): Platform and OAuth
// Account ID for Get Connect URL and Get Available Accounts; Attach By ID has its own.
const listOrLink = { resource: ['accountConnection'], operation: ['getConnectUrl', 'getAvailableAccounts'] };

export const accountConnectionFields: INodeProperties[] = [
	{ ...platformField, displayOptions: { show: listOrLink } },
	...connectNotices('connectPlatform', listOrLink),
	{ ...oauthAccountIdField, displayOptions: { show: { resource: ['accountConnection'], operation: ['getAvailableAccounts'] } } },
	...getConnectUrlDescription,
	...getAvailableAccountsDescription,
	...attachAccountsDescription,
];

export const accountConnectionOperations = { attachAccounts, getAvailableAccounts, getConnectUrl };
