import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyRouting,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';
import { throwApiError } from './errors';
import { LOCATION_PLACEHOLDER } from './request';
import { getConnection } from './transport';

/** First preSend hook of every routed operation: puts the credential's location where asked. */
export async function injectLocation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { locationId } = await getConnection.call(this);
	if (!locationId) {
		throw new NodeOperationError(this.getNode(), 'No Location ID', {
			description: 'Set the Location ID in the HoopAI API credential, or connect an OAuth2 token of a sub-account (location).',
		});
	}
	requestOptions.url = requestOptions.url.replace(LOCATION_PLACEHOLDER, encodeURIComponent(locationId));
	for (const fields of [requestOptions.qs, requestOptions.body] as Array<IDataObject | undefined>) {
		if (fields && typeof fields === 'object' && fields.locationId === LOCATION_PLACEHOLDER) fields.locationId = locationId;
	}
	return requestOptions;
}

export interface ApiOperation {
	request: NonNullable<INodePropertyRouting['request']>;
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
}

/**
 * Routing of one API operation. Every operation goes through here, so the location is always
 * filled in first and API errors are always mapped by `throwApiError` before any other output
 * handling.
 */
export function apiRouting({ request, preSend = [], postReceive = [] }: ApiOperation): INodePropertyRouting {
	return {
		request,
		send: { preSend: [injectLocation, ...preSend] },
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
