import { resourceModule } from '../resource';
import { attachAccountsDescription, attachAccountsOperation } from './attachAccounts';
import { buildConnectPageLinkFields, buildConnectPageLookFields, buildConnectPageOperation } from './buildConnectPage';
import {
	getAvailableAccountsDescription,
	getAvailableAccountsOperation,
	loginFromField,
	showForAvailableByFields,
} from './getAvailableAccounts';
import { getConnectUrlDescription, getConnectUrlOperation } from './getConnectUrl';
import { connectNotices, oauthAccountIdField, platformField } from './platforms';

// Each name is declared once (n8n evaluates every declaration for every item). Get Connect URL,
// Get Available Accounts (when Login From says the fields give the login) and Attach By ID each
// have their own Platform: one declaration cannot say "this operation, or that one with this value".
const link = { resource: ['accountConnection'], operation: ['getConnectUrl'] };

/** The OAuth connect flow: a person opens the connect URL (or a connect page), then the node attaches the pages (in the order of the flow). */
export const accountConnection = resourceModule(
	'accountConnection',
	[getConnectUrlOperation, buildConnectPageOperation, getAvailableAccountsOperation, attachAccountsOperation],
	{
		default: 'getConnectUrl',
		fields: [
			loginFromField,
			{ ...platformField, displayOptions: { show: link } },
			...connectNotices('connectPlatform', link),
			{ ...platformField, name: 'availablePlatform', displayOptions: { show: showForAvailableByFields } },
			...connectNotices('availablePlatform', showForAvailableByFields, 'available'),
			{ ...oauthAccountIdField, displayOptions: { show: showForAvailableByFields } },
			...buildConnectPageLinkFields,
			...getConnectUrlDescription,
			...buildConnectPageLookFields,
			...getAvailableAccountsDescription,
			...attachAccountsDescription,
		],
	},
);
