import { expect, it } from '@jest/globals';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

describeWithSimulator('Account resource', (sim) => {
	const location = () => locationOf(sim());

	it('Get Many with Simplify off outputs one item per connected account, as the API gives it', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true, simple: false },
			credentials: tokenCredentials(sim()),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(location().accounts.map((account: { id: string }) => account.id));
		expect(items[0].json).toEqual(
			expect.objectContaining({ name: expect.any(String), platform: expect.any(String), isExpired: expect.any(Boolean) }),
		);
	});

	it('Simplify (on by default) gives each account by name and network, whether it expired, and its ID; each group by its accounts', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: tokenCredentials(sim()),
		});
		expect(error).toBeUndefined();
		const tiktok = location().accounts.find((account: { platform: string }) => account.platform === 'tiktok');
		expect(items.map((item) => item.json)).toContainEqual({
			name: tiktok.name,
			network: 'TikTok',
			type: tiktok.type,
			expired: true,
			id: tiktok.id,
		});
		expect(items.map((item) => Object.keys(item.json).join())).toEqual(location().accounts.map(() => 'name,network,type,expired,id'));

		const groups = await runNode({
			parameters: { resource: 'account', operation: 'getAll', output: 'groups', returnAll: true },
			credentials: tokenCredentials(sim()),
		});
		const [group] = location().groups;
		// The group "Brand channels": the Facebook, Instagram and LinkedIn accounts.
		const network: Record<string, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };
		const named = group.accountIds.map((id: string) => location().accounts.find((account: { id: string }) => account.id === id));
		const labels = named.map((account: { name: string; platform: string }) => `${account.name} (${network[account.platform]})`);
		expect(groups.items[0].json).toEqual({ name: group.name, accounts: labels.join(', ') });
	});

	it('Get Many filters by platform, leaves out expired accounts and honours the Limit', async () => {
		const byPlatform = await runNode({
			parameters: {
				resource: 'account',
				operation: 'getAll',
				returnAll: true,
				simple: false,
				accountFilters: { platforms: ['instagram', 'tiktok'] },
			},
			credentials: tokenCredentials(sim()),
		});
		expect(byPlatform.items.map((item) => item.json.platform).sort()).toEqual(['instagram', 'tiktok']);

		const fresh = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true, simple: false, accountFilters: { excludeExpired: true } },
			credentials: tokenCredentials(sim()),
		});
		expect(fresh.items.length).toBe(location().accounts.filter((account: { isExpired: boolean }) => !account.isExpired).length);
		expect(fresh.items.some((item) => item.json.isExpired)).toBe(false);

		const limited = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: false, limit: 2 },
			credentials: tokenCredentials(sim()),
		});
		expect(limited.items).toHaveLength(2);
	});

	it('Get Many can return the account groups instead', async () => {
		const { items } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', output: 'groups', returnAll: true, simple: false },
			credentials: tokenCredentials(sim()),
		});
		expect(items.map((item) => item.json)).toEqual(location().groups);
	});

	it('Delete removes the account from the location and its groups, and outputs {deleted, id}', async () => {
		const [account] = location().groups[0].accountIds;
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'delete', accountId: { __rl: true, mode: 'list', value: account } },
			credentials: tokenCredentials(sim()),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: account }]);
		expect(location().accounts.some((candidate: { id: string }) => candidate.id === account)).toBe(false);
		expect(location().groups[0].accountIds).not.toContain(account);
	});

	it('Delete of an unknown account fails with the API’s 404 message and traceId', async () => {
		const { error } = await runNode({
			parameters: { resource: 'account', operation: 'delete', accountId: { __rl: true, mode: 'id', value: 'no-such-account' } },
			credentials: tokenCredentials(sim()),
		});
		expect(error?.name).toBe('NodeApiError');
		expect((error as { httpCode?: string }).httpCode).toBe('404');
		expect(error?.description).toMatch(/traceId: \S+/);
	});

	it('an API 400 keeps the API’s message (here: an unknown Version header)', async () => {
		const { error } = await runNode({
			parameters: { resource: 'account', operation: 'getAll', returnAll: true },
			credentials: tokenCredentials(sim(), { apiVersion: '1999-01-01' }),
		});
		expect(error?.name).toBe('NodeApiError');
		expect((error as { httpCode?: string }).httpCode).toBe('400');
		expect(error?.message).toMatch(/version/i);
		expect(error?.description).toMatch(/traceId: \S+/);
	});

	it('with Continue On Fail an API error becomes an error item carrying the API’s message', async () => {
		const existing = location().accounts[0].id as string;
		const { items, error } = await runNode({
			parameters: { resource: 'account', operation: 'delete', accountId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			credentials: tokenCredentials(sim()),
			input: [{ id: 'no-such-account' }, { id: existing }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toEqual(expect.stringMatching(/not found/i));
		expect(items[1].json).toEqual({ deleted: true, id: existing });
		expect(location().accounts.some((account: { id: string }) => account.id === existing)).toBe(false);
	});
});
