import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { accountGetAllDescription } from './getAll';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many social accounts',
				description: 'List the social media accounts connected to the location',
				routing: {
					request: { method: 'GET', url: locationPath('/accounts') },
					output: {
						postReceive: [{ type: 'rootProperty', properties: { property: 'results.accounts' } }],
					},
				},
			},
		],
		default: 'getAll',
	},
	...accountGetAllDescription,
];
