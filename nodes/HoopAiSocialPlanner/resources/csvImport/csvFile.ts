// HoopAI's CSV template ("basic", the one the spec's error examples name) and a CSV writer for
// it: RFC 4180 quoting, written here so the package keeps no runtime dependency.

/** The columns of the basic template, in its order; the first three must be present. */
export const TEMPLATE_COLUMNS = [
	'postAtSpecificTime (YYYY-MM-DD HH:mm:ss)',
	'content',
	'link (OGmetaUrl)',
	'imageUrls',
	'gifUrl',
	'videoUrls',
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
export type TemplateRow = Partial<Record<TemplateColumn, string>>;

/**
 * Each column in a row's problems, by its header's words ("postAtSpecificTime (YYYY-MM-DD
 * HH:mm:ss)" → "Post At Specific Time"), keyed by the header's first word, which the API's row
 * errors start with ("postAtSpecificTime must be in the future").
 */
export const COLUMN_WORDS: Record<string, string> = {
	postAtSpecificTime: 'Post At Specific Time',
	content: 'Content',
	link: 'Link',
	imageUrls: 'Image URLs',
	gifUrl: 'GIF URL',
	videoUrls: 'Video URLs',
};

/** The template's columns as a message lists them. */
export const TEMPLATE_COLUMNS_TEXT = TEMPLATE_COLUMNS.map((column) => `"${column}"`).join(', ');

/** One cell: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvCell(value: string): string {
	return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows of cells as CSV lines. */
function csvLines(rows: string[][]): string {
	return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The file's text: the template's header row, then one line per row (CRLF, as RFC 4180 has it). */
export function writeCsv(rows: TemplateRow[]): string {
	return csvLines([[...TEMPLATE_COLUMNS], ...rows.map((row) => TEMPLATE_COLUMNS.map((column) => row[column] ?? ''))]);
}

/**
 * A CSV text as rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks;
 * CRLF or LF between rows). A UTF-8 byte order mark is skipped; undefined when a quote is never
 * closed (the API then says what is wrong).
 */
export function parseCsv(text: string): string[][] | undefined {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	for (let index = text.charCodeAt(0) === 0xfeff ? 1 : 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				cell += '"';
				index++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') endCell();
		else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			endCell();
			rows.push(row);
			row = [];
		} else cell += char;
	}
	if (quoted) return undefined;
	if (cell !== '' || row.length) {
		endCell();
		rows.push(row);
	}
	return rows;
}

/** The header row of a CSV file as its cells, trimmed (for messages about columns). */
export function headerCells(text: string): string[] {
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const cells = (parseCsv(firstLine)?.[0] ?? firstLine.split(',')).map((cell) => cell.trim());
	return cells.length === 1 && cells[0] === '' ? [] : cells;
}

/**
 * The file with only the template's columns, when it has others (Google Sheets rows carry
 * `row_number`, which Convert to File writes as a column): undefined when there is nothing to
 * drop or the file cannot be read (it is then sent as it is, and the API says what is wrong).
 */
export function withTemplateColumnsOnly(data: Buffer): { data: Buffer; dropped: string[] } | undefined {
	const rows = parseCsv(data.toString('utf8'));
	if (!rows || rows.length === 0) return undefined;
	const header = rows[0].map((cell) => cell.trim());
	const template: readonly string[] = TEMPLATE_COLUMNS;
	const kept = header.map((name, index) => ({ name, index })).filter(({ name }) => template.includes(name));
	const dropped = header.filter((name) => !template.includes(name));
	if (dropped.length === 0 || kept.length === 0) return undefined;
	const body = rows.slice(1).map((cells) => kept.map((column) => cells[column.index] ?? ''));
	// A sheet's empty row still has its row_number: without it, it is no row at all.
	const text = csvLines([kept.map((column) => column.name), ...body.filter((cells) => cells.some((cell) => cell.trim() !== ''))]);
	return { data: Buffer.from(text, 'utf8'), dropped: dropped.map((name) => name || '(a column without a name)') };
}
