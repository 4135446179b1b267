import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';
import { answerOf, sendSettings, sendWithRetries, withAnswer, type RequestEffect } from '../../shared/send';
import { cancelSignalOf, limiterOf, passedHttpErrors, type ApiConnection, type ApiResponse } from '../../shared/transport';

// A multipart/form-data body built by hand (RFC 7578): Node 20's FormData would do, but n8n's
// HTTP client sends a Buffer exactly as given, on every n8n version, with no dependency.

export interface FilePart {
	/** The form field, e.g. `file`. */
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A file name as a quoted header parameter: quotes and line breaks cannot be escaped there. */
function quotedName(name: string): string {
	return `"${name.replace(/["\r\n\\]/g, '_')}"`;
}

export function multipartBody(part: FilePart, boundary = `----n8nHoopAi${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`): { body: Buffer; contentType: string } {
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name=${quotedName(part.field)}; filename=${quotedName(part.fileName)}\r\n` +
		`Content-Type: ${part.mimeType}\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head, 'utf8'), part.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * POSTs one file as multipart/form-data through the package's send path (apiResponse sends JSON
 * only): paced by the location's rate limiter and retried like every request. Error answers are
 * returned, as apiResponse returns them.
 */
export async function postFile(
	this: IExecuteFunctions,
	connection: ApiConnection,
	path: string,
	part: FilePart,
	effect: RequestEffect,
): Promise<ApiResponse> {
	const limiter = limiterOf(connection);
	const attempt = async (): Promise<ApiResponse> => {
		// A new body per attempt: a stream-like body cannot be sent twice by every client.
		const { body, contentType } = multipartBody(part);
		const response: IN8nHttpFullResponse = await this.helpers.httpRequestWithAuthentication.call(this, connection.credentialType, {
			method: 'POST',
			url: `${connection.baseUrl}${path.replace('{locationId}', encodeURIComponent(connection.locationId))}`,
			body,
			json: true,
			headers: { Version: connection.apiVersion, 'Content-Type': contentType },
			returnFullResponse: true,
			ignoreHttpStatusErrors: passedHttpErrors(connection),
			timeout: sendSettings.attemptTimeoutMs,
		}, connection.tokenCredential ? { credentialsDecrypted: connection.tokenCredential } : undefined);
		const answer = {
			statusCode: response.statusCode,
			body: typeof response.body === 'object' && response.body !== null && !Buffer.isBuffer(response.body) ? (response.body as IDataObject) : {},
			headers: (response.headers ?? {}) as IDataObject,
		};
		limiter.observe(answer.headers);
		if (answer.statusCode === 429 || answer.statusCode >= 500) throw withAnswer(new Error(`HTTP ${answer.statusCode}`), answer);
		return answer;
	};
	try {
		return await sendWithRetries({ node: this.getNode(), limiter, effect, signal: cancelSignalOf(this) }, attempt);
	} catch (error) {
		const answer = answerOf(error) as ApiResponse | undefined;
		if (answer?.body) return answer;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}
