import type { INodeProperties } from 'n8n-workflow';
import { accountLocator } from '../../shared/descriptions';

const showForAccountDelete = { resource: ['account'], operation: ['delete'] };

export const accountDeleteDescription: INodeProperties[] = [
	{ ...accountLocator, displayOptions: { show: showForAccountDelete } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showForAccountDelete },
		default: {},
		options: [
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'string',
				default: '',
				description: 'The agency (company) ID, when the token is an agency token',
				routing: { send: { type: 'query', property: 'companyId' } },
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'The HoopAI user who removes the account',
				routing: { send: { type: 'query', property: 'userId' } },
			},
		],
	},
];
