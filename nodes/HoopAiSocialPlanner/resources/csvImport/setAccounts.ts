import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { choice, text, wholeNumber } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { accountIdsOf, accountReferences } from '../../shared/accounts';
import { optionalId } from '../../shared/ids';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest, createOnce, stableJson, type ApiResponse } from '../../shared/send';
import { approverOption, CSV_PATH, importUserId, optionsOf, userIdOption } from './fields';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['setAccounts'] };
const TEMPLATES = [{ value: 'basic' }, { value: 'advance' }];

export const csvSetAccountsDescription: INodeProperties[] = [
	{
		displayName: 'File Path',
		name: 'filePath',
		type: 'string',
		default: '={{ $json.filePath }}',
		required: true,
		displayOptions: { show },
		description: 'Where Upload stored the file (its output’s filePath)',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '={{ $json.fileName }}',
		required: true,
		displayOptions: { show },
		description: 'The uploaded file’s name (Upload’s output’s fileName)',
	},
	{
		displayName: 'Rows to Import',
		name: 'rowsCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		// 0 reads Upload's output from the input item: the usual chain is Upload → Set Accounts.
		default: 0,
		displayOptions: { show },
		description:
			'How many of the file’s rows to import, from the first. 0 imports all of them: the rowsCount of the input item, as Upload outputs it.',
	},
	{
		displayName: 'Options',
		name: 'setAccountsOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			approverOption,
			{
				displayName: 'CSV Template',
				name: 'csvFileType',
				type: 'options',
				options: [
					{ name: 'Basic', value: 'basic' },
					{ name: 'Advanced', value: 'advance' },
				],
				default: 'basic',
				description: 'The template the file follows, as Upload’s output says (csvFileType)',
			},
			userIdOption,
		],
	},
];

export interface SetAccountsBody extends IDataObject {
	accountIds: string[];
	filePath: string;
	rowsCount: number;
	fileName: string;
	userId: string;
	approver?: string;
	csvFileType?: string;
}

/**
 * Set Accounts makes the import (and its rows): sent twice, it makes two. An attempt that got no
 * answer is looked up among the newest imports by its file before it is sent again.
 */
export async function sendSetAccounts(
	this: IExecuteFunctions,
	scope: LocationScope,
	body: SetAccountsBody,
	itemIndex: number,
): Promise<string> {
	const findCreated = async (): Promise<ApiResponse | undefined> => {
		const list = await apiRequest.call(this, 'GET', CSV_PATH, { qs: { userId: body.userId, skip: '0', limit: '20' }, scope });
		const csvs = ((list.results as IDataObject | undefined)?.csvs ?? []) as IDataObject[];
		const made = csvs.find((csv) => csv.file === body.filePath);
		return made && { statusCode: 201, headers: {}, body: { results: { csvId: String(made.id ?? made._id) } } };
	};
	const send = async () =>
		await apiRequest.call(this, 'POST', '/social-media-posting/{locationId}/set-accounts', { body, scope, findCreated });
	const response = await createOnce(runOf(this), `${itemIndex} set-accounts ${stableJson(body)}`, send);
	return String((response.results as IDataObject | undefined)?.csvId ?? '');
}

/** Rows to Import; at 0, all the rows Upload counted (the input item's rowsCount). */
function rowsToImport(context: IExecuteFunctions, itemIndex: number): number {
	const node = context.getNode();
	const given = wholeNumber(node, 'Rows to Import', context.getNodeParameter('rowsCount', itemIndex), 0);
	if (given > 0) return given;
	const counted = Number(context.getInputData()[itemIndex]?.json.rowsCount);
	if (Number.isInteger(counted) && counted >= 1) return counted;
	throw new NodeOperationError(
		node,
		'Rows to Import: 0 imports all the rows Upload counted, but the input item has no rowsCount of 1 or more; put CSV Import → Upload right before this node, or give the number of rows',
		{
			description: 'Upload outputs the file’s rowsCount, which 0 stands for.',
			itemIndex,
		},
	);
}

/** The body of Set Accounts from an item's fields. */
function setAccountsBody(this: IExecuteFunctions, scope: LocationScope, itemIndex: number): SetAccountsBody {
	const node = this.getNode();
	const options = optionsOf(this, itemIndex);
	const body: SetAccountsBody = {
		accountIds: accountReferences(node, 'Account Names or IDs', this.getNodeParameter('csvAccountIds', itemIndex)),
		filePath: text(node, 'File Path', this.getNodeParameter('filePath', itemIndex)).trim(),
		rowsCount: rowsToImport(this, itemIndex),
		fileName: text(node, 'File Name', this.getNodeParameter('fileName', itemIndex)).trim(),
		userId: importUserId(node, 'Options → User Name or ID', options.userId, scope.connection),
	};
	const approver = optionalId(node, 'Options → Approver Name or ID', options.approver);
	if (approver) body.approver = approver;
	if (options.csvFileType !== undefined) body.csvFileType = choice<string>(node, 'Options → CSV Template', options.csvFileType, TEMPLATES);
	return body;
}

export const setCsvAccounts = withRoutes(
	async function setCsvAccounts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex) => {
			const scope = await run.scope(itemIndex);
			const body = setAccountsBody.call(this, scope, itemIndex);
			requireFilled(this, body, itemIndex);
			body.accountIds = await accountIdsOf.call(this, 'Account Names or IDs', body.accountIds, { scope });
			return { csvId: await sendSetAccounts.call(this, scope, body, itemIndex) };
		});
	},
	[
		{ method: 'POST', path: '/social-media-posting/{locationId}/set-accounts' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/accounts' },
		{ method: 'GET', path: '/social-media-posting/{locationId}/csv' },
	],
);

/** The fields the API requires, named by their labels. */
function requireFilled(context: IExecuteFunctions, body: SetAccountsBody, itemIndex: number): void {
	const node = context.getNode();
	if (body.accountIds.length === 0) {
		throw new NodeOperationError(node, 'Account Names or IDs: nothing given; choose the accounts the posts go to', {
			itemIndex,
		});
	}
	if (!body.filePath)
		throw new NodeOperationError(node, 'File Path: nothing given; map Upload’s output, e.g. {{ $json.filePath }}', {
			itemIndex,
		});
	if (!body.fileName)
		throw new NodeOperationError(node, 'File Name: nothing given; map Upload’s output, e.g. {{ $json.fileName }}', {
			itemIndex,
		});
}

export const setAccounts: Operation = {
	// A create, looked up before it is resent.
	option: {
		name: 'Set Accounts',
		value: 'setAccounts',
		action: 'Set the accounts of an uploaded CSV file',
		description: 'Choose the accounts an uploaded file’s posts go to; this makes the import',
	},
	run: setCsvAccounts,
};
