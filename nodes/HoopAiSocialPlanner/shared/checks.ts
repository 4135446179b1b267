import { NodeOperationError, type INode, type INodePropertyOptions } from 'n8n-workflow';
import { kindOf, shown } from './ids';

// Checks of values that an expression may give in any type or shape: n8n checks a field's
// value against its type only in the editor, so `{{ $json.x }}` can give an object for a
// dropdown, a text for a number, or a value no option has. Each fails naming the field by its
// label and saying what it allows, before any request.

type Option = Pick<INodePropertyOptions, 'value'>;

/** "a, b or c" */
function oneOf(values: unknown[]): string {
	const texts = values.map((value) => (value === '' ? '(empty)' : String(value)));
	return texts.length > 1 ? `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}` : texts.join('');
}

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : kindOf(value));

/** A dropdown's value, one of its options (`"true"` counts as true, as the editor would store it). */
export function choice<T extends Option['value']>(node: INode, label: string, value: unknown, options: Option[]): T {
	const found = options.find((option) => option.value === value || (typeof value === 'string' && String(option.value) === value));
	if (!found) {
		throw new NodeOperationError(node, `${label}: ${quoted(value)} is not allowed; use ${oneOf(options.map((option) => option.value))}`, {
			description: 'Choose from the list, or check the expression that gives it.',
		});
	}
	return found.value as T;
}

/** A multi-select's values (a list, or comma-separated text from an expression), each one of its options. */
export function choices(node: INode, label: string, value: unknown, options: Option[]): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
	if (!Array.isArray(list)) {
		throw new NodeOperationError(
			node,
			`${label}: ${kindOf(value)} is not a list; use some of ${oneOf(options.map((option) => option.value))}`,
			{
				description: `Choose from the list, or give an array (got ${shown(value)}).`,
			},
		);
	}
	return list.map((item) => choice<string>(node, label, item, options));
}

/** A text field's value: a number becomes its text; nothing is ''; a list, object or boolean fails. */
export function text(node: INode, label: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new NodeOperationError(
		node,
		`${label}: ${kindOf(value)} is not text; give it as text, e.g. one field of the item rather than a whole object or list`,
		{
			description: `Check the expression that gives it (got ${shown(value)}).`,
		},
	);
}

/** A switch from an expression: true or false, also as the text "true" or "false"; `meaning` says what true does. */
export function trueOrFalse(node: INode, label: string, value: unknown, meaning: string): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value)) return value.trim().toLowerCase() === 'true';
	throw new NodeOperationError(node, `${label}: ${shown(value)} is not true or false. Give true ${meaning}, false for all.`);
}

/** A whole number of at least `min` (and at most `max`); a number as text counts. */
export function wholeNumber(node: INode, label: string, value: unknown, min: number, max?: number): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || (max !== undefined && number > max)) {
		const range = max === undefined ? `of ${min} or more` : `from ${min} to ${max}`;
		throw new NodeOperationError(node, `${label}: ${quoted(value)} is not allowed; use a whole number ${range}`);
	}
	return number;
}

/** A public link: http:// or https:// and a host, no spaces. */
export function isLink(value: string): boolean {
	return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value);
}

/** Links given as a list or comma-separated text, each checked. */
export function linkList(node: INode, label: string, value: unknown): string[] {
	const links: string[] = [];
	for (const item of Array.isArray(value) ? value : text(node, label, value).split(',')) {
		const link = text(node, label, item).trim();
		if (link && !isLink(link))
			throw new NodeOperationError(node, `${label}: "${link}" is not a link; give public links (http:// or https://)`);
		if (link) links.push(link);
	}
	return links;
}

/** Whether a value is a Luxon DateTime, as `$now`, `$today` and `DateTime.fromISO()` give (duck-typed: n8n's Luxon is not ours). */
function isLuxonDateTime(value: unknown): value is { toISO: () => string | null; invalidExplanation?: string | null } {
	return typeof value === 'object' && value !== null && (value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true;
}

/** Whether a value is a JS Date, from this realm or another (an expression sandbox). */
function isJsDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

const DATE_FORMS = 'give a date and time as text like 2026-12-01T09:30:00, or from an expression such as {{ $now.plus({ days: 1 }) }}';

/**
 * A date field's value as ISO text, '' when not set. Expressions give text, a Luxon DateTime
 * (`$now.plus(…)`) or a JS Date: the DateTime keeps the offset it carries, a Date is UTC. A number,
 * list, object or boolean fails, and so does an invalid DateTime or Date.
 */
export function dateText(node: INode, label: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (isLuxonDateTime(value)) {
		const iso = value.toISO();
		if (iso) return iso;
		throw new NodeOperationError(
			node,
			`${label}: the expression gives an invalid date (${value.invalidExplanation ?? 'Luxon cannot read it'}); ${DATE_FORMS}`,
		);
	}
	if (isJsDate(value)) {
		if (!Number.isNaN(value.getTime())) return value.toISOString();
		throw new NodeOperationError(node, `${label}: the expression gives an invalid date (Invalid Date); ${DATE_FORMS}`);
	}
	throw new NodeOperationError(node, `${label}: ${kindOf(value)} is not a date; ${DATE_FORMS}`, {
		description: `Pick it in the date picker, or check the expression that gives it (got ${shown(value)}).`,
	});
}
