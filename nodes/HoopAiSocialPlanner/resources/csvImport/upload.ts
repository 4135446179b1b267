import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { text } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { runOf, type LocationScope } from '../../shared/run';
import { apiResponse } from '../../shared/send';
import { headerCells, withTemplateColumnsOnly } from './csvFile';
import { CSV_PATH } from './fields';
import { uploadError } from './uploadErrors';
import type { Operation } from '../resource';

/** Shared by Upload and Import Posts. */
export const dropColumnsOption: INodeProperties = {
	displayName: 'Drop Unknown Columns',
	name: 'dropColumns',
	type: 'boolean',
	default: true,
	description:
		'Whether to leave out the file’s columns that are not in HoopAI’s template (e.g. row_number, which Google Sheets rows carry into Convert to File’s CSV) instead of having HoopAI refuse the file',
};

/** A CSV file of an input item, for the form field `file`. */
export interface FilePart {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** Shared by Upload and Import Posts. */
export const fileNameOption: INodeProperties = {
	displayName: 'File Name',
	name: 'fileName',
	type: 'string',
	default: '',
	placeholder: 'e.g. december-posts.csv',
	description: 'The name HoopAI shows for the import; by default the binary file’s own name',
};

const show = { resource: ['csvImport'], operation: ['upload'] };

export const csvUploadDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'uploadOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [dropColumnsOption, fileNameOption],
	},
];

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'text/comma-separated-values'];
const SPREADSHEET = /\.(xlsx|xls)$/i;

/** The file of an item's binary field, checked: present, not empty, a CSV (or a spreadsheet). */
export async function csvFileOf(context: IExecuteFunctions, itemIndex: number, fileNameOverride = ''): Promise<FilePart> {
	const node = context.getNode();
	const field = text(node, 'Input Binary Field', context.getNodeParameter('binaryPropertyName', itemIndex)).trim();
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	if (!field || !binary[field]) {
		const present = Object.keys(binary);
		throw new NodeOperationError(
			node,
			`Input Binary Field: the input item has no binary field "${field}"; give the name of the field that holds the CSV file`,
			{
				description: present.length
					? `Its binary fields: ${present.map((name) => `"${name}"`).join(', ')}.`
					: 'It has no file at all: put Build CSV from Items (or Convert to File, Read/Write Files from Disk…) before this node.',
				itemIndex,
			},
		);
	}
	const meta = context.helpers.assertBinaryData(itemIndex, field);
	const given = fileNameOverride.trim() || meta.fileName || 'posts.csv';
	const mimeType = (meta.mimeType || '').split(';')[0].trim().toLowerCase();
	const isCsv = /\.csv$/i.test(given) || CSV_TYPES.includes(mimeType);
	if (!isCsv && !SPREADSHEET.test(given)) {
		throw new NodeOperationError(
			node,
			`Input Binary Field: "${given}" (${mimeType || 'no type'}) is not a CSV file; turn it into one with n8n’s Convert to File node (Convert to CSV)`,
			{
				description: 'HoopAI imports CSV files only.',
				itemIndex,
			},
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(itemIndex, field);
	if (data.length === 0) {
		throw new NodeOperationError(
			node,
			`Input Binary Field: the file "${given}" is empty; give a file with the template’s header row and one row per post`,
			{
				description: 'It needs a header row with the template’s columns and one row per post.',
				itemIndex,
			},
		);
	}
	// HoopAI tells the kind of file by its extension.
	const fileName = isCsv && !/\.csv$/i.test(given) && !SPREADSHEET.test(given) ? `${given}.csv` : given;
	return { field: 'file', fileName, mimeType: isCsv ? 'text/csv' : mimeType || 'application/octet-stream', data };
}

/** The file to send: with only the template's columns when asked and needed. */
export function fileToSend(file: FilePart, dropColumns: boolean): { file: FilePart; droppedColumns: string[] } {
	const trimmed = dropColumns && /\.csv$/i.test(file.fileName) ? withTemplateColumnsOnly(file.data) : undefined;
	return trimmed ? { file: { ...file, data: trimmed.data }, droppedColumns: trimmed.dropped } : { file, droppedColumns: [] };
}

/** Uploads one file; an error answer becomes the marketer's explanation of its code. */
export async function uploadCsv(this: IExecuteFunctions, scope: LocationScope, file: FilePart): Promise<IDataObject> {
	// Sending it again stores the file again under another path: nothing is imported yet.
	const { field, ...content } = file;
	const response = await apiResponse.call(this, 'POST', CSV_PATH, { scope, form: [{ field, file: content }], effect: 'idempotent' });
	if (response.statusCode >= 400) {
		const columns = /\.csv$/i.test(file.fileName) ? headerCells(file.data.subarray(0, 4096).toString('utf8')) : [];
		throw uploadError(this.getNode(), response, file.fileName, columns);
	}
	return (response.body.results ?? {}) as IDataObject;
}

/** Upload: each item's file, as it is (see Build CSV from Items for writing one). */
const uploadCsvFiles = withRoutes(
	async function uploadCsvFiles(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex) => {
			const options = this.getNodeParameter('uploadOptions', itemIndex, {}) as IDataObject;
			const given = await csvFileOf(this, itemIndex, text(this.getNode(), 'Options → File Name', options.fileName));
			const { file, droppedColumns } = fileToSend(given, options.dropColumns !== false);
			const results = await uploadCsv.call(this, await run.scope(itemIndex), file);
			return droppedColumns.length ? { ...results, droppedColumns } : results;
		});
	},
	[{ method: 'POST', path: '/social-media-posting/{locationId}/csv' }],
);

export const upload: Operation = {
	// multipart/form-data.
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a CSV file',
		description: 'Upload a CSV file of posts; HoopAI parses it and answers with its path and number of rows',
	},
	run: uploadCsvFiles,
};
