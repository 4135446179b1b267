import { resourceModule } from '../resource';
import { buildCsv, csvBuildDescription } from './buildCsv';
import { deleteImport } from './delete';
import { csvDeleteRowDescription, deleteRow } from './deleteRow';
import { binaryPropertyField, csvIdField, importAccountsField } from './fields';
import { csvFinalizeDescription, finalize } from './finalize';
import { csvGetDescription, get } from './get';
import { csvGetAllDescription, getAll } from './getAll';
import { csvImportPostsDescription, importPosts } from './importPosts';
import { csvSetAccountsDescription, setAccounts } from './setAccounts';
import { csvUploadDescription, upload } from './upload';

export const csvImport = resourceModule(
	'csvImport',
	[buildCsv, deleteImport, deleteRow, finalize, get, getAll, importPosts, setAccounts, upload],
	{
		default: 'importPosts',
		fields: [
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
		],
	},
);
