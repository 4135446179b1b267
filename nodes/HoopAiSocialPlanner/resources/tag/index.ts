import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import { paginateTags } from './getAll';

const show = { resource: ['tag'] };
const showForGetAll = { ...show, operation: ['getAll'] };

export const tagOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tags',
			description: 'List the location’s Social Planner tags, searched by text or given by ID',
			routing: apiRouting({ request: { method: 'GET', url: locationPath('/tags') }, pagination: paginateTags }),
		},
	],
	default: 'getAll',
};

export const tagFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'tagFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showForGetAll },
		options: [
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only these tags, e.g. the tag IDs of a post. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];
