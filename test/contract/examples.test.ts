// Every workflow in examples/ against the package as it is: each parameter it sets on our nodes
// exists, is shown for its resource/operation and holds an allowed value (the e2e tier also runs
// them in a real n8n; this catches a stale example in the unit tests).
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { INode } from 'n8n-workflow';
import { loadPackage } from '../harness/package-classes';
import { loadPublicClasses, surfaceOf, type PublicClasses, type Surface } from './surface';
import { exampleWorkflows, workflowProblems } from './workflows';

const examples = exampleWorkflows();

describe('the example workflows fit the package', () => {
	let loaded: PublicClasses;
	let surface: Surface;
	let packageName: string;
	beforeAll(async () => {
		loaded = await loadPublicClasses();
		surface = surfaceOf(loaded);
		packageName = (await loadPackage()).packageName;
	});
	const problems = (nodes: INode[]) => workflowProblems({ nodes }, surface, loaded, packageName);
	const node = (parameters: INode['parameters'], typeVersion = 1): INode => ({
		id: 'n1',
		name: 'Post',
		type: `${packageName}.hoopAiSocialPlanner`,
		typeVersion,
		position: [0, 0],
		parameters,
	});

	it('there are examples, and they use the package’s nodes', () => {
		expect(examples.length).toBeGreaterThanOrEqual(9);
		for (const { workflow } of examples)
			expect(workflow.nodes.some((candidate) => candidate.type.startsWith(`${packageName}.`))).toBe(true);
	});

	it.each(examples.map(({ file, workflow }) => [file, workflow] as const))('%s', (_file, workflow) => {
		expect(workflowProblems(workflow, surface, loaded, packageName)).toEqual([]);
	});

	it('the check finds an unknown parameter, a field at the wrong level, a value not offered, a hidden field and an unknown version', () => {
		expect(problems([node({ operation: 'create', summary: 'x', content: 'x' })])).toEqual([
			'node "Post" (post:create): content: not a parameter of this resource/operation',
		]);
		expect(problems([node({ operation: 'create', media: { items: [{ url: 'https://cdn.example.com/a.jpg', altText: 'A' }] } })])).toEqual([
			'node "Post" (post:create): media.items.altText: not a parameter of this resource/operation',
		]);
		expect(problems([node({ operation: 'create', status: 'live' })])).toEqual([
			'node "Post" (post:create): status: "live" is not one of "draft", "in_review", "published", "scheduled"',
		]);
		expect(problems([node({ resource: 'post', operation: 'getAll', returnAll: true, limit: 5 })])).toEqual([
			'node "Post" (post:getAll): limit: not shown for the node\'s other settings',
		]);
		expect(problems([node({ resource: 'tag', operation: 'create' })])).toEqual([
			'node "Post": tag:create is not an operation of hoopAiSocialPlanner v1',
		]);
		expect(problems([node({}, 3)])).toEqual([`node "Post": ${packageName}.hoopAiSocialPlanner version 3 is not in the package`]);
		expect(problems([node({ operation: 'create', summary: '={{ $json.text }}', status: '={{ $json.status }}' })])).toEqual([]);
	});

	it('checks a tool node (n8n’s tool variant) by the node’s own parameters, its Tool Description allowed', () => {
		const tool = (parameters: INode['parameters']): INode => ({ ...node(parameters), type: `${packageName}.hoopAiSocialPlannerTool` });
		const described = { descriptionType: 'manual', toolDescription: 'Schedules a post', operation: 'create' };
		expect(problems([tool({ ...described, summary: "={{ $fromAI('Content', '', 'string') }}" })])).toEqual([]);
		expect(problems([tool({ ...described, content: 'x' })])).toEqual([
			'node "Post" (post:create): content: not a parameter of this resource/operation',
		]);
	});
});
