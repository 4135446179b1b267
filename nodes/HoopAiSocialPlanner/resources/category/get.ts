import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';
import type { Operation } from '../resource';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a category',
		routing: apiRouting({
			request: { method: 'GET', url: locationPath('/categories/{categoryId}') },
			path: { categoryId: 'Category' },
			postReceive: [itemsAt('results.category')],
		}),
	},
};

export const categoryGetDescription: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'categoryId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { resource: ['category'], operation: ['get'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCategories', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 65f0c0de000000000000000b' },
		],
	},
];
