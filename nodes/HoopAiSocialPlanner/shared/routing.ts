import {
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodePropertyRouting,
	type PostReceiveAction,
	type PreSendAction,
} from 'n8n-workflow';
import { apiError, withFix, type ApiErrorFix } from './errors';
import { pathSegment, type IdSource } from './ids';
import { runOf, scopeOfItem } from './run';
import { createOnce, effectOfMethod, fillLocation, send, stableJson, type ApiResponse, type RequestEffect } from './send';
import { valueAt } from './values';

// Per-item cost rule for everything in this file: n8n evaluates every `={{ … }}` of a routed
// description for every item (RoutingNode), so the values that come from the credential or from
// the node's parameters are put into the request by hooks, in code, each parameter read once.

/**
 * First preSend hook of every routed operation: the host and API version of the item's location
 * scope, and its location wherever a path, query or body asks for `{locationId}`.
 */
export async function applyConnection(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const scope = await scopeOfItem(this);
	requestOptions.baseURL = scope.connection.baseUrl;
	requestOptions.headers = { ...requestOptions.headers, Version: scope.connection.apiVersion };
	fillLocation(requestOptions, scope.locationId);
	return requestOptions;
}

/**
 * preSend: fills each `{parameter}` of the URL with that node parameter's value (a resource
 * locator's ID included), checked to be one path segment. `labels` names each parameter as the
 * user sees it, for the error message.
 */
export function fillPath(labels: Record<string, PathField>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const values: Record<string, string> = {};
		for (const [parameter, field] of Object.entries(labels)) {
			const value = this.getNodeParameter(parameter, undefined, { extractValue: true });
			const { label, source } = typeof field === 'string' ? { label: field, source: undefined } : field;
			values[parameter] = pathSegment(this.getNode(), label, value, source);
			requestOptions.url = requestOptions.url.replace(`{${parameter}}`, encodeURIComponent(values[parameter]));
		}
		runOf(this).sentPaths.set(this.getItemIndex(), values);
		return requestOptions;
	};
}

/** The value a path parameter of this item was sent with (filled by `fillPath`). */
export function sentPathValue(context: IExecuteSingleFunctions, parameter: string): string | undefined {
	return runOf(context).sentPaths.get(context.getItemIndex())?.[parameter];
}

/**
 * A path parameter's field: its label (a field with a list: Post, Queue…), or its label and where
 * its IDs come from (a plain text ID field), for the messages of a wrong value.
 */
export type PathField = string | { label: string; source: IdSource };

export interface ApiOperation {
	/** Method and URL; the URL a plain string with `{locationId}` and `{parameter}` placeholders. */
	request: NonNullable<INodePropertyRouting['request']>;
	/** The URL's `{parameter}` placeholders: node parameter name → the label the user sees. */
	path?: Record<string, PathField>;
	/** What sending it twice would do, when the method does not say (a POST that only reads). */
	effect?: RequestEffect;
	/** For a delete: the path parameter of what it deletes; the output is `{ deleted: true, id }`. */
	deletes?: string;
	/** Refusals of the API this operation is known to meet, each with what to do (added to the API's message). */
	fixes?: ApiErrorFix[];
	preSend?: PreSendAction[];
	/** The output hooks, in order: functions of (items, answer), run by `sendRouted`. */
	postReceive?: OutputHook[];
	/** The pages of a Get Many (it reads Return All and Limit); each page is sent with `sendRouted`. */
	pagination?: Pagination;
}

/** An output hook: n8n's postReceive function (apiRouting declares no declarative routing actions). */
export type OutputHook = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: ApiResponse,
) => Promise<INodeExecutionData[]>;

type Pagination = (
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** A delete resent after an attempt that may have arrived, answered 404: it was deleted. */
const goneAnswer = async (): Promise<ApiResponse> => ({ statusCode: 200, body: {}, headers: {} });

/** The operation's output hooks run on an answer, as n8n's RoutingNode runs them. */
async function outputOf(
	this: IExecutePaginationFunctions,
	answer: ApiResponse,
	postReceive: DeclarativeRestApiSettings.ResultOptions['postReceive'],
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: answer.body }];
	for (const { actions } of postReceive) {
		// Functions only: apiRouting takes OutputHooks.
		for (const hook of actions as unknown as OutputHook[]) items = await hook.call(this, items, answer);
	}
	// Paired with the item they came from (RoutingNode pairs nothing, and n8n guesses only when the
	// counts match): a later node's $('…').item finds, e.g., the client a list of accounts was read for.
	const pairedItem = { item: this.getItemIndex() };
	return items.map((item) => (item.pairedItem === undefined ? { ...item, pairedItem } : item));
}

/**
 * Sends one request of a routed operation, as RoutingNode has built it and its preSend hooks have
 * filled it, through the package's one send path (send.ts): to the item's location scope, paced
 * and retried. An error answer becomes the API's own error; else the operation's output hooks
 * run on it. A create is sent once per item even when n8n's Retry On Fail runs the node again.
 */
export async function sendRouted(
	this: IExecutePaginationFunctions,
	resultOptions: DeclarativeRestApiSettings.ResultOptions,
	effect: RequestEffect,
	{ deletes, fixes }: Pick<ApiOperation, 'deletes' | 'fixes'> = {},
): Promise<INodeExecutionData[]> {
	const scope = await scopeOfItem(this);
	const request = async () => {
		// The routing's URL is always set (routing.request.url).
		const answer = await send(this, scope, resultOptions.options as IHttpRequestOptions, {
			effect,
			whenGone: deletes ? goneAnswer : undefined,
		});
		if (answer.statusCode >= 400) throw withFix(apiError(this.getNode(), answer, this.getItemIndex()), fixes);
		return await outputOf.call(this, answer, resultOptions.postReceive);
	};
	if (effect !== 'create') return await request();
	const { method, url, qs, body } = resultOptions.options;
	return await createOnce(runOf(this), `${this.getItemIndex()} ${stableJson({ method, url, qs, body })}`, request);
}

/**
 * Routing of one API operation. Every operation goes through here, so the connection is always
 * applied first and every request goes through `sendRouted`. RoutingNode hands a request to code
 * only as "pagination", so operations with one request use a one-page pagination.
 */
export function apiRouting({
	request,
	path,
	effect,
	deletes,
	fixes,
	preSend = [],
	postReceive = [],
	pagination,
}: ApiOperation): INodePropertyRouting {
	const sendOnce: Pagination = async function (resultOptions) {
		return await sendRouted.call(this, resultOptions, effect ?? effectOfMethod(request.method), { deletes, fixes });
	};
	return {
		request,
		send: { preSend: [applyConnection, ...(path ? [fillPath(path)] : []), ...preSend], paginate: true },
		output: { postReceive: [...postReceive, ...(deletes ? [deletedItem(deletes)] : [])] as PostReceiveAction[] },
		operations: { pagination: pagination ?? sendOnce },
	};
}

/** postReceive: one output item per element of the array at `property` (dot notation). */
export function itemsAt(property: string): OutputHook {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		return items.flatMap((item) => {
			const found = valueAt(item.json, property);
			return (Array.isArray(found) ? found : [found]).map((json) => ({ json: json as IDataObject }));
		});
	};
}

/** postReceive: the output item of a delete, `{ deleted: true, id }` with the ID that was sent. */
function deletedItem(parameter: string): OutputHook {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return [{ json: { deleted: true, id: sentPathValue(this, parameter) } }];
	};
}
