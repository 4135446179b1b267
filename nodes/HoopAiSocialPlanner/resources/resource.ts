import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** An operation that runs in code (n8n's customOperations): one run for all input items. */
export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/**
 * One operation, in its own file: its entry in the Operation dropdown (a routed operation carries
 * its `routing`), and, for one that runs in code, the function n8n calls instead.
 */
export interface Operation {
	option: INodePropertyOptions;
	run?: CustomOperation;
}

/** How every resource plugs into the node: its Operation dropdown, its fields, the operations it runs in code. */
export interface ResourceModule {
	/** The Resource dropdown's value. */
	resource: string;
	operation: INodeProperties;
	/** Its fields, in the order the editor shows them. */
	fields: INodeProperties[];
	/** Its operations that run in code, by operation value. */
	customOperations: Record<string, CustomOperation>;
}

/** A resource from its operations (in the order the dropdown lists them) and its fields. */
export function resourceModule(
	resource: string,
	operations: Operation[],
	{ fields, default: defaultOperation }: { fields: INodeProperties[]; default: string },
): ResourceModule {
	return {
		resource,
		operation: {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		fields,
		customOperations: Object.fromEntries(
			operations.flatMap((operation) => (operation.run ? [[String(operation.option.value), operation.run]] : [])),
		),
	};
}
