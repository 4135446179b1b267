import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { NETWORKS, platformName } from '../../networks';
import { accountLabel } from '../../shared/accounts';
import { localIso } from '../../shared/dates';
import type { AccountDirectory } from '../post/simplify';
import { COLUMN_WORDS } from './csvFile';

// One shape for an import, the same from Get and Import Posts: first how many rows were rejected
// and why (in the template's column words), then the counts, the import, and its rows.

/** Per-network error keys of a row's media (CSVMediaResponseSchema, in the networks' modules), as the platform; '' for `invalidError`. */
const MEDIA_ERRORS: Record<string, string> = {
	...Object.fromEntries(NETWORKS.flatMap((network) => (network.csvMediaError ? [[network.csvMediaError, network.platform]] : []))),
	invalidError: '',
};

/** A row's status in plain words (CSVPostSchema: pending, accepted, rejected, deleted). */
const ROW_STATUS: Record<string, string> = {
	pending: 'waiting to be imported',
	accepted: 'accepted',
	rejected: 'rejected',
	deleted: 'deleted',
};

/** An import's status in plain words (CSVImportSchema's enum). */
const IMPORT_STATUS: Record<string, string> = {
	pending: 'waiting to be imported',
	in_review: 'in review',
	in_progress: 'importing',
	importing: 'importing',
	completed: 'imported',
	failed: 'failed',
	deleted: 'deleted',
};

/** How many rejected rows a message lists before "and N more". */
const LISTED_IN_MESSAGES = 20;

/** A row HoopAI will not schedule. */
export function isRejected(row: IDataObject): boolean {
	return row.status === 'rejected' || Boolean(row.errorMessage);
}

/** The column a media link came from, by its type. */
function mediaColumn(media: IDataObject): string {
	const type = String(media.type ?? '');
	if (type === 'image/gif') return COLUMN_WORDS.gifUrl;
	return type.startsWith('video/') ? COLUMN_WORDS.videoUrls : COLUMN_WORDS.imageUrls;
}

const VERB = /^(must|should|is|are|has|have|cannot|can't|needs?|does|was)\b/;

/** One of the API's row errors in the template's column words: "postAtSpecificTime must be…" → "Post At Specific Time: must be…". */
function inColumnWords(error: string): string {
	for (const [key, words] of Object.entries(COLUMN_WORDS)) {
		const rest = error.slice(key.length + 1);
		if (error.startsWith(`${key} `) && VERB.test(rest)) return `${words}: ${rest}`;
	}
	const named = error.replace(/\b(postAtSpecificTime|imageUrls|gifUrl|videoUrls)\b/g, (key) => COLUMN_WORDS[key]);
	return named.charAt(0).toUpperCase() + named.slice(1);
}

/** The API's own error fields of a row, as it sent them: its message, its media's and its link's. */
function apiErrorsOf(row: IDataObject): IDataObject {
	const medias = ((row.medias ?? []) as IDataObject[])
		.map((media) => ({
			url: media.url,
			...Object.fromEntries(
				Object.keys(MEDIA_ERRORS).flatMap((key) => (typeof media[key] === 'string' && media[key] ? [[key, media[key]]] : [])),
			),
		}))
		.filter((media) => Object.keys(media).length > 1);
	const linkError = (row.link as IDataObject | undefined)?.error;
	return {
		...(typeof row.errorMessage === 'string' && row.errorMessage ? { errorMessage: row.errorMessage } : {}),
		...(medias.length ? { medias } : {}),
		...(typeof linkError === 'string' && linkError ? { linkError } : {}),
	};
}

/**
 * What is wrong with a row, each problem naming its column as the template's header words do,
 * a media problem its link and network. A part of the row's message that repeats a media error
 * is left to the media's, which names the column.
 */
export function rowProblems(row: IDataObject): string[] {
	const media: string[] = [];
	const mediaErrors: string[] = [];
	for (const item of (row.medias ?? []) as IDataObject[]) {
		for (const [key, platform] of Object.entries(MEDIA_ERRORS)) {
			const error = item[key];
			if (typeof error !== 'string' || !error) continue;
			const network = platform ? platformName(platform) : '';
			mediaErrors.push(error);
			media.push(`${mediaColumn(item)} (${String(item.url)}): ${network && !error.includes(network) ? `${network}: ` : ''}${error}`);
		}
	}
	const message = typeof row.errorMessage === 'string' ? row.errorMessage : '';
	const own = message
		.split(/;\s*/)
		.map((part) => part.trim())
		.filter((part) => part && !mediaErrors.some((error) => part.includes(error)))
		.map(inColumnWords);
	const linkError = (row.link as IDataObject | undefined)?.error;
	const link = typeof linkError === 'string' && linkError ? [`${COLUMN_WORDS.link}: ${linkError}`] : [];
	return [...own, ...media, ...link];
}

/** A parsed row as Get and Import Posts output it: its place in the file, its status, what is wrong, what it says. */
function rowView(row: IDataObject, index: number, zone: string): IDataObject {
	const link = (row.link as IDataObject | undefined)?.url;
	const scheduledAt = localIso(row.scheduleDate, zone);
	const status = isRejected(row) ? 'rejected' : String(row.status ?? '');
	return {
		row: index + 1,
		status: ROW_STATUS[status] ?? status,
		problems: rowProblems(row),
		content: row.summary ?? '',
		...(scheduledAt ? { scheduledAt } : {}),
		...(link ? { link } : {}),
		media: ((row.medias ?? []) as IDataObject[]).map((media) => media.url),
		id: row._id ?? row.id,
		...(row.postId ? { postId: row.postId } : {}),
		apiErrors: apiErrorsOf(row),
	};
}

/** "Row 3 — Post At Specific Time: must be in the future": a rejected row as the output and messages list it. */
function rejection(view: IDataObject): string {
	const problems = view.problems as string[];
	return `Row ${String(view.row)} — ${problems.length ? problems.join('; ') : 'HoopAI gave no reason'}`;
}

export interface ImportCounts {
	rowsCount: number;
	accepted: number;
	rejected: number;
	waiting: number;
}

export function countRows(rows: IDataObject[]): ImportCounts {
	const live = rows.filter((row) => row.status !== 'deleted');
	const rejected = live.filter(isRejected).length;
	const accepted = live.filter((row) => !isRejected(row) && row.status === 'accepted').length;
	return { rowsCount: live.length, accepted, rejected, waiting: live.length - rejected - accepted };
}

export interface ImportView {
	json: IDataObject;
	counts: ImportCounts;
	rejections: string[];
}

/**
 * An import with its rows, as one item: the rejected rows with their reasons first, then the
 * counts, the import (accounts by name) and every row. `more` adds what only Import Posts knows
 * (the columns it dropped).
 */
export function importView(
	csvId: string,
	csv: IDataObject,
	rows: IDataObject[],
	accounts: AccountDirectory,
	zone: string,
	more: IDataObject = {},
): ImportView {
	const views = rows.filter((row) => row.status !== 'deleted').map((row, index) => rowView(row, index, zone));
	const rejections = views.filter((view) => view.status === 'rejected').map(rejection);
	const counts = countRows(rows);
	const status = String(csv.status ?? '');
	const accountIds = ((csv.accountIds ?? []) as string[]).map(String);
	const json = {
		rejected: counts.rejected,
		rejections,
		rowsCount: counts.rowsCount,
		accepted: counts.accepted,
		waiting: counts.waiting,
		csvId,
		fileName: csv.fileName ?? '',
		status: IMPORT_STATUS[status] ?? status,
		accounts: accountIds.map((id) => accountLabel(accounts[id] ?? { name: id })).join(', '),
		...more,
		rows: views,
	};
	return { json, counts, rejections };
}

/** The rejected rows as a message lists them: up to 20, then how many more. */
export function rejectionsText(rejections: string[]): string {
	const more = rejections.length - LISTED_IN_MESSAGES;
	return `${rejections.slice(0, LISTED_IN_MESSAGES).join('. ')}${more > 0 ? `. And ${more} more rejected rows` : ''}.`;
}

/** "1 of 3 rows was rejected". */
function rejectedCount({ rejected, rowsCount }: ImportCounts): string {
	return `${rejected} of ${rowsCount} ${rowsCount === 1 ? 'row' : 'rows'} ${rejected === 1 ? 'was' : 'were'} rejected`;
}

/** What to do about rejected rows, by what became of the others. */
function whatToDo(csvId: string, { accepted, waiting }: ImportCounts): string {
	if (accepted > 0)
		return `The other ${accepted === 1 ? 'row was' : `${accepted} rows were`} scheduled: fix these rows and import only them again.`;
	const finalize = waiting > 0 ? `, or Finalize it to schedule the ${waiting} other ${waiting === 1 ? 'row' : 'rows'}` : '';
	return `Nothing was scheduled; the import waits in HoopAI (CSV Import ID ${csvId}). Fix these rows in the file and import it again${finalize}.`;
}

/**
 * Fail When Any Row Is Rejected: the item fails, saying how many rows were rejected, each with
 * its reason, and what to do.
 */
export function rejectedRowsError(node: INode, csvId: string, view: ImportView, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`Fail When Any Row Is Rejected: ${rejectedCount(view.counts)}. ${rejectionsText(view.rejections)} ${whatToDo(csvId, view.counts)}`,
		{
			description: 'Turn Fail When Any Row Is Rejected off to get the import’s rows, the rejected ones among them, as the output instead.',
			itemIndex,
		},
	);
}

/** The execution hint when rows were rejected and the item still succeeds. */
export function rejectedRowsHint(view: ImportView): string {
	return `${rejectedCount(view.counts)}: ${rejectionsText(view.rejections.slice(0, 3))}${view.rejections.length > 3 ? ' See rejections in the output.' : ''}`;
}
