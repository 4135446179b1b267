import type { IExecuteFunctions } from 'n8n-workflow';
import { apiError } from '../../shared/errors';
import { postMultipart, type FormPart } from '../../shared/multipart';
import { DEFAULT_API_VERSION } from '../../shared/request';
import { createOnce } from '../../shared/send';
import type { ApiConnection } from '../../shared/transport';

export const UPLOAD_PATH = '/medias/upload-file';
/** The largest file the media library takes (medias.json: "maximum allowed is 25 MB"). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface UploadFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/** What was uploaded: the library's file ID and the public link posts use. */
export interface UploadedFile {
	fileId: string;
	url: string;
}

/**
 * Sends one multipart upload the way every request of the package is sent (paced, retried, the
 * API's errors as NodeApiError). An upload creates a file: without a way to look it up, one whose
 * answer was lost fails as unsure instead of being sent twice (send.ts). The medias API documents
 * only the Version 2021-07-28, so that is sent whatever the credential's version.
 */
async function sendUpload(this: IExecuteFunctions, connection: ApiConnection, parts: FormPart[]): Promise<UploadedFile> {
	const answer = await postMultipart.call(this, connection, { path: UPLOAD_PATH, parts, effect: 'create', apiVersion: DEFAULT_API_VERSION });
	if (answer.statusCode >= 400) throw apiError(this.getNode(), answer);
	return { fileId: String(answer.body.fileId ?? ''), url: String(answer.body.url ?? '') };
}

/** The files of a run that were uploaded already, by content: the same bytes are sent once. */
const uploadedInRun = new WeakMap<object, Buffer[]>();

function contentKey(run: object, data: Buffer): number {
	const seen = uploadedInRun.get(run) ?? [];
	uploadedInRun.set(run, seen);
	const index = seen.findIndex((earlier) => earlier.length === data.length && earlier.equals(data));
	if (index >= 0) return index;
	seen.push(data);
	return seen.length - 1;
}

/**
 * Uploads a file from an n8n binary, once per run for the same content (another item, another
 * media entry, or n8n's Retry On Fail running the node again all get the first upload's link).
 */
export async function uploadBinary(this: IExecuteFunctions, connection: ApiConnection, file: UploadFile, extra: FormPart[] = []): Promise<UploadedFile> {
	const run = this.getExecuteData();
	const parts = [{ field: 'file', file }, ...extra];
	const send = async () => await sendUpload.call(this, connection, parts);
	if (!run) return await send();
	const key = `${UPLOAD_PATH} #${contentKey(run, file.data)} ${extra.map((part) => `${part.field}=${part.value}`).join('&')}`;
	return await createOnce(run, key, send);
}

/** Has the media library fetch a file from a public link (`hosted: true, fileUrl`). */
export async function uploadFromUrl(this: IExecuteFunctions, connection: ApiConnection, fileUrl: string, extra: FormPart[] = []): Promise<UploadedFile> {
	const parts = [{ field: 'hosted', value: 'true' }, { field: 'fileUrl', value: fileUrl }, ...extra];
	const send = async () => await sendUpload.call(this, connection, parts);
	const run = this.getExecuteData();
	if (!run) return await send();
	return await createOnce(run, `${UPLOAD_PATH} ${fileUrl} ${extra.map((part) => `${part.field}=${part.value}`).join('&')}`, send);
}
