import type { IDataObject } from 'n8n-workflow';
import { NETWORKS } from '../../networks';

/** Per-network error keys of a row's media (CSVMediaResponseSchema, in the networks' modules), as the platform; `media` for the media itself. */
const MEDIA_ERRORS: Record<string, string> = {
	...Object.fromEntries(NETWORKS.flatMap((network) => (network.csvMediaError ? [[network.csvMediaError, network.platform]] : []))),
	invalidError: 'media',
};

/** A row HoopAI will not schedule. */
export function isRejected(row: IDataObject): boolean {
	return row.status === 'rejected' || Boolean(row.errorMessage);
}

/** Each problem of a row by network (`row` for the row's own error message). */
export function rowErrors(row: IDataObject): Record<string, string> {
	const errors: Record<string, string> = {};
	if (typeof row.errorMessage === 'string' && row.errorMessage) errors.row = row.errorMessage;
	for (const media of (row.medias ?? []) as IDataObject[]) {
		for (const [key, network] of Object.entries(MEDIA_ERRORS)) {
			const error = media[key];
			if (typeof error === 'string' && error)
				errors[network] = errors[network] ? `${errors[network]}; ${error}` : `${error} (${String(media.url)})`;
		}
	}
	return errors;
}

/** A parsed row as Import Posts outputs it: its place in the file, what it says, what is wrong. */
export function rowView(row: IDataObject, index: number): IDataObject {
	const link = row.link as IDataObject | undefined;
	return {
		row: index + 1,
		id: row._id ?? row.id,
		status: row.status,
		scheduleDate: row.scheduleDate,
		summary: row.summary,
		link: link?.url ?? '',
		media: ((row.medias ?? []) as IDataObject[]).map((media) => media.url),
		errors: rowErrors(row),
	};
}

export interface RowCounts extends IDataObject {
	rowsCount: number;
	accepted: number;
	rejected: number;
}

export function countRows(rows: IDataObject[]): RowCounts {
	const live = rows.filter((row) => row.status !== 'deleted');
	const rejected = live.filter(isRejected).length;
	return { rowsCount: live.length, accepted: live.length - rejected, rejected };
}
