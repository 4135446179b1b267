import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import { accountDeleteDescription, checkAccountDeleteOptions } from './delete';
import { accountGetAllDescription, accountListItems, checkAccountListOptions } from './getAll';

export const accountOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			action: 'Disconnect a social account',
			description: 'Remove a social account from the location (and from its groups)',
			routing: apiRouting({
				request: { method: 'DELETE', url: locationPath('/accounts/{accountId}') },
				path: { accountId: 'Account' },
				deletes: 'accountId',
				preSend: [checkAccountDeleteOptions],
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many social accounts',
			description: 'List the social media accounts (or account groups) connected to the location',
			routing: apiRouting({
				request: { method: 'GET', url: locationPath('/accounts') },
				preSend: [checkAccountListOptions],
				postReceive: [accountListItems],
			}),
		},
	],
	default: 'getAll',
};

export const accountFields: INodeProperties[] = [
	...accountGetAllDescription,
	...accountDeleteDescription,
];
