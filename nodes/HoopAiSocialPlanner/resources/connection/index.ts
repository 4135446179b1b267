import type { INodeProperties } from 'n8n-workflow';
import { attachAccounts, attachAccountsDescription } from './attachAccounts';
import { buildConnectPage, buildConnectPageLinkFields, buildConnectPageLookFields } from './buildConnectPage';
import { getAvailableAccounts, getAvailableAccountsDescription, loginFromField, showForAvailableByFields } from './getAvailableAccounts';
import { getConnectUrl, getConnectUrlDescription } from './getConnectUrl';
import { oauthAccountIdField, platformField, TWITTER_NOTICE } from './platforms';

/** The OAuth connect flow: a person opens the connect URL (or a connect page), then the node attaches the pages. */
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
			name: 'Build Connect Page',
			value: 'buildConnectPage',
			action: 'Build a connect page for a client',
			description: 'Write a web page with one button per network that attaches what the client connects, for Respond to Webhook (nothing is sent)',
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

// Each name is declared once (n8n evaluates every declaration for every item). Get Connect URL,
// Get Available Accounts (when Login From says the fields give the login) and Attach By ID each
// have their own Platform: one declaration cannot say "this operation, or that one with this value".
const link = { resource: ['accountConnection'], operation: ['getConnectUrl'] };
const twitterNotice = { displayName: TWITTER_NOTICE, type: 'notice', default: '' } as const;

export const accountConnectionFields: INodeProperties[] = [
	loginFromField,
	{ ...platformField, displayOptions: { show: link } },
	{ ...twitterNotice, name: 'twitterNotice', displayOptions: { show: { ...link, connectPlatform: ['twitter'] } } },
	{ ...platformField, name: 'availablePlatform', displayOptions: { show: showForAvailableByFields } },
	{ ...twitterNotice, name: 'availableTwitterNotice', displayOptions: { show: { ...showForAvailableByFields, availablePlatform: ['twitter'] } } },
	{ ...oauthAccountIdField, displayOptions: { show: showForAvailableByFields } },
	...buildConnectPageLinkFields,
	...getConnectUrlDescription,
	...buildConnectPageLookFields,
	...getAvailableAccountsDescription,
	...attachAccountsDescription,
];

export const accountConnectionOperations = { attachAccounts, buildConnectPage, getAvailableAccounts, getConnectUrl };
