import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { dateText, linkList, text } from '../../shared/checks';
import { describeDateTime, isValidTimeZone, localIso, toUtcIso } from '../../shared/dates';
import { asNodeError, withRoutes } from '../../shared/execute';
import { mediaTypeFromUrl } from '../../shared/media';
import { writeCsv, type TemplateRow } from './csvFile';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['buildCsv'] };

export const csvBuildDescription: INodeProperties[] = [
	{
		displayName:
			'Turns every input item into one row of HoopAI’s CSV template, in one file for Upload or Import Posts. From a spreadsheet, map its columns here (Google Sheets → Get Rows, or a file read with Extract From File). First comments and per-network settings are not part of the template: use Post → Create for those posts.',
		name: 'buildNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Date and Time',
		name: 'dateTime',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		placeholder: 'e.g. {{ $json.date }}',
		description:
			'When the row’s post goes out, e.g. 2026-12-01 09:30 or 2026-12-01T09:30:00+01:00. A time that does not say its own zone is read in the Timezone below.',
	},
	{
		displayName: 'Text',
		name: 'csvText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. {{ $json.text }}',
		description: 'The post’s text; quotes, commas, line breaks and emoji are kept as they are',
	},
	{
		displayName: 'Timezone Name or ID',
		name: 'csvTimezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		allowArbitraryValues: true,
		default: '',
		displayOptions: { show },
		description:
			'The timezone of Date and Time (a date that says its own, e.g. 09:30+02:00, keeps it); by default the workflow’s. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Media URLs',
		name: 'mediaUrls',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. {{ $json.image }}',
		description: 'Public links of the row’s images, GIFs and videos (a list, or comma-separated); the file extension tells which',
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'e.g. https://example.com/menu',
		description: 'A link whose preview (title, image) the post shows',
	},
	{
		displayName: 'Options',
		name: 'buildOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: 'posts.csv',
				description: 'The name of the file, as HoopAI will show the import',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The name of the output binary field to put the file in',
			},
			{
				displayName: 'Times in the File Are In',
				name: 'fileTimezone',
				type: 'string',
				default: 'UTC',
				description:
					'The timezone the file’s times are written in (the template’s times do not say theirs). HoopAI reads them in UTC; change it only if your HoopAI account reads them in another.',
			},
		],
	},
];

const TEMPLATE_TIME = 'YYYY-MM-DD HH:mm:ss';

/** The row's time on the file's clock, as the template writes it. */
function templateTime(context: IExecuteFunctions, row: number, value: string, zone: string, fileZone: string): string {
	const utc = value ? toUtcIso(value, zone) : undefined;
	if (!utc) {
		throw new NodeOperationError(
			context.getNode(),
			`Date and Time: row ${row}: ${value ? `"${value}" is not a date and time` : 'no date given'}; write it like 2026-12-01 09:30 or 2026-12-01T09:30:00+01:00`,
			{
				description: `A time without its own zone is read in ${zone}. The file writes it as ${TEMPLATE_TIME}.`,
			},
		);
	}
	// HoopAI rejects a row whose time has passed: refused here, naming the row, before a file is made.
	if (Date.parse(utc) <= Date.now()) {
		throw new NodeOperationError(
			context.getNode(),
			`Date and Time: row ${row}: ${describeDateTime(value, zone)} is in the past; choose a future date and time`,
			{ description: 'HoopAI’s import schedules every row for later and rejects the rows whose time has passed.' },
		);
	}
	return String(localIso(utc, fileZone)).slice(0, 19).replace('T', ' ');
}

/** The template's media columns: each link by the kind its extension names (unknown: image). */
function mediaColumns(urls: string[]): TemplateRow {
	const typed = urls.map((url) => ({ url: url.replace(/,/g, '%2C'), type: mediaTypeFromUrl(url) ?? 'image/jpeg' }));
	const column = (wanted: (type: string) => boolean) =>
		typed
			.filter(({ type }) => wanted(type))
			.map(({ url }) => url)
			.join(',');
	return {
		imageUrls: column((type) => type.startsWith('image/') && type !== 'image/gif'),
		gifUrl: column((type) => type === 'image/gif'),
		videoUrls: column((type) => type.startsWith('video/')),
	};
}

/** One item as a template row; fails naming the field and the row (the item's number). */
function rowOf(context: IExecuteFunctions, itemIndex: number, fileZone: string): TemplateRow {
	const node = context.getNode();
	const row = itemIndex + 1;
	const zone =
		text(node, `Timezone Name or ID: row ${row}`, context.getNodeParameter('csvTimezone', itemIndex, '')).trim() || context.getTimezone();
	if (!isValidTimeZone(zone))
		throw new NodeOperationError(
			node,
			`Timezone Name or ID: row ${row}: "${zone}" is not a timezone; use a timezone name such as Europe/Berlin`,
		);
	const when = dateText(context.getNode(), `Date and Time: row ${row}`, context.getNodeParameter('dateTime', itemIndex, ''));
	const content = text(node, `Text: row ${row}`, context.getNodeParameter('csvText', itemIndex, ''));
	const urls = linkList(node, `Media URLs: row ${row}`, context.getNodeParameter('mediaUrls', itemIndex, ''));
	const link = linkList(node, `Link: row ${row}`, context.getNodeParameter('link', itemIndex, ''));
	if (link.length > 1) throw new NodeOperationError(node, `Link: row ${row}: ${link.length} links; give one link`);
	if (!content.trim() && urls.length === 0) {
		throw new NodeOperationError(node, `Text: row ${row}: the row has no text and no media; give the post a text, Media URLs or both`, {
			description: 'Every post needs text, media or both.',
		});
	}
	return {
		'postAtSpecificTime (YYYY-MM-DD HH:mm:ss)': templateTime(context, row, when, zone, fileZone),
		content,
		'link (OGmetaUrl)': link[0] ?? '',
		...mediaColumns(urls),
	};
}

/**
 * Build CSV from Items runs once for all input items: one file, one row per item. With Continue
 * On Fail a bad row becomes an error item and the file holds the others.
 */
const buildCsvFile = withRoutes(async function buildCsvFile(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const options = this.getNodeParameter('buildOptions', 0, {}) as IDataObject;
	const fileName = text(node, 'Options → File Name', options.fileName ?? 'posts.csv').trim() || 'posts.csv';
	const field = text(node, 'Options → Put Output File in Field', options.binaryPropertyName ?? 'data').trim() || 'data';
	const fileZone = text(node, 'Options → Times in the File Are In', options.fileTimezone ?? 'UTC').trim() || 'UTC';
	if (!isValidTimeZone(fileZone))
		throw new NodeOperationError(
			node,
			`Options → Times in the File Are In: "${fileZone}" is not a timezone; use a timezone name such as UTC or Europe/Berlin`,
		);
	const rows: TemplateRow[] = [];
	const refused: INodeExecutionData[] = [];
	const pairedItem: Array<{ item: number }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			rows.push(rowOf(this, itemIndex, fileZone));
			pairedItem.push({ item: itemIndex });
		} catch (error) {
			const nodeError = asNodeError(node, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			refused.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	if (rows.length === 0) return [refused];
	const binary = await this.helpers.prepareBinaryData(Buffer.from(writeCsv(rows), 'utf8'), fileName, 'text/csv');
	return [[{ json: { fileName, rowsCount: rows.length }, binary: { [field]: binary }, pairedItem }, ...refused]];
}, []);

export const buildCsv: Operation = {
	// No request: one file for all items.
	option: {
		name: 'Build CSV From Items',
		value: 'buildCsv',
		action: 'Build a CSV file from items',
		description: 'Turn the input items (e.g. a sheet’s rows) into a CSV file in HoopAI’s template, for Upload or Import Posts',
	},
	run: buildCsvFile,
};
