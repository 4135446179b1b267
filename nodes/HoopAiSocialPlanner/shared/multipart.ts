// The multipart/form-data body of an upload; it is sent like every request (send.ts: `form`).

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
		chunks.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.field)}${fileName}${type}\r\n\r\n`, 'utf8'),
		);
		chunks.push(part.file ? part.file.data : Buffer.from(part.value ?? '', 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
