import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { accountIdsOf, accountReferences } from '../../shared/accounts';
import { optionalId } from '../../shared/ids';
import { runOf } from '../../shared/run';
import { apiRequest } from '../../shared/send';
import { approverOption, CSV_PATH, importUserId, userIdOption } from './fields';
import { checkRejected, failsOnRejected, failWhenAnyRowRejectedField, importOutput, readImport } from './get';
import { rejectionsText } from './rows';
import { sendSetAccounts, type SetAccountsBody } from './setAccounts';
import { csvFileOf, dropColumnsOption, fileNameOption, fileToSend, uploadCsv } from './upload';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['importPosts'] };

export const csvImportPostsDescription: INodeProperties[] = [
	{
		displayName: 'Review Before Scheduling',
		name: 'review',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether to stop before scheduling and output every row with what is wrong with it. The import waits in HoopAI: schedule it with Finalize (its CSV Import ID) or in the Social Planner.',
	},
	// Declared here once for Get too: Import Posts shows it before its Options.
	failWhenAnyRowRejectedField,
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

/**
 * Import Posts: upload the item's file, set the accounts, read the parsed rows back, then either
 * stop for review or finalize (HoopAI schedules the accepted rows; a rejected row holds the others
 * back only when Fail When Any Row Is Rejected is on). Outputs the import as Get does (rows.ts).
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
			const more = droppedColumns.length ? { droppedColumns } : {};
			const fail = failsOnRejected(this, itemIndex);
			const unscheduled = await importOutput.call(this, scope, { csvId, ...(await readImport.call(this, scope, csvId)) }, more);
			// Fail When Any Row Is Rejected fails before anything is scheduled: the file can be fixed and imported again.
			if (review || fail) checkRejected.call(this, unscheduled, fail, itemIndex);
			if (review) return unscheduled.json;
			const { counts, rejections } = unscheduled;
			if (counts.rejected === counts.rowsCount) {
				throw new NodeOperationError(
					node,
					`Account Names or IDs: none of the file’s ${counts.rowsCount} rows can be scheduled on these accounts. ${rejectionsText(rejections)} Fix the rows or choose other accounts, and import the file again.`,
					{
						description: `The import (CSV Import ID ${csvId}) was left unscheduled in HoopAI.`,
						itemIndex,
					},
				);
			}
			await apiRequest.call(this, 'PATCH', `${CSV_PATH}/${encodeURIComponent(csvId)}`, { body: { userId }, scope });
			// Read again: the rows' statuses after HoopAI scheduled them.
			const scheduled = await importOutput.call(this, scope, { csvId, ...(await readImport.call(this, scope, csvId)) }, more);
			checkRejected.call(this, scheduled, fail, itemIndex);
			return scheduled.json;
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
