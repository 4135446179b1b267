import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

/** The error as n8n should show it: our own errors as they are, anything else wrapped. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * Runs a custom operation once per input item, the way declarative operations behave: each
 * item's result becomes output items paired with it, and with Continue On Fail an item's
 * error becomes an `{ error }` item instead of stopping the node.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

export interface ApiRoute {
	method: string;
	path: string;
}

/**
 * Labels a custom operation with the API routes it calls. Routing-based operations declare their
 * routes in the node description; this keeps the code-based ones just as inspectable.
 */
export function withRoutes<T extends (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>>(
	operation: T,
	routes: ApiRoute[],
): T & { routes: ApiRoute[] } {
	return Object.assign(operation, { routes });
}
