// What n8n's Convert to File node (n8n-nodes-base 2.41, operation "Convert to CSV") makes of
// items, reproduced for tests: it flattens each item's JSON (nested keys joined with "."), lays
// the items out with SheetJS's json_to_sheet (columns in the order keys first appear) and writes
// them with sheet_to_csv: a UTF-8 byte order mark, "\n" between rows and none after the last,
// a cell quoted only when it holds a comma, a "\n" or a quote, numbers in SheetJS's General
// format, booleans as TRUE/FALSE. In .js: it may read the e2e tier's cached n8n (fs, os, path).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function flattenObject(data) {
	const out = {};
	for (const key of Object.keys(data)) {
		const value = data[key];
		if (value !== null && typeof value === 'object') {
			if (value instanceof Date) {
				out[key] = value.toString();
				continue;
			}
			const flat = flattenObject(value);
			for (const inner in flat) if (flat[inner] !== undefined) out[`${key}.${inner}`] = flat[inner];
		} else out[key] = value;
	}
	return out;
}

/** SheetJS's General number format, for the numbers a sheet row holds. */
function general(number) {
	if (Math.abs(number) >= 1e11)
		return number
			.toExponential(5)
			.replace(/\.?0+e/, 'e')
			.replace('e', 'E');
	// General fits a number in 11 characters (the sign aside), dropping digits as needed.
	for (let digits = 11; digits > 1; digits--) {
		const text = String(Number(number.toPrecision(digits)));
		if (text.replace('-', '').length <= 11) return text;
	}
	return String(number);
}

function cellText(value) {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') return general(value);
	return String(value);
}

function quoted(text) {
	return /[,\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV file Convert to File makes of these items' JSON, as bytes. */
function convertToFileCsv(rows) {
	const flat = rows.map(flattenObject);
	const header = [];
	for (const row of flat) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
	const lines = [header, ...flat.map((row) => header.map((key) => cellText(row[key])))].map((cells, index) =>
		cells.map((cell, column) => (index === 0 && column === 0 && cell === 'ID' ? '"ID"' : quoted(cell))).join(','),
	);
	return Buffer.from(`\ufeff${lines.join('\n')}`, 'utf8');
}

/**
 * The same file made by the real thing, when the real-n8n tier's cache holds n8n 2.41.1: its
 * SheetJS and n8n-nodes-base's flattenObject, called as convertJsonToSpreadsheetBinary calls
 * them. Undefined without the cache.
 */
function realConvertToFileCsv(rows) {
	const cache = process.env.HOOPAI_E2E_CACHE || path.join(os.homedir(), '.cache', 'hoopai-n8n-e2e');
	const modules = path.join(cache, 'n8n-2.41.1', 'node_modules');
	if (
		!fs.existsSync(path.join(modules, '@e965', 'xlsx')) ||
		!fs.existsSync(path.join(modules, 'n8n-nodes-base', 'dist', 'utils', 'utilities.js'))
	)
		return undefined;
	const xlsx = require(path.join(modules, '@e965', 'xlsx'));
	const { flattenObject: n8nFlatten } = require(path.join(modules, 'n8n-nodes-base', 'dist', 'utils', 'utilities.js'));
	const sheet = xlsx.utils.json_to_sheet(rows.map(n8nFlatten));
	return xlsx.write({ SheetNames: ['Sheet'], Sheets: { Sheet: sheet } }, { bookType: 'csv', bookSST: false, type: 'buffer' });
}

module.exports = { convertToFileCsv, realConvertToFileCsv };
