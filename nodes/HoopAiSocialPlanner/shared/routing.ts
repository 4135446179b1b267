import type { INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';
import { throwApiError } from './errors';

export interface ApiOperation {
	request: NonNullable<INodePropertyRouting['request']>;
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
}

/**
 * Routing of one API operation. Every operation goes through here so that API errors are
 * always mapped by `throwApiError` before any other output handling.
 */
export function apiRouting({ request, preSend, postReceive = [] }: ApiOperation): INodePropertyRouting {
	return {
		request,
		...(preSend ? { send: { preSend } } : {}),
		output: { postReceive: [throwApiError, ...postReceive] },
	};
}

/**
 * postReceive: one output item per element of the array at `property` (dot notation),
 * optionally only when the `enabled` expression holds.
 */
export function itemsAt(property: string, enabled?: string): PostReceiveAction {
	return { type: 'rootProperty', properties: { property }, ...(enabled ? { enabled } : {}) };
}

/** postReceive: the output item of a delete, `{ deleted: true, id }`. */
export function deletedItem(idExpression: string): PostReceiveAction {
	return { type: 'set', properties: { value: `={{ { "deleted": true, "id": ${idExpression} } }}` } };
}
