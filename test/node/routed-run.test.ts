import { expect, it } from '@jest/globals';
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

/**
 * Routed operations (apiRouting) are run by the package (shared/runRouted.ts), through n8n-core's
 * WorkflowExecute as n8n runs them: an input check stays the node's NodeOperationError (n8n-core's
 * RoutingNode made it a NodeApiError with HTTP code "none"), an API error stays the API's, and the
 * rest behaves as RoutingNode did (pairing, Continue On Fail, n8n's Request Options).
 */
describeWithSimulator('routed operations, run by the package', (sim) => {
	const postIds = () => locationOf(sim()).posts.map((post: IDataObject) => String(post._id)) as string[];
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it.each([
		['Post → Delete with the ID ../x', { resource: 'post', operation: 'delete', postId: byId('../x') }, 'Post: "../x" is not an ID'],
		[
			'Category Queue → Update with a time slot 25:99',
			{
				resource: 'categoryQueue',
				operation: 'update',
				queue: byId('65f0c0de0000000000000042'),
				queueUpdateFields: { timeSlots: { slots: [{ dayOfWeek: 1, time: '25:99' }] } },
			},
			'Time Slots → Time: "25:99" is not allowed; use HH:mm from 00:00 to 23:59',
		],
	])('%s fails as a NodeOperationError, nothing sent', async (_case, parameters, message) => {
		const before = sim().control.requests().length;
		const { error } = await runNode({ parameters, credentials: tokenCredentials(sim()) });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect((error as { httpCode?: string }).httpCode).toBeUndefined();
		expect(requestsSince(sim(), before)).toEqual([]);
	});

	it('an API error stays the API’s NodeApiError with its HTTP code', async () => {
		const { error } = await runNode({
			parameters: { resource: 'post', operation: 'get', postId: byId('65f0c0de00000000000fffff') },
			credentials: tokenCredentials(sim()),
		});
		expect(error?.name).toBe('NodeApiError');
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('with Continue On Fail, each item is paired, and a bad one’s error item carries the NodeOperationError', async () => {
		const [first, second] = postIds();
		const { items, error } = await runNode({
			parameters: { resource: 'post', operation: 'get', postId: byId('={{ $json.id }}'), simple: false },
			credentials: tokenCredentials(sim()),
			continueOnFail: true,
			input: [{ id: first }, { id: 'a/b' }, { id: second }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json._id ?? item.json.error])).toEqual([
			[{ item: 0 }, first],
			[{ item: 1 }, 'Post: "a/b" is not an ID'],
			[{ item: 2 }, second],
		]);
		expect(items[1].error).toBeInstanceOf(NodeOperationError);
		expect(items[1].error).not.toBeInstanceOf(NodeApiError);
	});

	it('Request Options → Batching still spaces the items', async () => {
		const [first, second, third] = postIds();
		const started = Date.now();
		const { items, error } = await runNode({
			parameters: {
				resource: 'post',
				operation: 'get',
				postId: byId('={{ $json.id }}'),
				simple: false,
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 150 } } },
			},
			credentials: tokenCredentials(sim()),
			input: [{ id: first }, { id: second }, { id: third }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		// Two waits of 150 ms between three batches of one.
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
	});
});
