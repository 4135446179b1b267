import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * An ID that goes into a URL path, checked to be exactly one path segment: a value such as
 * `../x` or `a/b` (often a wrong expression) would otherwise address another endpoint.
 */
export function pathSegment(node: INode, label: string, value: unknown): string {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!id) {
		throw new NodeOperationError(node, `${label}: no ID given`, {
			description: `Choose the ${label.toLowerCase()} from the list, or give its ID (got ${JSON.stringify(value ?? null)}).`,
		});
	}
	if (/[/\\]/.test(id) || id.includes('..')) {
		throw new NodeOperationError(node, `${label}: "${id}" is not an ID`, {
			description: 'An ID contains no "/", "\\" or "..". Check the expression that gives it.',
		});
	}
	return id;
}
