import { NodeOperationError, type INode } from 'n8n-workflow';

// No ID of the API holds these: a path separator, an escape (a "%2F" may be decoded to "/" on
// the way), a parent step or a space. Such a value is a wrong expression, not an ID.
const NOT_IN_AN_ID = /[/\\%\s]|\.\./;

/** What a value that is not text is, for a message: "an object", "a list", "true". */
export function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null || value === undefined) return 'nothing';
	if (typeof value === 'object') return 'an object';
	return String(value);
}

/** The value as the expression gave it, shortened, for a description. */
export function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Where a plain text ID field's IDs come from, as a message tells the user to give it, e.g. "the
 * sessionId that Queue Edit Session → Start returned". A field with a list has none: its messages
 * say to choose from the list.
 */
export type IdSource = string | undefined;

/** What to do about an ID field, at the end of its messages. */
function whatToGive(source: IdSource): string {
	return source ? `give ${source}` : 'choose it from the list, or give its ID';
}

/** One ID as text, trimmed; '' when none is given. Fails for a value that cannot be an ID. */
function oneId(node: INode, label: string, value: unknown, source: IdSource): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value >= 0) return String(value);
		throw new NodeOperationError(node, `${label}: the number ${value} is not an ID; give the ID as text`, {
			description: 'A large number has already lost digits, e.g. a network’s ID read from JSON as a number.',
		});
	}
	if (typeof value !== 'string') {
		throw new NodeOperationError(node, `${label}: ${kindOf(value)} is not an ID; ${whatToGive(source)}`, {
			description: `An ID is text, e.g. 65f1c7e2a4b5c6d7e8f90123. Check the expression that gives it (got ${shown(value)}).`,
		});
	}
	const id = value.trim();
	if (NOT_IN_AN_ID.test(id)) {
		throw new NodeOperationError(node, `${label}: "${id}" is not an ID; ${whatToGive(source)} (with no "/", "\\", "%", ".." or spaces)`, {
			description:
				'Such a value is usually a wrong expression, e.g. a path or a whole link instead of the ID. Check the expression that gives it.',
		});
	}
	return id;
}

/**
 * An ID that goes into a URL path, checked to be exactly one path segment: a value such as
 * `../x` or `a/b` (often a wrong expression) would otherwise address another endpoint.
 */
export function pathSegment(node: INode, label: string, value: unknown, source?: IdSource): string {
	const id = oneId(node, label, value, source);
	if (!id) {
		throw new NodeOperationError(node, `${label}: no ID given; ${whatToGive(source)}`, {
			description: `The expression gave ${JSON.stringify(value ?? null)}.`,
		});
	}
	return id;
}

/** An optional ID for a body or query field: '' when none is given. */
export function optionalId(node: INode, label: string, value: unknown, source?: IdSource): string {
	return oneId(node, label, value, source);
}

/** IDs given as a list or as comma-separated text (expressions often give either), each checked. */
export function idList(node: INode, label: string, value: unknown, source?: IdSource): string[] {
	if (typeof value === 'string')
		return value
			.split(',')
			.map((id) => oneId(node, label, id, source))
			.filter(Boolean);
	if (Array.isArray(value)) return value.map((id) => oneId(node, label, id, source)).filter(Boolean);
	if (value === undefined || value === null || typeof value === 'number') return [oneId(node, label, value, source)].filter(Boolean);
	throw new NodeOperationError(
		node,
		`${label}: ${kindOf(value)} is not a list of IDs; give an array of IDs, or the IDs as comma-separated text`,
		{
			description: `The expression gave ${shown(value)}.`,
		},
	);
}
