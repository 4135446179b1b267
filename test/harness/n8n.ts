import { ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, PollContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeCredentialTestResult,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	type NodeExecutionHint,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { TestCredentialsHelper } from './credentials-helper';
import { loadPackage, type LoadedPackage } from './package-classes';

export type TestCredentials = { type: string; data: ICredentialDataDecryptedObject };

function nodeTypesOf(types: Record<string, INodeType>): INodeTypes {
	const find = (name: string) => {
		const type = types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	};
	return {
		getByName: find,
		getByNameAndVersion: find,
		getKnownTypes: () => ({}),
	};
}

function additionalDataFor(credentialsHelper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function nodeUnderTest(type: string, parameters: INodeParameters, credentials: TestCredentials, extra: Partial<INode> = {}): INode {
	return {
		id: 'node-under-test',
		name: 'HoopAI',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentials.type]: { id: '1', name: 'HoopAI test credential' } },
		...extra,
	};
}

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: TestCredentials;
	/** The JSON of the items the node receives; one empty item by default. */
	input?: IDataObject[];
	/** Whole input items (JSON and binary), e.g. the output of an earlier run; overrides `input`. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node's settings tab: Retry On Fail (`retryOnFail`, `maxTries`, `waitBetweenTries`). */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** The workflow's timezone setting (n8n's default is the instance's). */
	timezone?: string;
	/** Defaults to the package's action node. */
	nodeType?: string;
	extraNodeTypes?: Record<string, INodeType>;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: ExecutionError;
	/** The execution hints the node added (n8n shows them above the output). */
	hints: NodeExecutionHint[];
	credentialsHelper: TestCredentialsHelper;
}

/** The messages of the error items a run with Continue On Fail put out (`{ error }` and nothing else). */
export function errorItemMessages(items: INodeExecutionData[]): string[] {
	return items
		.filter((item) => item.error !== undefined || Object.keys(item.json).join() === 'error')
		.map((item) => String(item.json.error ?? item.error?.message));
}

/** Runs one node of the package through n8n-core's WorkflowExecute, as a manual execution does. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { packageName, nodeTypes, credentialTypes } = await loadPackage();
	const type = options.nodeType ?? `${packageName}.hoopAiSocialPlanner`;
	const node = nodeUnderTest(type, options.parameters, options.credentials, {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		...options.settings,
	});
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf({ ...nodeTypes, ...options.extraNodeTypes }),
		settings: options.timezone ? { timezone: options.timezone } : {},
	});
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, {
		[options.credentials.type]: options.credentials.data,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	});
	const input = options.inputItems ?? (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalDataFor(credentialsHelper, hooks), 'manual', runExecutionData);
	const run = await execution.processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: run.data.resultData.error ?? taskData?.error,
		hints: taskData?.hints ?? [],
		credentialsHelper,
	};
}

/**
 * Tests a credential the way n8n's CredentialsTester does for a credential with a declarative
 * `test` request: its request is routed through RoutingNode with the decrypted credential, and
 * an HTTP error becomes the message of the matching `responseCode` rule, else the status text.
 */
export async function testCredential(credentials: TestCredentials): Promise<INodeCredentialTestResult> {
	const { credentialTypes } = await loadPackage();
	const credentialType = credentialTypes[credentials.type];
	if (!credentialType?.test) return { status: 'Error', message: 'No testing function found for this credential.' };
	const tempType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentials.type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	};
	const node = nodeUnderTest('temp', {}, credentials, { name: 'Temp-Node' });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf({ temp: tempType }),
	});
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, {
		[credentials.type]: credentials.data,
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(credentialsHelper),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, tempType, {
		id: '1',
		name: 'HoopAI test credential',
		type: credentials.type,
		data: credentials.data,
	});
	try {
		await routingNode.runNode();
	} catch (error) {
		const response = error.cause?.response;
		if (!response) return { status: 'Error', message: String(error.cause?.code ?? error.message) };
		const rule = credentialType.test.rules?.find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status,
		);
		if (rule) return { status: 'Error', message: rule.properties.message };
		return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface PollerOptions {
	parameters: INodeParameters;
	credentials: TestCredentials;
	nodeType?: string;
	extraNodeTypes?: Record<string, INodeType>;
	timezone?: string;
	/** Static data as n8n last saved it (what survives a restart). */
	staticData?: IDataObject;
	/** When set, `getPollBudgetMs()` answers it, as n8n ≥ 2.36 does. */
	pollBudgetMs?: number;
}

/**
 * An active polling trigger as n8n runs it: one workflow whose static data lives across polls,
 * each poll in a fresh PollContext (mode 'trigger', or 'manual' for "Fetch Test Event").
 */
export class Poller {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly credentialsHelper: TestCredentialsHelper;

	private constructor(
		private readonly options: PollerOptions,
		{ packageName, nodeTypes, credentialTypes }: LoadedPackage,
	) {
		this.node = nodeUnderTest(options.nodeType ?? `${packageName}.hoopAiSocialPlannerTrigger`, options.parameters, options.credentials);
		this.workflow = new Workflow({
			id: 'test-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf({ ...nodeTypes, ...options.extraNodeTypes }),
			settings: options.timezone ? { timezone: options.timezone } : {},
			staticData: structuredClone(options.staticData ?? {}),
		});
		this.credentialsHelper = new TestCredentialsHelper(credentialTypes, {
			[options.credentials.type]: options.credentials.data,
		});
		this.saved = structuredClone(options.staticData ?? {});
	}

	static async create(options: PollerOptions): Promise<Poller> {
		return new Poller(options, await loadPackage());
	}

	/** Static data as n8n last saved it: after activation and after every poll that emitted. */
	private saved: IDataObject;

	/**
	 * One poll as n8n runs it. In trigger mode n8n saves the static data when the poll emits
	 * (and after the activation poll); a poll that returns null keeps its changes in memory only.
	 */
	async poll(mode: WorkflowExecuteMode = 'trigger', activation: WorkflowActivateMode = 'activate'): Promise<INodeExecutionData[][] | null> {
		const nodeType = this.workflow.nodeTypes.getByNameAndVersion(this.node.type, 1);
		if (!nodeType.poll) throw new Error(`${this.node.type} is not a polling node`);
		const budget = this.options.pollBudgetMs;
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalDataFor(this.credentialsHelper),
			mode,
			activation,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			budget === undefined ? undefined : () => budget,
		);
		const result = await nodeType.poll.call(context);
		if (mode !== 'manual' && result !== null) this.saved = this.staticData();
		return result;
	}

	/** The activation poll: n8n saves the static data after it whatever it returns. */
	async activate(): Promise<INodeExecutionData[][] | null> {
		const result = await this.poll('trigger', 'activate');
		this.saved = this.staticData();
		return result;
	}

	/** n8n restarted: the same trigger, with only the static data n8n had saved. */
	async restart(): Promise<Poller> {
		return await Poller.create({ ...this.options, staticData: this.saved });
	}

	/** The node's static data, as n8n would save it now. */
	staticData(): IDataObject {
		// staticData is n8n's observable proxy (it flags changes); a JSON copy is what n8n saves.
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}
}

export interface DropdownOptions {
	parameters: INodeParameters;
	credentials: TestCredentials;
	nodeType?: string;
	/** false: the node has no credential chosen yet (as when it was just added to the canvas). */
	credentialChosen?: boolean;
}

/** A context like the one n8n's dynamic-parameters service gives loadOptions and listSearch. */
async function dropdownContext(options: DropdownOptions) {
	const { packageName, nodeTypes, credentialTypes } = await loadPackage();
	const type = options.nodeType ?? `${packageName}.hoopAiSocialPlanner`;
	const node = nodeUnderTest(
		type,
		options.parameters,
		options.credentials,
		options.credentialChosen === false ? { credentials: undefined } : {},
	);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(nodeTypes) });
	const additionalData = additionalDataFor(
		new TestCredentialsHelper(credentialTypes, { [options.credentials.type]: options.credentials.data }),
	);
	// The editor sends the node's parameters with their defaults filled in.
	additionalData.currentNodeParameters =
		NodeHelpers.getNodeParameters(
			nodeTypes[type].description.properties,
			options.parameters,
			true,
			false,
			node,
			nodeTypes[type].description,
		) ?? options.parameters;
	return { context: new LoadOptionsContext(workflow, node, additionalData, ''), nodeType: nodeTypes[type] };
}

/** Runs a node's `methods.loadOptions[method]`, as the editor does for a dropdown. */
export async function loadOptions(method: string, options: DropdownOptions): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = await dropdownContext(options);
	const load = nodeType.methods?.loadOptions?.[method];
	if (!load) throw new Error(`No loadOptions method ${method}`);
	return await load.call(context);
}

/** Runs a node's `methods.listSearch[method]`, as the editor does for a searchable list. */
export async function listSearch(
	method: string,
	options: DropdownOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, nodeType } = await dropdownContext(options);
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`No listSearch method ${method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
