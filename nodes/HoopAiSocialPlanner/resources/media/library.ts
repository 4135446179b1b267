import type { IExecuteFunctions } from 'n8n-workflow';
import { apiError } from '../../shared/errors';
import type { FormPart } from '../../shared/multipart';
import { DEFAULT_API_VERSION } from '../../shared/request';
import { runOf, type LocationScope } from '../../shared/run';
import { apiResponse, createOnce } from '../../shared/send';

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
async function sendUpload(this: IExecuteFunctions, scope: LocationScope, form: FormPart[]): Promise<UploadedFile> {
	const answer = await apiResponse.call(this, 'POST', UPLOAD_PATH, { scope, form, effect: 'create', apiVersion: DEFAULT_API_VERSION });
	if (answer.statusCode >= 400) throw apiError(this.getNode(), answer);
	return { fileId: String(answer.body.fileId ?? ''), url: String(answer.body.url ?? '') };
}

/** Which of the run's uploads these bytes are (the same bytes are sent once per run). */
function contentKey(seen: Buffer[], data: Buffer): number {
	const index = seen.findIndex((earlier) => earlier.length === data.length && earlier.equals(data));
	if (index >= 0) return index;
	seen.push(data);
	return seen.length - 1;
}

/** What an upload's extra form fields say, for its key. */
const extraKey = (extra: FormPart[]) => extra.map((part) => `${part.field}=${part.value}`).join('&');

/**
 * Uploads a file from an n8n binary, once per run for the same content (another item, another
 * media entry, or n8n's Retry On Fail running the node again all get the first upload's link).
 */
export async function uploadBinary(
	this: IExecuteFunctions,
	scope: LocationScope,
	file: UploadFile,
	extra: FormPart[] = [],
): Promise<UploadedFile> {
	const run = runOf(this);
	const send = async () => await sendUpload.call(this, scope, [{ field: 'file', file }, ...extra]);
	return await createOnce(run, `${UPLOAD_PATH} ${scope.locationId} #${contentKey(run.uploads, file.data)} ${extraKey(extra)}`, send);
}

/** Has the media library fetch a file from a public link (`hosted: true, fileUrl`). */
export async function uploadFromUrl(
	this: IExecuteFunctions,
	scope: LocationScope,
	fileUrl: string,
	extra: FormPart[] = [],
): Promise<UploadedFile> {
	const send = async () =>
		await sendUpload.call(this, scope, [{ field: 'hosted', value: 'true' }, { field: 'fileUrl', value: fileUrl }, ...extra]);
	return await createOnce(runOf(this), `${UPLOAD_PATH} ${scope.locationId} ${fileUrl} ${extraKey(extra)}`, send);
}
