import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NodeConnectionTypes, type IDataObject, type INodeType, type IPollFunctions } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { startRecordingServer } from '../helpers/recording-server';

/**
 * A test-only polling node: lists accounts with our credential and emits the ones it has not seen,
 * keeping what it saw in static data, as the package's trigger will do with posts.
 */
class SeenAccountsTrigger implements INodeType {
	description = {
		displayName: 'Seen Accounts Trigger',
		name: 'seenAccountsTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: {},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hoopAiApi', required: true }],
		properties: [],
	} as INodeType['description'];

	async poll(this: IPollFunctions) {
		const credentials = await this.getCredentials('hoopAiApi');
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'hoopAiApi', {
			method: 'GET',
			url: `${credentials.baseUrl}/social-media-posting/${credentials.locationId}/accounts`,
			json: true,
		})) as { results: { accounts: IDataObject[] } };
		const state = this.getWorkflowStaticData('node') as { seen?: string[] };
		const fresh = response.results.accounts.filter((account) => !(state.seen ?? []).includes(String(account.id)));
		if (this.getMode() === 'manual') return [this.helpers.returnJsonArray(response.results.accounts.slice(0, 1))];
		state.seen = [...(state.seen ?? []), ...fresh.map((account) => String(account.id))];
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}

describe('the harness runs polling triggers through n8n-core’s PollContext', () => {
	const accounts: IDataObject[] = [{ id: 'a1' }];
	let server: Awaited<ReturnType<typeof startRecordingServer>>;

	beforeAll(async () => {
		server = await startRecordingServer(() => ({ status: 200, body: { results: { accounts, groups: [] } } }));
	});
	afterAll(async () => await server.close());

	const poller = async () =>
		await Poller.create({
			nodeType: 'test.seenAccountsTrigger',
			extraNodeTypes: { 'test.seenAccountsTrigger': new SeenAccountsTrigger() },
			parameters: {},
			credentials: { type: 'hoopAiApi', data: { accessToken: 'poll-token', locationId: 'L1', baseUrl: server.url } },
		});

	it('applies the credential and keeps static data from poll to poll', async () => {
		const trigger = await poller();
		const first = await trigger.poll();
		expect(first?.[0].map((item) => item.json.id)).toEqual(['a1']);
		expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer poll-token');
		expect(server.requests.at(-1)?.headers.version).toBe('2021-07-28');

		await expect(trigger.poll()).resolves.toBeNull();
		accounts.push({ id: 'a2' });
		const third = await trigger.poll();
		expect(third?.[0].map((item) => item.json.id)).toEqual(['a2']);
		expect(trigger.staticData()).toEqual({ 'node:HoopAI': { seen: ['a1', 'a2'] } });
	});

	it('reports manual mode to the node', async () => {
		const trigger = await poller();
		const manual = await trigger.poll('manual', 'manual');
		expect(manual?.[0]).toHaveLength(1);
		expect(trigger.staticData()).toEqual({ 'node:HoopAI': {} });
	});
});
