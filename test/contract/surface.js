// The package's public surface, as saved workflows and credentials depend on it: for each node
// version and each resource/operation, every parameter path with its type, default (n8n leaves
// defaults out of saved workflows, so a changed default changes them), option values and
// resourceLocator modes; for each credential, its fields. Built from the classes n8n loads from
// dist/ (not from source paths, so moving files changes nothing). public-surface.json holds the
// released contract; `breakages` lists what a current surface takes away from it.
// Lives in .js because the strict n8n lint forbids fs/path in .ts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CONTRACT_FILE = path.join(__dirname, 'public-surface.json');
const UPDATE_COMMAND = 'npm run contract:update';
// Parameters that hold no value in a saved workflow.
const VALUELESS = ['notice', 'callout', 'button'];
// What n8n-core's loader adds to every declarative node: n8n's to change, not ours.
const ADDED_BY_N8N = ['requestOptions'];
// The display conditions that decide which resource/operation (and node version) a parameter belongs to.
const ROUTING_KEYS = ['resource', 'operation', '@version'];
const HOW_TO_VERSION =
	'Saved workflows set these parameters: keep them as they are in this node version. To change or drop one, add a node ' +
	'version instead (n8n versioned nodes: `version: [1, 2]` with `displayOptions: { show: { "@version": [2] } }` on the new ' +
	'parameters, or a VersionedNodeType), keep version 1 as the contract describes it, and run `' +
	UPDATE_COMMAND +
	'` to record the new version.';

/** The package's node and credential classes as n8n loads them (n8n-core's PackageDirectoryLoader over dist/). */
async function loadPublicClasses(root = ROOT) {
	// Importing n8n-core writes <N8N_USER_FOLDER>/.n8n/config: keep it out of the home folder.
	process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hoopai-surface-'));
	const { PackageDirectoryLoader } = require('n8n-core');
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const nodes = {};
	for (const name of Object.keys(loader.known.nodes)) {
		const type = loader.getNode(name).type;
		const versions = type.nodeVersions
			? Object.entries(type.nodeVersions).map(([version, versioned]) => [version, versioned.description])
			: [type.description.version].flat().map((version) => [String(version), type.description]);
		nodes[name] = Object.fromEntries(versions);
	}
	const credentials = Object.fromEntries(
		Object.keys(loader.known.credentials).map((name) => [name, loader.getCredential(name).type.properties]),
	);
	return { nodes, credentials };
}

/** Whether a property is shown for a resource/operation (and version); other display conditions are taken as met. */
function shownFor(property, values) {
	const { checkConditions } = require('n8n-workflow');
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const applies = (conditions) => ROUTING_KEYS.filter((key) => key in conditions && values[key] !== undefined);
	return (
		applies(show).every((key) => checkConditions(show[key], [values[key]])) &&
		!applies(hide).some((key) => checkConditions(hide[key], [values[key]]))
	);
}

function staticValues(property) {
	if (!['options', 'multiOptions'].includes(property.type) || property.typeOptions?.loadOptionsMethod) return undefined;
	return (property.options ?? []).map((option) => option.value).sort();
}

/**
 * One parameter's entry, and those of the fields it holds, under `at`. `withDefault`: whether a
 * saved value leaves the default out (node parameters do; a collection keeps what the user added,
 * defaults included; stored credentials keep what was entered).
 */
function entriesOf(property, at, withDefault, into) {
	if (VALUELESS.includes(property.type)) return;
	const entry = { type: property.type };
	if (withDefault && ['string', 'number', 'boolean', 'options', 'dateTime', 'color'].includes(property.type))
		entry.default = property.default;
	const values = staticValues(property);
	if (values) entry.values = values;
	if (property.type === 'resourceLocator') entry.modes = (property.modes ?? []).map((mode) => mode.name).sort();
	if (property.type === 'fixedCollection') entry.multipleValues = Boolean(property.typeOptions?.multipleValues);
	merge(into, at, entry);
	if (property.type === 'collection') for (const child of property.options ?? []) entriesOf(child, `${at}.${child.name}`, false, into);
	if (property.type === 'fixedCollection') {
		for (const group of property.options ?? []) {
			merge(into, `${at}.${group.name}`, { type: 'fixedCollectionGroup' });
			for (const child of group.values ?? []) entriesOf(child, `${at}.${group.name}.${child.name}`, withDefault, into);
		}
	}
}

/** Two declarations of one path (shown under different conditions) become one entry: types and values joined. */
function merge(into, at, entry) {
	const known = into[at];
	if (!known) {
		into[at] = entry;
		return;
	}
	if (known.type !== entry.type) known.type = [...new Set([...known.type.split(' | '), entry.type])].sort().join(' | ');
	if (!('default' in entry) || JSON.stringify(known.default) !== JSON.stringify(entry.default)) delete known.default;
	for (const key of ['values', 'modes'])
		if (known[key] || entry[key]) known[key] = [...new Set([...(known[key] ?? []), ...(entry[key] ?? [])])].sort();
}

/** The resource/operation pairs of a node version, as `resource:operation` with their values. */
function operationsOf(properties, version) {
	const byName = (name, values) => properties.filter((property) => property.name === name && shownFor(property, values));
	const resources = byName('resource', { '@version': version }).flatMap(staticValues);
	if (resources.length === 0) return [{ key: '*', values: { '@version': version } }];
	return resources.flatMap((resource) => {
		const operations = byName('operation', { resource, '@version': version }).flatMap(staticValues);
		return operations.length
			? operations.map((operation) => ({ key: `${resource}:${operation}`, values: { resource, operation, '@version': version } }))
			: [{ key: resource, values: { resource, '@version': version } }];
	});
}

/** The public surface of loaded classes (loadPublicClasses), in the contract's shape. */
function surfaceOf({ nodes, credentials }) {
	const surface = { nodes: {}, credentials: {} };
	for (const [name, versions] of Object.entries(nodes)) {
		surface.nodes[name] = {};
		for (const [version, description] of Object.entries(versions)) {
			const operations = {};
			for (const { key, values } of operationsOf(description.properties, Number(version))) {
				const parameters = {};
				const ours = description.properties.filter((candidate) => !ADDED_BY_N8N.includes(candidate.name) && shownFor(candidate, values));
				for (const property of ours) entriesOf(property, property.name, true, parameters);
				operations[key] = parameters;
			}
			surface.nodes[name][version] = operations;
		}
	}
	for (const [name, properties] of Object.entries(credentials)) {
		const fields = {};
		for (const property of properties) entriesOf(property, property.name, false, fields);
		surface.credentials[name] = fields;
	}
	return surface;
}

/**
 * What `current` takes away from `contract`: removed, renamed or retyped parameters, dropped
 * values and modes, changed defaults. One line per change, with the operations it touches.
 */
function breakages(contract, current) {
	const found = new Map();
	const note = (where, text, operation) => {
		const key = `${where}: ${text}`;
		if (!found.has(key)) found.set(key, []);
		if (operation) found.get(key).push(operation);
	};
	const compare = (where, operation, before, after) => {
		for (const [at, entry] of Object.entries(before)) {
			const now = after[at];
			if (!now) {
				note(where, `parameter "${at}" was removed or renamed`, operation);
				continue;
			}
			if (now.type !== entry.type) note(where, `parameter "${at}" changed type from ${entry.type} to ${now.type}`, operation);
			for (const key of ['values', 'modes']) {
				const dropped = (entry[key] ?? []).filter((value) => !(now[key] ?? []).includes(value));
				const kind = key === 'values' ? 'option value' : 'mode';
				if (dropped.length && now[key])
					note(
						where,
						`parameter "${at}" lost ${kind}${dropped.length > 1 ? 's' : ''} ${dropped.map((value) => JSON.stringify(value)).join(', ')}`,
						operation,
					);
			}
			if ('default' in entry && JSON.stringify(now.default) !== JSON.stringify(entry.default)) {
				note(
					where,
					`parameter "${at}" changed its default from ${JSON.stringify(entry.default)} to ${JSON.stringify(now.default)} (saved workflows leave defaults out)`,
					operation,
				);
			}
			if ('multipleValues' in entry && now.multipleValues !== entry.multipleValues)
				note(where, `parameter "${at}" changed multipleValues (the saved shape) to ${now.multipleValues}`, operation);
		}
	};
	for (const [name, versions] of Object.entries(contract.nodes)) {
		for (const [version, operations] of Object.entries(versions)) {
			const now = current.nodes[name]?.[version];
			if (!now) {
				note(`node ${name}`, `version ${version} was removed`);
				continue;
			}
			for (const [operation, parameters] of Object.entries(operations)) {
				if (!now[operation]) note(`node ${name} v${version}`, `${operation} was removed`);
				else compare(`node ${name} v${version}`, operation, parameters, now[operation]);
			}
		}
	}
	for (const [name, fields] of Object.entries(contract.credentials)) {
		if (!current.credentials[name]) note(`credential ${name}`, 'was removed');
		else compare(`credential ${name}`, undefined, fields, current.credentials[name]);
	}
	return [...found].map(([text, operations]) => {
		if (operations.length === 0) return text;
		const shown = operations.slice(0, 4).join(', ');
		return `${text} (in ${shown}${operations.length > 4 ? ` and ${operations.length - 4} more` : ''})`;
	});
}

/** The contract with what `current` adds (new versions, operations, parameters, values, modes), only when it takes nothing away. */
function withAdditions(contract, current) {
	const problems = breakages(contract, current);
	if (problems.length) throw new Error(`${problems.join('\n')}\n\n${HOW_TO_VERSION}`);
	return current;
}

/** The contract as committed: one line per parameter, keys in order, so a change shows as a small diff. */
function formatContract(surface) {
	const sorted = (object) => Object.keys(object).sort();
	const block = (parameters, indent) =>
		sorted(parameters)
			.map((at) => `${indent}${JSON.stringify(at)}: ${JSON.stringify(parameters[at])}`)
			.join(',\n');
	const nodes = sorted(surface.nodes).map((name) => {
		const versions = sorted(surface.nodes[name]).map((version) => {
			const operations = sorted(surface.nodes[name][version]).map(
				(operation) =>
					`\t\t\t\t${JSON.stringify(operation)}: {\n${block(surface.nodes[name][version][operation], '\t\t\t\t\t')}\n\t\t\t\t}`,
			);
			return `\t\t\t${JSON.stringify(version)}: {\n${operations.join(',\n')}\n\t\t\t}`;
		});
		return `\t\t${JSON.stringify(name)}: {\n${versions.join(',\n')}\n\t\t}`;
	});
	const credentials = sorted(surface.credentials).map(
		(name) => `\t\t${JSON.stringify(name)}: {\n${block(surface.credentials[name], '\t\t\t')}\n\t\t}`,
	);
	const about = `What saved workflows depend on (test/contract/surface.js). Additions: ${UPDATE_COMMAND}. Removals, renames, type or default changes: add a node version.`;
	return `{\n\t"about": ${JSON.stringify(about)},\n\t"nodes": {\n${nodes.join(',\n')}\n\t},\n\t"credentials": {\n${credentials.join(',\n')}\n\t}\n}\n`;
}

function readContract() {
	return JSON.parse(fs.readFileSync(CONTRACT_FILE, 'utf8'));
}

function writeContract(surface) {
	fs.writeFileSync(CONTRACT_FILE, formatContract(surface));
}

/** How many operations, parameter entries (one per operation that shows it), distinct paths and option values (and modes) a contract covers. */
function contractSize(contract) {
	const operations = Object.values(contract.nodes).flatMap((versions) => Object.values(versions).flatMap(Object.values));
	const maps = [...operations, ...Object.values(contract.credentials)];
	const entries = maps.flatMap(Object.values);
	return {
		operations: operations.length,
		parameters: entries.length,
		distinctPaths: new Set(maps.flatMap(Object.keys)).size,
		optionValues: entries.reduce((sum, entry) => sum + (entry.values?.length ?? 0) + (entry.modes?.length ?? 0), 0),
	};
}

module.exports = {
	CONTRACT_FILE,
	UPDATE_COMMAND,
	HOW_TO_VERSION,
	loadPublicClasses,
	surfaceOf,
	breakages,
	withAdditions,
	formatContract,
	readContract,
	writeContract,
	contractSize,
};
