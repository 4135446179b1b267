import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { wholeNumber } from '../../shared/checks';
import { apiRouting, sendRouted } from '../../shared/routing';
import { CSV_ID, CSV_IMPORT_PATH } from './fields';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['get'] };
/** Rows asked for per request. */
const ROW_PAGE = 100;

export const csvGetDescription: INodeProperties[] = [
	{
		displayName: 'Return All Rows',
		name: 'returnAllRows',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: 'Whether to return every parsed row of the file or only up to a given number',
	},
	{
		displayName: 'Row Limit',
		name: 'rowLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { ...show, returnAllRows: [false] } },
		description: 'Max number of rows to return',
	},
];

/**
 * Pages of Get: the import once, with its parsed rows (`posts`, each with its status and errors)
 * gathered from as many pages as Return All Rows or Row Limit ask for. One output item.
 */
async function paginateCsvRows(
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const wanted = this.getNodeParameter('returnAllRows', true)
		? Infinity
		: wholeNumber(this.getNode(), 'Row Limit', this.getNodeParameter('rowLimit', 50), 1);
	const posts: IDataObject[] = [];
	let results: IDataObject = {};
	for (;;) {
		const limit = Math.min(ROW_PAGE, wanted - posts.length);
		const qs = { ...(resultOptions.options.qs as IDataObject), skip: String(posts.length), limit: String(limit) };
		const [page] = await sendRouted.call(this, { ...resultOptions, options: { ...resultOptions.options, qs } }, 'read');
		results = (page?.json.results ?? {}) as IDataObject;
		const rows = (results.posts ?? []) as IDataObject[];
		posts.push(...rows);
		if (rows.length === 0 || posts.length >= wanted || posts.length >= Number(results.count ?? 0)) break;
	}
	return [{ json: { csv: results.csv, count: results.count, posts: posts.slice(0, wanted) } }];
}

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a CSV import',
		description: 'Get an import with its parsed rows, each with its status and errors',
		routing: apiRouting({ request: { method: 'GET', url: CSV_IMPORT_PATH }, path: CSV_ID, pagination: paginateCsvRows }),
	},
};
