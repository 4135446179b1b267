import { NodeApiError, type IDataObject, type IExecuteFunctions, type IN8nHttpFullResponse, type JsonObject } from 'n8n-workflow';
import { answerOf, sendSettings, sendWithRetries, withAnswer, type RequestEffect } from './send';
import { cancelSignalOf, limiterOf, passedHttpErrors, type ApiConnection, type ApiResponse } from './transport';

/** One part of a multipart/form-data body: a text field, or a file. */
export interface FormPart {
	/** The form field's name. */
	field: string;
	value?: string;
	file?: { data: Buffer; fileName: string; mimeType: string };
}

/** A header value in quotes, without what would end the quotes or the header line. */
function quoted(value: string): string {
	return `"${value.replace(/["\r\n\\]/g, '_')}"`;
}

/**
 * A multipart/form-data body (RFC 7578) built by hand, so the node needs no form-data library and
 * sends the same bytes under every n8n version. The boundary is random and checked not to occur
 * in the content.
 */
export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
	let boundary = '';
	do boundary = `----HoopAiN8nBoundary${Math.random().toString(16).slice(2)}${Math.random().toString(16).slice(2)}`;
	while (parts.some((part) => part.file?.data.includes(boundary) || part.value?.includes(boundary)));
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const fileName = part.file ? `; filename=${quoted(part.file.fileName)}` : '';
		const type = part.file ? `\r\nContent-Type: ${part.file.mimeType}` : '';
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.field)}${fileName}${type}\r\n\r\n`, 'utf8'));
		chunks.push(part.file ? part.file.data : Buffer.from(part.value ?? '', 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface MultipartRequest {
	/** The path, `{locationId}` filled from the credential. */
	path: string;
	parts: FormPart[];
	effect: RequestEffect;
	/** The Version header when the endpoint documents only one (else the credential's). */
	apiVersion?: string;
}

/**
 * POSTs a multipart/form-data body through the package's send path (apiResponse sends JSON only):
 * paced by the location's rate limiter and retried like every request. The API's answer comes
 * back, error answers included: each caller explains its endpoint's errors.
 */
export async function postMultipart(this: IExecuteFunctions, connection: ApiConnection, request: MultipartRequest): Promise<ApiResponse> {
	const limiter = limiterOf(connection);
	const { body, contentType } = multipartBody(request.parts);
	const attempt = async (): Promise<ApiResponse> => {
		const response: IN8nHttpFullResponse = await this.helpers.httpRequestWithAuthentication.call(
			this,
			connection.credentialType,
			{
				method: 'POST',
				url: `${connection.baseUrl}${request.path.replace('{locationId}', encodeURIComponent(connection.locationId))}`,
				body,
				json: true,
				headers: { Version: request.apiVersion ?? connection.apiVersion, 'Content-Type': contentType, Accept: 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: passedHttpErrors(connection),
				timeout: sendSettings.attemptTimeoutMs,
			},
			connection.tokenCredential ? { credentialsDecrypted: connection.tokenCredential } : undefined,
		);
		const answer = {
			statusCode: response.statusCode,
			body: typeof response.body === 'object' && response.body !== null && !Buffer.isBuffer(response.body) ? (response.body as IDataObject) : {},
			headers: (response.headers ?? {}) as IDataObject,
		};
		limiter.observe(answer.headers);
		// What the send path waits for or retries; other answers are the caller's to explain.
		if (answer.statusCode === 429 || answer.statusCode >= 500) throw withAnswer(new Error(`HTTP ${answer.statusCode}`), answer);
		return answer;
	};
	try {
		return await sendWithRetries({ node: this.getNode(), limiter, effect: request.effect, signal: cancelSignalOf(this) }, attempt);
	} catch (error) {
		const answer = answerOf(error) as ApiResponse | undefined;
		if (answer?.body) return answer;
		// Ours come back as they are (the unsure-create error, the daily limit); others are wrapped.
		throw error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
	}
}
