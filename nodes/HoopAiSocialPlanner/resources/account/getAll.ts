import type { INodeProperties } from 'n8n-workflow';
import { PLATFORM_OPTIONS } from '../../shared/platforms';

const showForAccountGetAll = { resource: ['account'], operation: ['getAll'] };

export const accountGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Return',
		name: 'output',
		type: 'options',
		displayOptions: { show: showForAccountGetAll },
		options: [
			{ name: 'Accounts', value: 'accounts', description: 'One item per connected social account' },
			{ name: 'Groups', value: 'groups', description: 'One item per account group, with its account IDs' },
		],
		default: 'accounts',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: showForAccountGetAll },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { ...showForAccountGetAll, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		routing: { output: { maxResults: '={{ $value }}' } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: { ...showForAccountGetAll, output: ['accounts'] } },
		default: {},
		options: [
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'multiOptions',
				options: PLATFORM_OPTIONS,
				default: [],
				description: 'Only accounts of these networks',
				routing: {
					output: {
						postReceive: [
							{
								type: 'filter',
								properties: { pass: '={{ $value.length === 0 || $value.includes($responseItem.platform) }}' },
							},
						],
					},
				},
			},
			{
				displayName: 'Exclude Expired',
				name: 'excludeExpired',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out accounts whose connection has expired and must be reconnected in HoopAI',
				routing: {
					output: {
						postReceive: [{ type: 'filter', properties: { pass: '={{ !$value || !$responseItem.isExpired }}' } }],
					},
				},
			},
		],
	},
];
