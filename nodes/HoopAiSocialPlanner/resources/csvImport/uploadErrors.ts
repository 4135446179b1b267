import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';
import { apiError, apiErrorMessage } from '../../shared/errors';
import { redactSecrets } from '../../shared/secrets';
import type { ApiResponse } from '../../shared/send';
import { TEMPLATE_COLUMNS, TEMPLATE_COLUMNS_TEXT } from './csvFile';

const listed = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

const BUILD_HINT = 'Build the file with HoopAI Social Planner → CSV Import → Build CSV from Items, which writes the template’s columns.';

/** What the file is missing or has too many of, from its own header row. */
function columnProblems(fileColumns: string[]): { missing: string[]; unknown: string[] } {
	const template: readonly string[] = TEMPLATE_COLUMNS;
	return {
		missing: template.slice(0, 3).filter((column) => !fileColumns.includes(column)),
		unknown: fileColumns.filter((column) => !template.includes(column)),
	};
}

/** The marketer's version of each CSV error code of the upload's 400 (CSVErrorResponseDTO). */
function explain(code: string, body: IDataObject, fileName: string, fileColumns: string[]): { message: string; description: string } {
	const apiSays = apiErrorMessage(body, 400);
	const { missing, unknown } = columnProblems(fileColumns);
	switch (code) {
		case 'CSV_MISSING_HEADERS': {
			const named =
				typeof body.missingHeaders === 'string' && body.missingHeaders ? body.missingHeaders.split(/,\s*(?=[a-zA-Z])/) : missing;
			const noun = named.length === 1 ? 'column' : 'columns';
			return {
				message: `The file has no ${noun} ${listed(named)}; the template’s columns are ${TEMPLATE_COLUMNS_TEXT}`,
				description: `The file’s columns: ${listed(fileColumns) || '(none)'}. ${BUILD_HINT}`,
			};
		}
		case 'CSV_HEADERS_NOT_MATCHING':
			return {
				message: unknown.length
					? `The file has ${unknown.length === 1 ? 'a column' : 'columns'} the template does not know: ${listed(unknown)}; the template’s columns are ${TEMPLATE_COLUMNS_TEXT}`
					: `The file’s columns do not match HoopAI’s template; its columns are ${TEMPLATE_COLUMNS_TEXT}`,
				description: `Remove or rename those columns (HoopAI: “${apiSays}”). ${BUILD_HINT}`,
			};
		case 'CSV_EMPTY_FILE':
			return {
				message: `The file "${fileName}" is empty`,
				description: `It needs a header row with the template’s columns and one row per post. ${BUILD_HINT}`,
			};
		case 'CSV_MISSING_REQUIRED_ROWS':
			return {
				message: `The file "${fileName}" has its header row but no posts`,
				description: 'Add one row per post under the header row.',
			};
		case 'CSV_NO_VALID_POST':
			return {
				message: `No row of the file is a post HoopAI can schedule: ${apiSays}`,
				description: 'Each row needs a date and time in the future (YYYY-MM-DD HH:mm:ss) and text or media.',
			};
		case 'CSV_INVALID_FORMAT':
			return {
				message: `The file "${fileName}" is not a valid CSV file: ${apiSays}`,
				description: 'Check for a quote that is opened and never closed, or rows with more cells than the header.',
			};
		case 'CSV_UNSUPPORTED_EXTENSION':
			return {
				message: `HoopAI does not accept the file "${fileName}": ${apiSays}`,
				description: 'Upload a .csv file. A spreadsheet turns into one with n8n’s Convert to File node (Convert to CSV).',
			};
		default:
			return { message: `HoopAI could not read the file "${fileName}": ${apiSays}`, description: BUILD_HINT };
	}
}

/** The error for an upload's error answer: a CSV error code explained, any other as the API says it. */
export function uploadError(node: INode, response: ApiResponse, fileName: string, fileColumns: string[]): NodeApiError {
	const body = redactSecrets(response.body as JsonObject) as IDataObject;
	const code = typeof body.code === 'string' ? body.code : '';
	if (response.statusCode !== 400 || !code) return apiError(node, response);
	const { message, description } = explain(code, body, fileName, fileColumns);
	const traceId = body.traceId ?? response.headers['x-trace-id'];
	return new NodeApiError(node, { ...body, httpCode: 400 } as JsonObject, {
		message,
		description: [description, `Code: ${code}`, traceId ? `traceId: ${String(traceId)}` : ''].filter(Boolean).join('\n'),
		httpCode: '400',
	});
}
