import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { countExpressions } from '../harness/expressions';
import { runNode } from '../harness/n8n';
import { loadPackage } from '../harness/package-classes';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, tokenCredentials, type Simulator } from '../helpers/simulator';

/**
 * Expressions n8n evaluates per input item for each operation, counted inside n8n-core while the
 * node runs against the simulator. Each case maps the values a user typically maps from the input
 * item with an expression (`user`); everything else the node evaluates is its own overhead.
 *
 * The budgets are the counts issue 11 brought them down to. What they are made of:
 * - each request: 2, the credential's own `Authorization` and `Version` templates (n8n's HTTP
 *   Request node pays the same with this credential);
 * - each expression-valued parameter of a routed operation: 3 — n8n-core's RoutingNode evaluates
 *   every top-level parameter once for the request and once more to find the base URL's owner,
 *   whether the operation uses it or not, and the hook that needs it reads it once;
 * - each one of a custom operation (Create, Update, Delete Many): 1, read once.
 * A count above its budget fails: an expression was added to a routed description (every
 * `={{ … }}` in a property, a routing template or requestDefaults is evaluated per item), a
 * property was declared twice under one name, or a value is read more than once.
 */
interface CostCase {
	operation: string;
	parameters: INodeParameters;
	/** Expressions in `parameters` (the user's own). */
	user: number;
	/** The input items' JSON for `count` items. */
	input: (sim: Simulator, count: number) => IDataObject[];
	budget: number;
}

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: expression });
const blank = (_sim: Simulator, count: number) => Array.from({ length: count }, () => ({}));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pick = (sim: Simulator, collection: string, filter: (entry: any) => boolean = () => true) =>
	locationOf(sim)[collection].filter(filter) as IDataObject[];
const cycle = <T>(list: T[], count: number) => Array.from({ length: count }, (_unused, index) => list[index % list.length]);
const inAYear = () => new Date(Date.now() + 365 * 86400000).toISOString().slice(0, 19);

const CASES: CostCase[] = [
	{
		operation: 'post.get',
		parameters: { resource: 'post', operation: 'get', postId: byId('={{ $json.postId }}') },
		user: 1,
		input: (sim, count) => cycle(pick(sim, 'posts'), count).map((post) => ({ postId: post._id })),
		budget: 5,
	},
	{
		operation: 'post.delete',
		parameters: { resource: 'post', operation: 'delete', postId: byId('={{ $json.postId }}') },
		user: 1,
		input: (sim, count) =>
			pick(sim, 'posts')
				.slice(0, count)
				.map((post) => ({ postId: post._id })),
		budget: 5,
	},
	{
		operation: 'post.getAll',
		parameters: { resource: 'post', operation: 'getAll', limit: 5 },
		user: 0,
		input: blank,
		budget: 2,
	},
	{
		operation: 'post.getAll (date filters)',
		parameters: {
			resource: 'post',
			operation: 'getAll',
			limit: 5,
			filters: { fromDate: '={{ $json.from }}', toDate: '={{ $json.to }}' },
		},
		user: 2,
		input: (_sim, count) => Array.from({ length: count }, () => ({ from: '2026-01-01T00:00:00Z', to: '2036-01-01T00:00:00Z' })),
		budget: 8,
	},
	{
		operation: 'post.create',
		parameters: {
			resource: 'post',
			operation: 'create',
			accountIds: '={{ $json.accountIds }}',
			status: 'scheduled',
			scheduleDate: '={{ $json.when }}',
			summary: '={{ $json.text }}',
		},
		user: 3,
		input: (sim, count) => {
			const facebook = pick(sim, 'accounts', (account) => account.platform === 'facebook')[0];
			return Array.from({ length: count }, (_unused, index) => ({ accountIds: [facebook.id], when: inAYear(), text: `Post ${index}` }));
		},
		budget: 5,
	},
	{
		operation: 'post.update',
		parameters: {
			resource: 'post',
			operation: 'update',
			postId: byId('={{ $json.postId }}'),
			updateFields: { summary: '={{ $json.text }}' },
		},
		user: 2,
		input: (sim, count) =>
			cycle(
				pick(sim, 'posts', (post) => post.status === 'draft'),
				count,
			).map((post, index) => ({ postId: post._id, text: `Edit ${index}` })),
		budget: 8,
	},
	{
		operation: 'post.bulkDelete',
		parameters: { resource: 'post', operation: 'bulkDelete', postIds: '={{ $json.postId }}' },
		user: 1,
		input: (sim, count) =>
			pick(sim, 'posts')
				.slice(0, count)
				.map((post) => ({ postId: post._id })),
		budget: 1,
	},
	{ operation: 'account.getAll', parameters: { resource: 'account', operation: 'getAll' }, user: 0, input: blank, budget: 2 },
	{
		operation: 'account.delete',
		parameters: { resource: 'account', operation: 'delete', accountId: byId('={{ $json.accountId }}') },
		user: 1,
		input: (sim, count) =>
			pick(sim, 'accounts')
				.slice(0, count)
				.map((account) => ({ accountId: account.id })),
		budget: 5,
	},
	{
		operation: 'category.get',
		parameters: { resource: 'category', operation: 'get', categoryId: byId('={{ $json.categoryId }}') },
		user: 1,
		input: (sim, count) => cycle(pick(sim, 'categories'), count).map((category) => ({ categoryId: category._id })),
		budget: 5,
	},
	{ operation: 'category.getAll', parameters: { resource: 'category', operation: 'getAll' }, user: 0, input: blank, budget: 2 },
	{ operation: 'tag.getAll', parameters: { resource: 'tag', operation: 'getAll' }, user: 0, input: blank, budget: 2 },
	{
		operation: 'tag.getAll (Tag IDs filter)',
		parameters: { resource: 'tag', operation: 'getAll', tagFilters: { tagIds: '={{ $json.tagIds }}' } },
		user: 1,
		input: (sim, count) => cycle(pick(sim, 'tags'), count).map((tag) => ({ tagIds: [tag._id] })),
		budget: 5,
	},
	{ operation: 'statistics.get', parameters: { resource: 'statistics', operation: 'get' }, user: 0, input: blank, budget: 2 },
	{
		operation: 'comment.getAll',
		parameters: { resource: 'comment', operation: 'getAll', platform: 'facebook', originIds: '={{ $json.originId }}' },
		user: 1,
		input: (sim, count) => {
			const facebook = pick(sim, 'accounts', (account) => account.platform === 'facebook')[0];
			return Array.from({ length: count }, () => ({ originId: facebook.originId }));
		},
		budget: 5,
	},
	{
		operation: 'comment.create',
		parameters: {
			resource: 'comment',
			operation: 'create',
			platform: 'facebook',
			parentId: '={{ $json.commentId }}',
			isParentThread: false,
			content: '={{ $json.text }}',
		},
		user: 2,
		input: (sim, count) =>
			cycle(
				pick(sim, 'comments', (comment) => comment.platform === 'facebook'),
				count,
			).map((comment, index) => ({ commentId: comment._id, text: `Reply ${index}` })),
		budget: 8,
	},
	{
		operation: 'comment.like',
		parameters: { resource: 'comment', operation: 'like', platform: 'facebook', commentId: '={{ $json.commentId }}' },
		user: 1,
		input: (sim, count) =>
			cycle(
				pick(sim, 'comments', (comment) => comment.platform === 'facebook'),
				count,
			).map((comment) => ({ commentId: comment._id })),
		budget: 5,
	},
];

describeWithSimulator('expressions evaluated per item', (sim) => {
	const figures: Record<string, string> = {};

	/** Expressions for `count` items, on a freshly reset simulator. */
	const measure = async (costCase: CostCase, count: number) => {
		sim().control.reset('sample');
		const { result, count: expressions } = await countExpressions(
			async () =>
				await runNode({
					parameters: costCase.parameters,
					credentials: tokenCredentials(sim()),
					input: costCase.input(sim(), count),
				}),
		);
		expect(result.error).toBeUndefined();
		return expressions;
	};

	it.each(CASES.map((costCase) => [costCase.operation, costCase] as const))('%s stays within its budget', async (_name, costCase) => {
		// Two runs separate what is paid per item from what is paid once per run.
		const one = await measure(costCase, 1);
		const three = await measure(costCase, 3);
		const perItem = (three.total - one.total) / 2;
		const perRun = one.total - perItem;
		const top = [...three.byText.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 4)
			.map(([text, times]) => `${times / 3}× ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`)
			.join(' | ');
		figures[costCase.operation] = `${perItem} per item (user's own: ${costCase.user}), ${perRun} per run — ${top}`;
		expect(perItem).toBeLessThanOrEqual(costCase.budget);
	});

	it('declares every parameter that can hold an expression once (each declaration is evaluated per item)', async () => {
		const { nodeTypes, packageName } = await loadPackage();
		const declared = new Map<string, number>();
		for (const property of nodeTypes[`${packageName}.hoopAiSocialPlanner`].description.properties) {
			if (property.noDataExpression) continue;
			declared.set(property.name, (declared.get(property.name) ?? 0) + 1);
		}
		expect([...declared].filter(([, times]) => times > 1)).toEqual([]);
	});

	it('prints the figures', () => {
		printFigures('Expressions evaluated per item (n8n-core 2.41 RoutingNode/WorkflowExecute, token credential)', figures);
		expect(Object.keys(figures)).toHaveLength(CASES.length);
	});
});
