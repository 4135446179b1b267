import {
	NodeApiError,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

interface HighLevelErrorBody {
	statusCode?: number;
	message?: string | string[];
	error?: string;
	traceId?: string;
}

/** The API's own words: `message` is a string, or an array of validation messages (422). */
export function apiErrorMessage(body: HighLevelErrorBody | undefined, statusCode: number): string {
	const message = body?.message;
	if (Array.isArray(message) && message.length) return message.join('; ');
	if (typeof message === 'string' && message) return message;
	if (typeof body?.error === 'string' && body.error) return body.error;
	return `The HoopAI API answered with HTTP ${statusCode}`;
}

/**
 * First postReceive hook of every operation: turns an HTTP error response into a NodeApiError
 * carrying the API's message and traceId (requestDefaults let error responses through).
 */
export async function throwApiError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as HighLevelErrorBody;
	const traceId = body.traceId ?? (response.headers?.['x-trace-id'] as string | undefined);
	const details = Array.isArray(body.message) ? body.message : [];
	throw new NodeApiError(this.getNode(), { ...body, httpCode: response.statusCode } as unknown as JsonObject, {
		message: apiErrorMessage(body, response.statusCode),
		description: [
			...details.map((line) => `- ${line}`),
			traceId ? `traceId: ${traceId}` : '',
		]
			.filter(Boolean)
			.join('\n'),
		httpCode: String(response.statusCode),
		itemIndex: this.getItemIndex(),
	});
}
