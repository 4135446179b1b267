import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { runOf } from '../../shared/run';
import { CSV_PATH, importUserId, userIdOption } from './fields';
import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['getAll'] };

export const csvGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'csvFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'From Template Library Only',
				name: 'isFromTemplate',
				type: 'boolean',
				default: false,
				description: 'Whether to list only the imports made from HoopAI’s template library',
			},
			{
				displayName: 'Include Users',
				name: 'includeUsers',
				type: 'boolean',
				default: false,
				description: 'Whether to add the details of the users who made the imports',
			},
			{
				...userIdOption,
				description:
					'The HoopAI user whose view of the imports to list; by default the credential’s User ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/** preSend of Get Many: the user (the v3 API requires one) and the filters, in the query. */
async function buildCsvListQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('csvFilters', {}) as IDataObject;
	const qs: IDataObject = {
		...requestOptions.qs,
		userId: importUserId(this.getNode(), 'Filters → User Name or ID', filters.userId, await runOf(this).connection()),
	};
	if (filters.includeUsers === true) qs.includeUsers = 'true';
	if (filters.isFromTemplate === true) qs.isFromTemplate = 'true';
	requestOptions.qs = qs;
	return requestOptions;
}

const paginateCsvImports = paginateCountedList({ in: 'qs', itemsPath: 'results.csvs', countPath: 'results.count', pageSize: 100 });

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many CSV imports',
		description: 'List the location’s CSV imports with their status',
		routing: apiRouting({ request: { method: 'GET', url: CSV_PATH }, preSend: [buildCsvListQuery], pagination: paginateCsvImports }),
	},
};
