// Saved workflows checked against the package as it is: each of our nodes' parameters exists, is
// shown for the node's resource/operation (n8n's own display rules) and holds a value it allows.
// The unit tests run it over examples/; the e2e tier also imports and runs them in a real n8n.
// Lives in .js because the strict n8n lint forbids fs/path in .ts.
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

/** The example workflows, by file name. */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

const isExpression = (value) => typeof value === 'string' && value.startsWith('=');

/** What n8n adds to a node's tool variant (`<node>Tool`, made from `usableAsTool`): its Tool Description. */
const TOOL_PARAMETERS = ['descriptionType', 'toolDescription'];

/** What is wrong with one value at `at`, given its surface entry. */
function valueProblems(at, entry, value) {
	if (isExpression(value)) return [];
	const is = (kind) => typeof value === kind;
	switch (entry.type.split(' | ')[0]) {
		case 'options':
			return entry.values && !entry.values.includes(value)
				? [`${at}: ${JSON.stringify(value)} is not one of ${entry.values.map((v) => JSON.stringify(v)).join(', ')}`]
				: [];
		case 'multiOptions':
			if (!Array.isArray(value)) return [`${at}: ${JSON.stringify(value)} is not a list`];
			return entry.values
				? value
						.filter((item) => !entry.values.includes(item))
						.map((item) => `${at}: ${JSON.stringify(item)} is not one of ${entry.values.join(', ')}`)
				: [];
		case 'boolean':
			return is('boolean') ? [] : [`${at}: ${JSON.stringify(value)} is not true or false`];
		case 'number':
			return is('number') ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
		case 'string':
		case 'dateTime':
			return is('string') ? [] : [`${at}: ${JSON.stringify(value)} is not text`];
		case 'resourceLocator':
			return value?.__rl && entry.modes.includes(value.mode)
				? []
				: [`${at}: ${JSON.stringify(value)} is not a resource locator in mode ${entry.modes.join(' or ')}`];
		default:
			return [];
	}
}

/** Each value a parameter holds, with its path (fixedCollection groups and collection fields walked). */
function walk(at, value, parameters, found) {
	const entry = parameters[at];
	if (!entry) {
		found.push(`${at}: not a parameter of this resource/operation`);
		return;
	}
	if (entry.type === 'fixedCollection') {
		for (const [group, items] of Object.entries(value ?? {})) {
			if (!parameters[`${at}.${group}`]) found.push(`${at}.${group}: not a group of ${at}`);
			else if (entry.multipleValues !== Array.isArray(items))
				found.push(`${at}.${group}: ${entry.multipleValues ? 'a list' : 'one set of fields'} expected`);
			else
				for (const item of [items].flat())
					for (const [name, child] of Object.entries(item ?? {})) walk(`${at}.${group}.${name}`, child, parameters, found);
		}
	} else if (entry.type === 'collection') {
		for (const [name, child] of Object.entries(value ?? {})) walk(`${at}.${name}`, child, parameters, found);
	} else {
		found.push(...valueProblems(at, entry, value));
	}
}

/**
 * What a saved workflow sets on the package's nodes that the package does not offer. `surface` is
 * surfaceOf(loaded), `loaded` what loadPublicClasses gave (for n8n's display rules); `packageName`
 * prefixes the node types (`n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner`).
 */
function workflowProblems(workflow, surface, loaded, packageName) {
	const { NodeHelpers } = require('n8n-workflow');
	const problems = [];
	for (const node of workflow.nodes ?? []) {
		const [prefix, type] = node.type.split(/\.(?=[^.]+$)/);
		if (prefix !== packageName) continue;
		// The tool variant has the node's own parameters.
		const asTool = !surface.nodes[type] && type.endsWith('Tool') && Boolean(surface.nodes[type.slice(0, -'Tool'.length)]);
		const name = asTool ? type.slice(0, -'Tool'.length) : type;
		const where = `node "${node.name}"`;
		const versions = surface.nodes[name];
		const description = loaded.nodes[name]?.[String(node.typeVersion)];
		if (!versions || !description) {
			problems.push(`${where}: ${node.type} version ${node.typeVersion} is not in the package`);
			continue;
		}
		const operations = versions[String(node.typeVersion)];
		const parameters = node.parameters ?? {};
		const anyOperation = Object.values(operations)[0];
		const resource = parameters.resource ?? anyOperation.resource?.default;
		const resourceOperations = Object.entries(operations).filter(
			([key]) => key === '*' || key === resource || key.startsWith(`${resource}:`),
		);
		const operation = parameters.operation ?? resourceOperations[0]?.[1].operation?.default;
		const key = [resource, operation].filter((part) => part !== undefined).join(':') || '*';
		const shown = operations[key];
		if (!shown) {
			problems.push(`${where}: ${key} is not an operation of ${name} v${node.typeVersion}`);
			continue;
		}
		// n8n's own rules drop a parameter that is not displayed for the others' values.
		const displayed = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
		for (const [at, value] of Object.entries(parameters)) {
			if (asTool && TOOL_PARAMETERS.includes(at)) continue;
			const found = [];
			if (shown[at] && !(at in displayed)) found.push(`${at}: not shown for the node's other settings`);
			walk(at, value, shown, found);
			problems.push(...found.map((problem) => `${where} (${key}): ${problem}`));
		}
		const offered = (description.credentials ?? []).map((credential) => credential.name);
		for (const credential of Object.keys(node.credentials ?? {})) {
			if (!offered.includes(credential))
				problems.push(`${where}: credential ${credential} is not one the node takes (${offered.join(', ')})`);
		}
	}
	return problems;
}

module.exports = { EXAMPLES_DIR, exampleWorkflows, workflowProblems };
