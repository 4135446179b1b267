import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { accountIdsOf, accountReferences } from '../../shared/accounts';
import { optionalId } from '../../shared/ids';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest } from '../../shared/send';
import { approverOption, CSV_PATH, importUserId, userIdOption } from './fields';
import { countRows, rowView } from './rows';
import { sendSetAccounts, type SetAccountsBody } from './setAccounts';
import { csvFileOf, dropColumnsOption, fileNameOption, fileToSend, uploadCsv } from './upload';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['importPosts'] };
/** Rows asked for per request when reading an import back. */
const ROW_PAGE = 100;

export const csvImportPostsDescription: INodeProperties[] = [
	{
		displayName: 'Review Before Scheduling',
		name: 'review',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether to stop before scheduling and output every row with its errors per network. The import waits in HoopAI: schedule it with Finalize (its CSV Import ID) or in the Social Planner.',
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [approverOption, dropColumnsOption, fileNameOption, userIdOption],
	},
];

/** Every parsed row of an import, page by page, and the import itself. */
async function readImport(
	this: IExecuteFunctions,
	scope: LocationScope,
	csvId: string,
): Promise<{ csv: IDataObject; rows: IDataObject[] }> {
	const rows: IDataObject[] = [];
	let csv: IDataObject = {};
	for (;;) {
		const response = await apiRequest.call(this, 'GET', `${CSV_PATH}/${encodeURIComponent(csvId)}`, {
			qs: { skip: String(rows.length), limit: String(ROW_PAGE) },
			scope,
		});
		const results = (response.results ?? {}) as IDataObject;
		csv = (results.csv ?? csv) as IDataObject;
		const page = (results.posts ?? []) as IDataObject[];
		rows.push(...page);
		if (page.length === 0 || rows.length >= Number(results.count ?? 0)) return { csv, rows };
	}
}

/** The rejected rows, as a description lists them. */
function rejectedList(rows: IDataObject[]): string {
	const lines = rows
		.map(rowView)
		.filter((row) => Object.keys(row.errors as IDataObject).length > 0)
		.slice(0, 5)
		.map(
			(row) =>
				`- row ${String(row.row)}: ${Object.entries(row.errors as IDataObject)
					.map(([where, error]) => `${where}: ${String(error)}`)
					.join('; ')}`,
		);
	return lines.join('\n');
}

/**
 * Import Posts: upload the item's file, set the accounts, read the parsed rows back, then either
 * stop for review or finalize (HoopAI schedules the accepted rows; a rejected row never holds the
 * others back). Outputs the import with its counts and every row with its errors.
 */
const importCsvPosts = withRoutes(
	async function importPosts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		const node = this.getNode();
		return await runForEachItem.call(this, async (itemIndex) => {
			const scope = await run.scope(itemIndex);
			const options = this.getNodeParameter('importOptions', itemIndex, {}) as IDataObject;
			const accounts = accountReferences(node, 'Account Names or IDs', this.getNodeParameter('csvAccountIds', itemIndex));
			if (accounts.length === 0) {
				throw new NodeOperationError(node, 'Account Names or IDs: nothing given; choose the accounts the posts go to', {
					itemIndex,
				});
			}
			const userId = importUserId(node, 'Options → User Name or ID', options.userId, scope.connection);
			const approver = optionalId(node, 'Options → Approver Name or ID', options.approver);
			const review = this.getNodeParameter('review', itemIndex, false) === true;
			const given = await csvFileOf(this, itemIndex, text(node, 'Options → File Name', options.fileName));
			const { file, droppedColumns } = fileToSend(given, options.dropColumns !== false);
			const accountIds = await accountIdsOf.call(this, 'Account Names or IDs', accounts, { scope });

			const uploaded = await uploadCsv.call(this, scope, file);
			const body: SetAccountsBody = {
				accountIds,
				filePath: String(uploaded.filePath),
				rowsCount: Number(uploaded.rowsCount),
				fileName: String(uploaded.fileName ?? file.fileName),
				userId,
				...(approver ? { approver } : {}),
				...(uploaded.csvFileType ? { csvFileType: String(uploaded.csvFileType) } : {}),
			};
			const csvId = await sendSetAccounts.call(this, scope, body, itemIndex);
			const { csv, rows } = await readImport.call(this, scope, csvId);
			const counts = countRows(rows);
			const output = (finalized: boolean, status: IDataObject[string]): IDataObject => ({
				csvId,
				fileName: body.fileName,
				finalized,
				status,
				...counts,
				...(droppedColumns.length ? { droppedColumns } : {}),
				rows: rows.filter((row) => row.status !== 'deleted').map(rowView),
			});
			if (review) return output(false, csv.status);
			if (counts.accepted === 0) {
				throw new NodeOperationError(
					node,
					`Account Names or IDs: none of the file’s ${counts.rowsCount} rows can be scheduled on these accounts`,
					{
						description: `${rejectedList(rows)}\nThe import (CSV Import ID ${csvId}) was left unscheduled in HoopAI.`,
						itemIndex,
					},
				);
			}
			await apiRequest.call(this, 'PATCH', `${CSV_PATH}/${encodeURIComponent(csvId)}`, { body: { userId }, scope });
			const after = await apiRequest.call(this, 'GET', `${CSV_PATH}/${encodeURIComponent(csvId)}`, {
				qs: { skip: '0', limit: '1' },
				scope,
			});
			const status = ((after.results as IDataObject | undefined)?.csv as IDataObject | undefined)?.status;
			return output(true, status ?? csv.status);
		});
	},
	[
		{ method: 'POST', path: '/social-media-posting/{locationId}/csv' },
		{ method: 'POST', path: '/social-media-posting/{locationId}/set-accounts' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/accounts' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/csv' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/csv/{id}' },
		{ method: 'PATCH', path: '/social-media-posting/{locationId}/csv/{id}' },
	],
);

export const importPosts: Operation = {
	// Upload, set accounts, review, finalize.
	option: {
		name: 'Import Posts',
		value: 'importPosts',
		action: 'Import posts from a CSV file',
		description: 'Upload a CSV file, choose its accounts and schedule its posts, or stop to review them',
	},
	run: importCsvPosts,
};
