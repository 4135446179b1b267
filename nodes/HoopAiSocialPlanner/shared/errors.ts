import {
	NodeApiError,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { redactSecrets } from './secrets';

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

export interface ErrorResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

/**
 * The NodeApiError for an API error response: the API's message (every line of a 422), its
 * traceId in the description, the HTTP code. Built from the body with credentials redacted
 * (a gateway may echo the request's Authorization header): n8n shows the message and
 * description, and keeps the body with the error it stores and logs.
 */
export function apiError(node: INode, response: ErrorResponse, itemIndex?: number): NodeApiError {
	const raw = typeof response.body === 'object' && response.body !== null ? response.body : {};
	const body = redactSecrets(raw as JsonObject) as HighLevelErrorBody;
	const traceId = body.traceId ?? (response.headers?.['x-trace-id'] as string | undefined);
	const details = Array.isArray(body.message) ? body.message : [];
	return new NodeApiError(node, { ...body, httpCode: response.statusCode } as unknown as JsonObject, {
		message: apiErrorMessage(body, response.statusCode),
		description: [...details.map((line) => `- ${line}`), traceId ? `traceId: ${traceId}` : ''].filter(Boolean).join('\n'),
		httpCode: String(response.statusCode),
		...(itemIndex === undefined ? {} : { itemIndex }),
	});
}

/**
 * First postReceive hook of every routed operation: requestDefaults let error responses
 * through, and this turns them into the API's own error.
 */
export async function throwApiError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	throw apiError(this.getNode(), response as ErrorResponse, this.getItemIndex());
}
