import {
	NodeHelpers,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteFunctions,
	type IExecutePaginationFunctions,
	type IGetNodeParameterOptions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodePropertyRouting,
	type NodeConnectionType,
	type INodeTypeDescription,
	type PreSendAction,
} from 'n8n-workflow';
import type { CustomOperation } from '../resources/resource';
import { asNodeError } from './execute';
import { pause } from './pause';
import { requestDefaults } from './request';

// Why the node runs its routed operations itself instead of n8n's RoutingNode: RoutingNode turns
// any error a preSend hook throws into a NodeApiError with HTTP code "none", so an input check
// that sent nothing reached n8n (and an AI agent) as the API's fault. Here a check's
// NodeOperationError stays what it is. Everything else is as RoutingNode does it: the request
// from requestDefaults and the routing's request, the hooks in order, the operation's pagination
// (which sends through sendRouted), the preSend hooks of the fields shown (Limit, Search), n8n's
// Request Options, and Continue On Fail per item.

/** The context a routed operation's hooks get for one item (n8n's IExecuteSingleFunctions), made from the node's. */
function itemContext(context: IExecuteFunctions, itemIndex: number): IExecutePaginationFunctions {
	const single = {
		getItemIndex: () => itemIndex,
		getNodeParameter: (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) =>
			context.getNodeParameter(name, itemIndex, fallback, options),
		getInputData: (inputIndex = 0, connectionType?: NodeConnectionType) => context.getInputData(inputIndex, connectionType)[itemIndex],
		evaluateExpression: (expression: string) => context.evaluateExpression(expression, itemIndex),
	};
	// The node's context underneath: its getNode, helpers, execute data (the run state's key), hints…
	return Object.assign(Object.create(context) as object, single) as unknown as IExecutePaginationFunctions;
}

/** n8n's Request Options (it adds them to every declarative node), as RoutingNode reads them. */
interface RequestSettings {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	proxy?: string;
	allowUnauthorizedCerts?: boolean;
}

/** The request an item starts from: requestDefaults, then the routing's method, URL, query and body (copies: hooks fill them). */
function startingRequest(routing: INodePropertyRouting, settings: RequestSettings): DeclarativeRestApiSettings.HttpRequestOptions {
	const { headers, ...defaults } = requestDefaults;
	const request = structuredClone(routing.request ?? {}) as IHttpRequestOptions;
	const options: DeclarativeRestApiSettings.HttpRequestOptions = {
		...defaults,
		...request,
		headers: { ...headers, ...request.headers },
		qs: { ...(request.qs as IDataObject) },
		body: { ...(request.body as IDataObject) },
	};
	if (settings.allowUnauthorizedCerts) options.skipSslCertificateValidation = true;
	if (settings.proxy) {
		const proxy = new URL(settings.proxy);
		options.proxy = {
			host: proxy.hostname,
			port: Number(proxy.port),
			protocol: proxy.protocol.replace(/:$/, '') || undefined,
			...(proxy.username ? { auth: { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) } } : {}),
		};
	}
	return options;
}

/**
 * The preSend hooks of an item: the operation's, then those of the node's fields that are shown
 * and route themselves (RoutingNode's order: the Operation field comes before them).
 */
function hooksOf(routing: INodePropertyRouting, description: INodeTypeDescription, context: IExecuteFunctions): PreSendAction[] {
	const node = context.getNode();
	const fields = description.properties.filter(
		(property) =>
			property.name !== 'operation' &&
			property.routing?.send?.preSend &&
			NodeHelpers.displayParameter(node.parameters, property, node, description),
	);
	return [...(routing.send?.preSend ?? []), ...fields.flatMap((field) => field.routing?.send?.preSend ?? [])];
}

/** One item of a routed operation: its request built by the hooks, then sent by its pagination. */
async function runItem(
	this: IExecutePaginationFunctions,
	routing: INodePropertyRouting,
	preSend: PreSendAction[],
	settings: RequestSettings,
) {
	let options = startingRequest(routing, settings);
	for (const hook of preSend) options = (await hook.call(this, options as IHttpRequestOptions)) as typeof options;
	const resultOptions: DeclarativeRestApiSettings.ResultOptions = {
		options,
		preSend,
		postReceive: routing.output?.postReceive ? [{ data: { parameterValue: undefined }, actions: routing.output.postReceive }] : [],
		paginate: true,
		requestOperations: routing.operations,
	};
	// apiRouting gives every operation its pagination, the one place its requests are sent.
	const pagination = routing.operations?.pagination as (
		this: IExecutePaginationFunctions,
		resultOptions: DeclarativeRestApiSettings.ResultOptions,
	) => Promise<INodeExecutionData[]>;
	return await pagination.call(this, resultOptions);
}

/** The custom operation that runs a routed operation's declaration (apiRouting), item by item. */
function runRouted(routing: INodePropertyRouting, description: INodeTypeDescription): CustomOperation {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const preSend = hooksOf(routing, description, this);
		const settings = this.getNodeParameter('requestOptions', 0, {}) as RequestSettings;
		const batchSize = Number(settings.batching?.batch?.batchSize ?? 0);
		const batchInterval = Number(settings.batching?.batch?.batchInterval ?? 0);
		// Every item's requests start at once, as RoutingNode starts them (the location's limiter paces them).
		const runs: Array<Promise<INodeExecutionData[]>> = [];
		const count = this.getInputData().length;
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			if (itemIndex > 0 && batchSize > 0 && batchInterval > 0 && itemIndex % batchSize === 0) await pause(batchInterval);
			const run = runItem.call(itemContext(this, itemIndex), routing, preSend, settings);
			// Read below, once all have settled; not an unhandled rejection while a batch waits.
			run.catch(() => undefined);
			runs.push(run);
		}
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, result] of (await Promise.allSettled(runs)).entries()) {
			if (result.status === 'fulfilled') {
				output.push(...result.value.map((item) => ({ ...item, pairedItem: { item: itemIndex } })));
				continue;
			}
			const nodeError = asNodeError(this.getNode(), result.reason, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } });
		}
		return [output];
	};
}

/**
 * The node's customOperations: those that run in code, and every routed operation of its
 * description, run by runRouted (n8n then never hands the node to RoutingNode).
 */
export function withRoutedOperations(
	description: INodeTypeDescription,
	inCode: Record<string, Record<string, CustomOperation>>,
): Record<string, Record<string, CustomOperation>> {
	const operations: Record<string, Record<string, CustomOperation>> = {};
	for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				const value = String(option.value);
				const run = inCode[resource]?.[value] ?? (option.routing ? runRouted(option.routing, description) : undefined);
				if (run) operations[resource] = { ...operations[resource], [value]: run };
			}
		}
	}
	return operations;
}
