import { expect } from '@jest/globals';
import { OpenApiValidator } from '../simulator/openapi';
import type { LoggedRequest, Simulator } from '../simulator';
import { loadSpecs } from './reference';

const V3 = 'social-planner-v3.json';
// Answers that tests provoke on purpose (bad token, missing scope, invalid body, faults).
const PROVOKED = [401, 403, 422, 429, 500, 502, 503];

let validator: OpenApiValidator | undefined;
let templates: Array<{ method: string; path: string; pattern: RegExp; literal: number }> = [];

function setUp(): OpenApiValidator | undefined {
	if (validator) return validator;
	const specs = loadSpecs();
	if (!specs) return undefined;
	validator = new OpenApiValidator(specs);
	templates = Object.entries(specs[V3].paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
		Object.keys(operations).map((method) => ({
			method: method.toUpperCase(),
			path,
			pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
			literal: path.replace(/\{[^}]+\}/g, '').length,
		})),
	);
	return validator;
}

/** The v3 spec path a request went to (the most literal template that matches). */
function templateOf(request: LoggedRequest) {
	return templates
		.filter((template) => template.method === request.method && template.pattern.test(request.path))
		.sort((a, b) => b.literal - a.literal)[0];
}

/**
 * Every Social Planner request the simulator logged (except answers a test provoked) must match
 * an operation of the v3 spec and carry a body valid against its request schema. Without
 * ../shared/reference the check is skipped (the suite says so in its name elsewhere).
 */
export function expectRequestsMatchSpec(sim: Simulator): void {
	const spec = setUp();
	if (!spec) return;
	const problems: string[] = [];
	for (const request of sim.control.requests()) {
		if (!request.path.startsWith('/social-media-posting/') || PROVOKED.includes(Number(request.status))) continue;
		const template = templateOf(request);
		if (!template) {
			problems.push(`${request.method} ${request.path}: no such operation in the v3 spec`);
			continue;
		}
		for (const error of spec.requestErrors(V3, request.method, template.path, request.body)) {
			problems.push(`${request.method} ${template.path}: ${error}`);
		}
	}
	expect(problems).toEqual([]);
}
