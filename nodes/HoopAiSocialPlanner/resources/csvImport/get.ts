import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runAccounts } from '../../shared/accounts';
import { wholeNumber } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest } from '../../shared/send';
import { accountDirectory } from '../post/simplify';
import { CSV_PATH, csvIdOf } from './fields';
import { importView, rejectedRowsError, rejectedRowsHint, type ImportView } from './rows';
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

/** Get and Import Posts (declared once, for both): a rejected row fails the item instead of a hint. */
export const failWhenAnyRowRejectedField: INodeProperties = {
	displayName: 'Fail When Any Row Is Rejected',
	name: 'failWhenAnyRowRejected',
	type: 'boolean',
	default: false,
	displayOptions: { show: { resource: ['csvImport'], operation: ['get', 'importPosts'] } },
	description:
		'Whether the item fails when HoopAI rejected a row, with each rejected row and its reason in the message (Import Posts then schedules nothing). Off: the item succeeds and n8n shows how many rows were rejected.',
};

/** The parsed rows of an import, page by page (up to `wanted`), and the import itself. */
export async function readImport(
	this: IExecuteFunctions,
	scope: LocationScope,
	csvId: string,
	wanted = Infinity,
): Promise<{ csv: IDataObject; rows: IDataObject[] }> {
	const rows: IDataObject[] = [];
	let csv: IDataObject = {};
	for (;;) {
		const limit = Math.min(ROW_PAGE, wanted - rows.length);
		const response = await apiRequest.call(this, 'GET', `${CSV_PATH}/${encodeURIComponent(csvId)}`, {
			qs: { skip: String(rows.length), limit: String(limit) },
			scope,
		});
		const results = (response.results ?? {}) as IDataObject;
		csv = (results.csv ?? csv) as IDataObject;
		const page = (results.posts ?? []) as IDataObject[];
		rows.push(...page);
		if (page.length === 0 || rows.length >= wanted || rows.length >= Number(results.count ?? 0))
			return { csv, rows: rows.slice(0, wanted) };
	}
}

/** The import as one item (rows.ts), its accounts by name. Import Posts outputs it too. */
export async function importOutput(
	this: IExecuteFunctions,
	scope: LocationScope,
	read: { csvId: string; csv: IDataObject; rows: IDataObject[] },
	more: IDataObject = {},
): Promise<ImportView> {
	const accounts = accountDirectory(await runAccounts.call(this, scope));
	return importView(read.csvId, read.csv, read.rows, accounts, this.getTimezone(), more);
}

/** Whether the item's rejected rows fail it (Fail When Any Row Is Rejected). */
export function failsOnRejected(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('failWhenAnyRowRejected', itemIndex, false) === true;
}

/** Rejected rows: the item fails, or it succeeds and n8n shows how many were rejected. */
export function checkRejected(this: IExecuteFunctions, view: ImportView, fail: boolean, itemIndex: number): void {
	if (view.counts.rejected === 0) return;
	if (fail) throw rejectedRowsError(this.getNode(), String(view.json.csvId), view, itemIndex);
	this.addExecutionHints({ message: rejectedRowsHint(view), type: 'warning', location: 'outputPane' });
}

/** Get runs in code: the rows come in pages, and a rejected row adds a hint (or fails the item). */
const getCsvImport = withRoutes(
	async function getCsvImport(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex) => {
			const csvId = csvIdOf(this, itemIndex);
			const wanted = this.getNodeParameter('returnAllRows', itemIndex, true)
				? Infinity
				: wholeNumber(this.getNode(), 'Row Limit', this.getNodeParameter('rowLimit', itemIndex, 50), 1);
			const scope = await run.scope(itemIndex);
			const { csv, rows } = await readImport.call(this, scope, csvId, wanted);
			const view = await importOutput.call(this, scope, { csvId, csv, rows });
			checkRejected.call(this, view, failsOnRejected(this, itemIndex), itemIndex);
			return view.json;
		});
	},
	[
		{ method: 'GET', path: '/social-media-posting/{locationId}/csv/{id}' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/accounts' },
	],
);

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a CSV import',
		description: 'Get an import with its parsed rows: how many were rejected and why, then each row with its status',
	},
	run: getCsvImport,
};
