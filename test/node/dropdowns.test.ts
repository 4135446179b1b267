import { expect, it } from '@jest/globals';
import type { IDataObject } from 'n8n-workflow';
import { listSearch, loadOptions } from '../harness/n8n';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

describeWithSimulator('searchable lists and dropdowns', (sim) => {
	const location = () => locationOf(sim());
	const options = (parameters: IDataObject = {}) => ({
		parameters: { resource: 'post', ...parameters } as never,
		credentials: tokenCredentials(sim()),
	});

	it('accounts show name and network, marked when expired, and search by either', async () => {
		const all = await loadOptions('getAccounts', options());
		expect(all).toHaveLength(location().accounts.length);
		const tiktok = location().accounts.find((account: IDataObject) => account.platform === 'tiktok');
		expect(all).toContainEqual({ name: `${tiktok.name} (TikTok) – expired`, value: tiktok.id });

		const found = await listSearch('searchAccounts', { ...options(), filter: 'instagram' });
		expect(found.results.map((result) => result.value)).toEqual(
			location()
				.accounts.filter((account: IDataObject) => account.platform === 'instagram')
				.map((account: IDataObject) => account.id),
		);
	});

	it('posts list the recent and upcoming ones, a page at a time, searchable by text', async () => {
		sim().control.seed({
			posts: Array.from({ length: 60 }, (_value, index) => ({
				status: 'scheduled',
				accountIds: [location().accounts[0].id],
				summary: `Autumn special ${index}`,
				scheduleDate: new Date(Date.parse(sim().control.now()) + (index + 1) * 3_600_000).toISOString(),
			})),
		});
		const first = await listSearch('searchPosts', options());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await listSearch('searchPosts', { ...options(), paginationToken: first.paginationToken });
		expect(second.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results].map((result) => result.value);
		expect(new Set(ids).size).toBe(ids.length);

		const autumn = await listSearch('searchPosts', { ...options(), filter: 'autumn special 7' });
		expect(autumn.results.every((result) => result.name.toLowerCase().includes('autumn special 7'))).toBe(true);
	});

	it('categories search through the API; tags and users list every one', async () => {
		const coffee = await listSearch('searchCategories', { ...options(), filter: 'Coffee' });
		expect(coffee.results.map((result) => result.name)).toEqual(['Coffee tips']);

		const tags = await loadOptions('getTags', options());
		expect(tags.map((tag) => tag.name).sort()).toEqual(
			location()
				.tags.map((tag: IDataObject) => tag.tag)
				.sort(),
		);
		const categories = await loadOptions('getCategories', options());
		expect(categories).toHaveLength(location().categories.length);

		const users = await loadOptions('getUsers', options());
		expect(users.map((user) => user.value).sort()).toEqual(
			location()
				.users.map((user: IDataObject) => user.id)
				.sort(),
		);
		expect(users[0].name).toMatch(/ \(.+@.+\)$/);
	});

	it('statistics offer profile IDs, comments the accounts of the chosen network by origin ID', async () => {
		const profiles = await loadOptions('getProfiles', options({ resource: 'statistics' }));
		expect(profiles.map((profile) => profile.value).sort()).toEqual(
			location()
				.accounts.map((account: IDataObject) => account.profileId)
				.sort(),
		);

		const facebook = await loadOptions('getCommentAccounts', options({ resource: 'comment', platform: 'facebook' }));
		const account = location().accounts.find((candidate: IDataObject) => candidate.platform === 'facebook');
		expect(facebook).toEqual([{ name: account.name, value: account.originId }]);
	});

	it('answer nothing, and send nothing, until a credential is chosen; then they load', async () => {
		const before = sim().control.requests().length;
		const none = { ...options({ resource: 'comment', platform: 'facebook' }), credentialChosen: false };
		for (const method of ['getAccounts', 'getCategories', 'getCommentAccounts', 'getProfiles', 'getTags', 'getUsers']) {
			expect(await loadOptions(method, none)).toEqual([]);
		}
		for (const method of ['searchAccounts', 'searchCategories', 'searchPosts']) {
			expect(await listSearch(method, none)).toEqual({ results: [] });
		}
		expect(sim().control.requests().length).toBe(before);

		expect(await loadOptions('getAccounts', options())).toHaveLength(location().accounts.length);
	});
});
