import { describe, it } from '@jest/globals';
import { OpenApiValidator } from './openapi';
import type { LoggedRequest } from '../simulator';
import { loadSpecs, readReferenceText, SKIPPED_FOR_SPEC } from './reference';

const V3 = 'social-planner-v3.json';
// The v2 spec, for the OAuth connect flow's per-platform paths v3 does not have (Google's
// `…/google/locations/…`, Twitter): a request is checked against v3 when v3 has its path.
const V2 = 'social-media-posting.json';
// The Marketplace's token, installed-locations and exchange endpoints: v2 (oauth.json) or, with
// `Version: v3`, v3 (oauth-v3.json); their query and Version header are checked too.
const OAUTH_V2 = 'oauth.json';
const OAUTH_V3 = 'oauth-v3.json';
// Answers that tests provoke on purpose (bad token, missing scope, invalid body, faults).
const PROVOKED = [401, 403, 422, 429, 500, 502, 503];
// Injected faults that strike before the simulator reads the request (its body is not logged).
const STRUCK_BEFORE_READING = ['reset', 'error', 'rateLimit'];

let validator: OpenApiValidator | undefined;
let templates: Array<{ file: string; method: string; path: string; pattern: RegExp; literal: number; parameters: string[] }> = [];

function setUp(): OpenApiValidator | undefined {
	if (validator) return validator;
	const specs = loadSpecs();
	if (!specs) return undefined;
	validator = new OpenApiValidator(specs);
	templates = [V3, V2, OAUTH_V2, OAUTH_V3].flatMap((file) =>
		Object.entries(specs[file].paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
			Object.keys(operations).map((method) => ({
				file,
				method: method.toUpperCase(),
				path,
				pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
				literal: path.replace(/\{[^}]+\}/g, '').length,
				parameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
			})),
		),
	);
	return validator;
}

/** The spec path a request went to (the most literal template that matches; v3's if it has one, else v2's). */
function templateOf(request: LoggedRequest) {
	const matching = (file: string) =>
		templates
			.filter((template) => template.file === file && template.method === request.method && template.pattern.test(request.path))
			.sort((a, b) => b.literal - a.literal)[0];
	if (request.path.startsWith('/oauth/')) {
		const v3 = request.headers.version === 'v3';
		return matching(v3 ? OAUTH_V3 : OAUTH_V2) ?? matching(v3 ? OAUTH_V2 : OAUTH_V3);
	}
	const v3 = matching(V3);
	// A v3 path whose {platform} enum leaves the value out (twitter) is the v2 per-platform path.
	const v3Fits =
		v3 &&
		v3.parameters.every((name, index) => {
			const allowed = validator!.pathEnum(V3, request.method, v3.path, name);
			return !allowed || allowed.includes(decodeURIComponent(v3.pattern.exec(request.path)![index + 1]));
		});
	return (v3Fits ? v3 : matching(V2)) ?? v3;
}

/** Whether the official spec is at hand (HOOPAI_SPEC_DIR, by default ../shared/reference). */
export function specAvailable(): boolean {
	return setUp() !== undefined;
}

/**
 * `it`, skipped whole (and named so) when the official spec is absent: never run without it.
 * `needs` names another reference file the test reads (e.g. Scopes.md).
 */
export function itWithSpec(name: string, test: () => unknown, options: { timeout?: number; needs?: string } = {}): void {
	if (specAvailable() && (!options.needs || readReferenceText(options.needs) !== undefined))
		it(name, test as () => Promise<unknown>, options.timeout);
	else it.skip(`${name} (${SKIPPED_FOR_SPEC})`, () => {});
}

/** `describe`, skipped whole (and named so) when the official spec is absent. */
export function describeWithSpec(name: string, body: () => void): void {
	if (specAvailable()) describe(name, body);
	else describe.skip(`${name} (${SKIPPED_FOR_SPEC})`, body);
}

/**
 * How a request departs from the v3 spec: no such operation, a path parameter outside its
 * documented enum (e.g. a comment platform), or a body invalid against the request schema.
 * Only inside itWithSpec/describeWithSpec: without the spec it throws rather than find nothing.
 */
export function specProblems(request: LoggedRequest): string[] {
	const spec = setUp();
	if (!spec) throw new Error(`specProblems needs the official spec (${SKIPPED_FOR_SPEC}): run it inside itWithSpec or describeWithSpec`);
	const template = templateOf(request);
	if (!template) return [`${request.method} ${request.path}: no such operation in the v3 (or v2) spec`];
	const problems: string[] = [];
	const values = template.pattern.exec(request.path)!.slice(1);
	template.parameters.forEach((name, index) => {
		const allowed = spec.pathEnum(template.file, request.method, template.path, name);
		const value = decodeURIComponent(values[index]);
		if (allowed && !allowed.includes(value))
			problems.push(`${request.method} ${template.path}: {${name}} "${value}" is not one of ${allowed.join(', ')}`);
	});
	const errors = spec.requestErrors(template.file, request.method, template.path, request.body);
	if (template.file === OAUTH_V2 || template.file === OAUTH_V3) {
		errors.push(...spec.parameterErrors(template.file, request.method, template.path, request.query, request.headers.version));
	}
	for (const error of errors) problems.push(`${request.method} ${template.path}: ${error}`);
	return problems;
}

/**
 * The Social Planner and Marketplace requests of a simulator log that the spec check applies to:
 * all but the answers a test provoked and the faults that struck before the simulator read the request.
 */
export function checkableRequests(requests: LoggedRequest[]): LoggedRequest[] {
	return requests
		.filter((request) => /^\/(social-media-posting|oauth)\//.test(request.path) && !PROVOKED.includes(Number(request.status)))
		.filter((request) => !STRUCK_BEFORE_READING.includes(request.fault ?? ''));
}
