// Validates simulator traffic against the official OpenAPI documents: resolves local and
// cross-file ($ref ../common/common-schemas.json#/...) references with ajv + ajv-formats.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const BASE = 'https://spec.local/';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface SpecFix {
	where: string;
	what: string;
}

/**
 * Rewrites a document for JSON-schema validation: cross-file refs point at the registered
 * common-schemas document, OpenAPI 3.0 `nullable` becomes a JSON-schema null type, and the
 * spec's known bug — enum-like string fields typed `type: object` with no properties (post
 * `status`/`type`, TikTok profile `type`, queue `status` on update, attach `platform`/`type`) —
 * is relaxed so string values validate. Every relaxation is recorded in `fixes`.
 */
function normalise(node: Json, fixes: SpecFix[], where: string): Json {
	if (Array.isArray(node)) return node.map((n, i) => normalise(n, fixes, `${where}/${i}`));
	if (!node || typeof node !== 'object') return node;
	const out: Json = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === '$ref' && typeof value === 'string') {
			out.$ref = value.replace(/^\.\.\/common\/common-schemas\.json/, 'common-schemas.json');
		} else {
			out[key] = normalise(value, fixes, `${where}/${key}`);
		}
	}
	if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
	if (out.nullable !== undefined) delete out.nullable;
	if (Array.isArray(out.oneOf) && out.oneOf.length > 1 && out.oneOf.every((s: Json) => s.$ref)) {
		// The spec's per-platform oneOf branches have no required/discriminating fields, so a valid
		// body matches several branches and `oneOf` would reject it: validate as anyOf.
		out.anyOf = out.oneOf;
		delete out.oneOf;
		fixes.push({ where, what: 'ambiguous oneOf of loose schemas: validated as anyOf' });
	}
	if (
		out.type === 'object' &&
		!out.properties &&
		!out.additionalProperties &&
		out.example !== undefined &&
		typeof out.example !== 'object'
	) {
		delete out.type;
		fixes.push({ where, what: 'bare `type: object` with a scalar example: accepted any value' });
	} else if (out.type === 'object' && !out.properties && !out.additionalProperties && /\/(status|type|platform)$/.test(where)) {
		delete out.type;
		fixes.push({ where, what: 'enum-like field typed `object`: accepted any value' });
	}
	return out;
}

export class OpenApiValidator {
	readonly fixes: SpecFix[] = [];
	private readonly ajv: Ajv;
	private readonly docs: Record<string, Json>;
	private readonly cache = new Map<string, ValidateFunction>();

	constructor(docs: Record<string, Json>) {
		this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
		addFormats(this.ajv);
		this.ajv.addFormat('binary', true);
		this.docs = {};
		for (const [name, doc] of Object.entries(docs)) {
			const normalised = normalise(doc, this.fixes, name);
			this.docs[name] = normalised;
			this.ajv.addSchema({ $id: `${BASE}${name}`, components: normalised.components }, `${BASE}${name}`);
		}
	}

	operation(file: string, method: string, path: string): Json {
		const op = this.docs[file]?.paths?.[path]?.[method.toLowerCase()];
		if (!op) throw new Error(`No operation ${method} ${path} in ${file}`);
		return op;
	}

	private compile(file: string, schema: Json, key: string): ValidateFunction {
		let fn = this.cache.get(key);
		if (!fn) {
			fn = this.ajv.compile(withBase(schema, file));
			this.cache.set(key, fn);
		}
		return fn;
	}

	/** Errors of `body` against the documented response for `status` (undefined: not documented). */
	responseErrors(file: string, method: string, path: string, status: number, body: unknown): string[] | undefined {
		const op = this.operation(file, method, path);
		const response = op.responses?.[String(status)];
		if (!response) return undefined;
		const schema = response.content?.['application/json']?.schema;
		if (!schema) return [];
		const fn = this.compile(file, schema, `${file}|${method}|${path}|res${status}`);
		return fn(body) ? [] : (fn.errors || []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
	}

	/** Errors of a request body against the documented JSON (or, without one, form-encoded) request body. */
	requestErrors(file: string, method: string, path: string, body: unknown): string[] {
		const op = this.operation(file, method, path);
		const form = op.requestBody?.content?.['multipart/form-data']?.schema;
		const parts = (body as { multipart?: Record<string, unknown> } | undefined)?.multipart;
		if (form && parts) return this.formErrors(form, parts);
		const content = op.requestBody?.content;
		const schema = content?.['application/json']?.schema ?? content?.['application/x-www-form-urlencoded']?.schema;
		if (!schema) return [];
		const fn = this.compile(file, schema, `${file}|${method}|${path}|req`);
		return fn(body) ? [] : (fn.errors || []).map((e) => `${e.instancePath} ${e.message}`);
	}

	/** A multipart form's fields (as a route logs them) against the documented form: required and known fields. */
	private formErrors(schema: Json, parts: Record<string, unknown>): string[] {
		const known = Object.keys(schema.properties || {});
		const missing = (schema.required || [])
			.filter((name: string) => !(name in parts))
			.map((name: string) => ` must have required form field '${name}'`);
		const unknown = Object.keys(parts)
			.filter((name) => !known.includes(name))
			.map((name) => ` form field '${name}' is not documented`);
		return [...missing, ...unknown];
	}

	/**
	 * Errors of a query string and Version header against the documented parameters: a required
	 * query parameter missing, one not documented, a Version outside the documented enum.
	 */
	parameterErrors(file: string, method: string, path: string, query: Record<string, unknown>, version: unknown): string[] {
		const parameters: Json[] = this.operation(file, method, path).parameters || [];
		const inQuery = parameters.filter((p) => p.in === 'query');
		const errors = [
			...inQuery.filter((p) => p.required && query[p.name] === undefined).map((p) => `query parameter ${p.name} is required`),
			...Object.keys(query)
				.filter((name) => !inQuery.some((p) => p.name === name))
				.map((name) => `query parameter ${name} is not documented`),
		];
		const header = parameters.find((p) => p.in === 'header' && p.name === 'Version');
		if (header?.schema?.enum && !header.schema.enum.includes(version))
			errors.push(`Version ${JSON.stringify(version)} is not one of ${header.schema.enum.join(', ')}`);
		return errors;
	}

	/** Documented path-parameter enum for `name`, if any. */
	pathEnum(file: string, method: string, path: string, name: string): string[] | undefined {
		const op = this.operation(file, method, path);
		const param = (op.parameters || []).find((p: Json) => p.in === 'path' && p.name === name);
		return param?.schema?.enum;
	}

	/** Errors of `value` against a named component schema. */
	componentErrors(file: string, name: string, value: unknown): string[] {
		const fn = this.compile(file, { $ref: `#/components/schemas/${name}` }, `${file}|component|${name}`);
		return fn(value) ? [] : (fn.errors || []).map((e) => `${e.instancePath} ${e.message}`);
	}

	/** Follows a $ref (local to `file` or into common-schemas.json). */
	resolve(file: string, ref: string): { file: string; schema: Json } {
		const [target, pointer] = ref.split('#');
		const doc = target ? target.replace(/^.*\//, '') : file;
		const schema = pointer
			.split('/')
			.filter(Boolean)
			.reduce((node: Json, key: string) => node?.[key], this.docs[doc]);
		return { file: doc, schema };
	}

	/**
	 * A body that uses every documented property, filled from the spec's examples (or a value of
	 * the documented type): sending it shows whether the simulator's whitelist is the spec's.
	 */
	fullExample(file: string, schema: Json, depth = 0): Json {
		if (!schema || depth > 6) return undefined;
		if (schema.$ref) {
			const r = this.resolve(file, schema.$ref);
			return this.fullExample(r.file, r.schema, depth + 1);
		}
		if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Json) => this.fullExample(file, s, depth + 1)));
		if (schema.oneOf || schema.anyOf) return this.fullExample(file, (schema.oneOf || schema.anyOf)[0], depth + 1);
		if (schema.enum) return schema.enum[0];
		if (schema.type === 'array') {
			const item = this.fullExample(file, schema.items, depth + 1);
			return item === undefined ? [] : [item];
		}
		if (schema.properties) {
			const out: Json = {};
			for (const [key, prop] of Object.entries(schema.properties)) {
				const value = this.fullExample(file, prop, depth + 1);
				if (value !== undefined) out[key] = value;
			}
			return out;
		}
		if (schema.example !== undefined) return schema.example;
		if (schema.type === 'number' || schema.type === 'integer') return 1;
		if (schema.type === 'boolean') return true;
		if (schema.type === 'object') return {};
		return 'x';
	}

	documentedStatuses(file: string, method: string, path: string): string[] {
		return Object.keys(this.operation(file, method, path).responses || {});
	}
}

/** Local refs (#/components/...) inside an operation schema point at the document they came from. */
function withBase(schema: Json, file: string): Json {
	if (Array.isArray(schema)) return schema.map((s) => withBase(s, file));
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === '$ref' && typeof value === 'string') {
			out.$ref = value.startsWith('#') ? `${BASE}${file}${value}` : `${BASE}${value}`;
		} else out[key] = withBase(value, file);
	}
	return out;
}
