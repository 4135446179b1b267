import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodePropertyRouting,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';
import { apiError } from './errors';
import { pathSegment } from './ids';
import { LOCATION_PLACEHOLDER } from './request';
import type { Turn } from './rateLimit';
import { createOnce, effectOfMethod, sendSettings, sendWithRetries, stableJson, withAnswer, type RequestEffect } from './send';
import { cancelSignalOf, getRunConnection, limiterOf, passedHttpErrors } from './transport';

// Per-item cost rule for everything in this file: n8n evaluates every `={{ … }}` of a routed
// description for every item (RoutingNode), so the values that come from the credential or from
// the node's parameters are put into the request by hooks, in code, each parameter read once.

/**
 * First preSend hook of every routed operation: the credential's host, API version and error
 * handling, and its location wherever a path, query or body asks for `{locationId}`.
 */
export async function applyConnection(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const connection = await getRunConnection.call(this);
	if (!connection.locationId) {
		throw new NodeOperationError(this.getNode(), 'No Location ID', {
			description: 'Set the Location ID in the HoopAI API credential, or connect an OAuth2 token of a sub-account (location).',
		});
	}
	requestOptions.baseURL = connection.baseUrl;
	requestOptions.headers = { ...requestOptions.headers, Version: connection.apiVersion };
	requestOptions.ignoreHttpStatusErrors = passedHttpErrors(connection);
	requestOptions.timeout = sendSettings.attemptTimeoutMs;
	requestOptions.url = requestOptions.url.replace(LOCATION_PLACEHOLDER, encodeURIComponent(connection.locationId));
	for (const fields of [requestOptions.qs, requestOptions.body] as Array<IDataObject | undefined>) {
		if (fields && typeof fields === 'object' && fields.locationId === LOCATION_PLACEHOLDER) fields.locationId = connection.locationId;
	}
	return requestOptions;
}

/** The path parameters a request was sent with, for the output hooks of the same item. */
const sentPathValues = new WeakMap<IExecuteSingleFunctions, Record<string, string>>();

/**
 * preSend: fills each `{parameter}` of the URL with that node parameter's value (a resource
 * locator's ID included), checked to be one path segment. `labels` names each parameter as the
 * user sees it, for the error message.
 */
export function fillPath(labels: Record<string, string>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const values: Record<string, string> = {};
		for (const [parameter, label] of Object.entries(labels)) {
			const value = this.getNodeParameter(parameter, undefined, { extractValue: true });
			values[parameter] = pathSegment(this.getNode(), label, value);
			requestOptions.url = requestOptions.url.replace(`{${parameter}}`, encodeURIComponent(values[parameter]));
		}
		sentPathValues.set(this, values);
		return requestOptions;
	};
}

/** The value a path parameter was sent with (filled by `fillPath` for this item). */
export function sentPathValue(context: IExecuteSingleFunctions, parameter: string): string | undefined {
	return sentPathValues.get(context)?.[parameter];
}

export interface ApiOperation {
	/** Method and URL; the URL a plain string with `{locationId}` and `{parameter}` placeholders. */
	request: NonNullable<INodePropertyRouting['request']>;
	/** The URL's `{parameter}` placeholders: node parameter name → the label the user sees. */
	path?: Record<string, string>;
	/** What sending it twice would do, when the method does not say (a POST that only reads). */
	effect?: RequestEffect;
	/** For a delete: the path parameter of what it deletes; the output is `{ deleted: true, id }`. */
	deletes?: string;
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
	/** The pages of a Get Many (it reads Return All and Limit); each page is sent with `sendRouted`. */
	pagination?: Pagination;
}

type Pagination = (
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * The turn of each item's request in flight, by run and item. It ends when the answer is in
 * (`checkResponse`), not when the output hooks are done: they may send requests of their own
 * (Simplify reads the accounts) that must not wait behind a place their own item holds.
 */
const turnsInFlight = new WeakMap<object, Map<number, Turn>>();

function holdTurn(context: IExecuteSingleFunctions, turn: Turn): void {
	const run = context.getExecuteData();
	const turns = turnsInFlight.get(run) ?? new Map<number, Turn>();
	turnsInFlight.set(run, turns);
	turns.set(context.getItemIndex(), turn);
}

function endTurn(context: IExecuteSingleFunctions): void {
	const turns = turnsInFlight.get(context.getExecuteData());
	turns?.get(context.getItemIndex())?.finish();
	turns?.delete(context.getItemIndex());
}

/**
 * First postReceive hook of every routed operation: the location's rate limiter learns from the
 * answer's headers, and an error answer becomes the API's own error (requestDefaults let error
 * answers through so the user sees the API's message and traceId).
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const headers = (response.headers ?? {}) as IDataObject;
	limiterOf(await getRunConnection.call(this)).observe(headers);
	endTurn(this);
	if (response.statusCode < 400) return items;
	throw withAnswer(apiError(this.getNode(), response, this.getItemIndex()), { statusCode: response.statusCode, headers });
}

/**
 * Sends one request of a routed operation (RoutingNode's own request and output hooks) the way
 * every request of the package is sent: paced and retried (send.ts). A create is sent once per
 * item even when n8n's Retry On Fail runs the node again.
 */
export async function sendRouted(
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
	effect: RequestEffect,
	deletes?: string,
): Promise<INodeExecutionData[]> {
	const policy = {
		node: this.getNode(),
		limiter: limiterOf(await getRunConnection.call(this)),
		effect,
		signal: cancelSignalOf(this),
		whenGone: deletes ? async () => deletedOutput(String(this.getNodeParameter(deletes, undefined, { extractValue: true }))) : undefined,
		onTurn: (turn: Turn) => holdTurn(this, turn),
	};
	const send = async () => await sendWithRetries(policy, async () => await this.makeRoutingRequest(resultOptions));
	if (effect !== 'create') return await send();
	const { method, url, qs, body } = resultOptions.options;
	return await createOnce(this.getExecuteData(), `${this.getItemIndex()} ${stableJson({ method, url, qs, body })}`, send);
}

/**
 * Routing of one API operation. Every operation goes through here, so the connection is always
 * applied first, API errors are always mapped by `checkResponse` before any other output
 * handling, and every request goes through `sendRouted`. RoutingNode hands a request to code
 * only as "pagination", so operations with one request use a one-page pagination.
 */
export function apiRouting({ request, path, effect, deletes, preSend = [], postReceive = [], pagination }: ApiOperation): INodePropertyRouting {
	const sendOnce: Pagination = async function (resultOptions) {
		return await sendRouted.call(this, resultOptions, effect ?? effectOfMethod(request.method), deletes);
	};
	return {
		request,
		send: { preSend: [applyConnection, ...(path ? [fillPath(path)] : []), ...preSend], paginate: true },
		output: { postReceive: [checkResponse, ...postReceive, ...(deletes ? [deletedItem(deletes)] : [])] },
		operations: { pagination: pagination ?? sendOnce },
	};
}

/** postReceive: one output item per element of the array at `property` (dot notation). */
export function itemsAt(property: string): PostReceiveAction {
	return { type: 'rootProperty', properties: { property } };
}

function deletedOutput(id: string | undefined): INodeExecutionData[] {
	return [{ json: { deleted: true, id } }];
}

/** postReceive: the output item of a delete, `{ deleted: true, id }` with the ID that was sent. */
function deletedItem(parameter: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return deletedOutput(sentPathValue(this, parameter));
	};
}
