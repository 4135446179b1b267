import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import { buildCsvFile, csvBuildDescription } from './buildCsv';
import { csvDeleteRowDescription, deleteCsvRows } from './deleteRow';
import { binaryPropertyField, csvIdField, importAccountsField } from './fields';
import { buildFinalizeBody, csvFinalizeDescription, finalizedItem } from './finalize';
import { csvGetDescription, paginateCsvRows } from './get';
import { buildCsvListQuery, csvGetAllDescription, paginateCsvImports } from './getAll';
import { csvImportPostsDescription, importPosts } from './importPosts';
import { csvSetAccountsDescription, setCsvAccounts } from './setAccounts';
import { csvUploadDescription, uploadCsvFiles } from './upload';

const CSV_IMPORT_PATH = locationPath('/csv/{csvId}');
const CSV_ID = { csvId: 'CSV Import ID' };

export const csvImportOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['csvImport'] } },
	options: [
		{
			// Runs as a custom operation (buildCsvFile): no request, one file for all items.
			name: 'Build CSV From Items',
			value: 'buildCsv',
			action: 'Build a CSV file from items',
			description: 'Turn the input items (e.g. a sheet’s rows) into a CSV file in HoopAI’s template, for Upload or Import Posts',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a CSV import',
			description: 'Delete an import and the posts it has not scheduled yet',
			routing: apiRouting({ request: { method: 'DELETE', url: CSV_IMPORT_PATH }, path: CSV_ID, deletes: 'csvId' }),
		},
		{
			// Runs as a custom operation (deleteCsvRows).
			name: 'Delete Row',
			value: 'deleteRow',
			action: 'Delete a row of a CSV import',
			description: 'Leave one parsed row out of an import before it is finalized',
		},
		{
			name: 'Finalize',
			value: 'finalize',
			action: 'Finalize a CSV import',
			description: 'Schedule every accepted row of an import as a post',
			routing: apiRouting({
				request: { method: 'PATCH', url: CSV_IMPORT_PATH },
				path: CSV_ID,
				preSend: [buildFinalizeBody],
				postReceive: [finalizedItem],
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a CSV import',
			description: 'Get an import with its parsed rows, each with its status and errors',
			routing: apiRouting({ request: { method: 'GET', url: CSV_IMPORT_PATH }, path: CSV_ID, pagination: paginateCsvRows }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many CSV imports',
			description: 'List the location’s CSV imports with their status',
			routing: apiRouting({
				request: { method: 'GET', url: locationPath('/csv') },
				preSend: [buildCsvListQuery],
				pagination: paginateCsvImports,
			}),
		},
		{
			// Runs as a custom operation (importPosts): upload, set accounts, review, finalize.
			name: 'Import Posts',
			value: 'importPosts',
			action: 'Import posts from a CSV file',
			description: 'Upload a CSV file, choose its accounts and schedule its posts, or stop to review them',
		},
		{
			// Runs as a custom operation (setCsvAccounts): a create, looked up before it is resent.
			name: 'Set Accounts',
			value: 'setAccounts',
			action: 'Set the accounts of an uploaded CSV file',
			description: 'Choose the accounts an uploaded file’s posts go to; this makes the import',
		},
		{
			// Runs as a custom operation (uploadCsvFiles): multipart/form-data.
			name: 'Upload',
			value: 'upload',
			action: 'Upload a CSV file',
			description: 'Upload a CSV file of posts; HoopAI parses it and answers with its path and number of rows',
		},
	],
	default: 'importPosts',
};

export const csvImportFields: INodeProperties[] = [
	// Each declared once: n8n evaluates every declaration of a parameter for every item.
	{ ...csvIdField, displayOptions: { show: { resource: ['csvImport'], operation: ['get', 'finalize', 'delete', 'deleteRow'] } } },
	{ ...binaryPropertyField, displayOptions: { show: { resource: ['csvImport'], operation: ['upload', 'importPosts'] } } },
	{ ...importAccountsField, displayOptions: { show: { resource: ['csvImport'], operation: ['setAccounts', 'importPosts'] } } },
	...csvBuildDescription,
	...csvUploadDescription,
	...csvSetAccountsDescription,
	...csvImportPostsDescription,
	...csvGetAllDescription,
	...csvGetDescription,
	...csvFinalizeDescription,
	...csvDeleteRowDescription,
];

export const csvImportOperations = {
	buildCsv: buildCsvFile,
	deleteRow: deleteCsvRows,
	importPosts,
	setAccounts: setCsvAccounts,
	upload: uploadCsvFiles,
};
