import { resourceModule } from '../resource';
import { attachAccountsDescription, attachAccountsOperation } from './attachAccounts';
import { getAvailableAccountsDescription, getAvailableAccountsOperation } from './getAvailableAccounts';
import { getConnectUrlDescription, getConnectUrlOperation } from './getConnectUrl';
import { connectNotices, oauthAccountIdField, platformField } from './platforms';

// Each name is declared once (n8n evaluates every declaration for every item): Platform and OAuth
// Account ID for Get Connect URL and Get Available Accounts; Attach By ID has its own.
const listOrLink = { resource: ['accountConnection'], operation: ['getConnectUrl', 'getAvailableAccounts'] };

/** The OAuth connect flow: a person opens the connect URL, then the node attaches the pages (in the order of the flow). */
export const accountConnection = resourceModule('accountConnection', [getConnectUrlOperation, getAvailableAccountsOperation, attachAccountsOperation], {
	default: 'getConnectUrl',
	fields: [
		{ ...platformField, displayOptions: { show: listOrLink } },
		...connectNotices('connectPlatform', listOrLink),
		{ ...oauthAccountIdField, displayOptions: { show: { resource: ['accountConnection'], operation: ['getAvailableAccounts'] } } },
		...getConnectUrlDescription,
		...getAvailableAccountsDescription,
		...attachAccountsDescription,
	],
});
