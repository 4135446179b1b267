import type { INodeProperties } from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { locationPath } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';

const show = { resource: ['category'] };
const showForGet = { ...show, operation: ['get'] };
const paginateCategories = paginateCountedList({ in: 'qs', itemsPath: 'results.categories', countPath: 'results.count', pageSize: 100 });

export const categoryOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a category',
			routing: apiRouting({
				request: { method: 'GET', url: locationPath('/categories/{categoryId}') },
				path: { categoryId: 'Category' },
				postReceive: [itemsAt('results.category')],
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many categories',
			description: 'List the location’s Social Planner categories, optionally searched by name',
			routing: apiRouting({ request: { method: 'GET', url: locationPath('/categories') }, pagination: paginateCategories }),
		},
	],
	default: 'getAll',
};

export const categoryFields: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'categoryId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: showForGet },
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
