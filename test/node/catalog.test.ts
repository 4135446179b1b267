import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { optionValues, propertyOf } from '../helpers/node-description';
import { loadSpecs } from '../helpers/reference';
import { itWithSpec } from '../helpers/spec-check';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';

const specs = loadSpecs();

describeWithSimulator('Category, Tag, Statistic and Comment resources', (sim) => {
	const location = () => locationOf(sim());
	const run = async (parameters: INodeParameters) => await runNode({ parameters, credentials: tokenCredentials(sim()) });
	const accountOf = (platform: string) => location().accounts.find((account: IDataObject) => account.platform === platform);

	it('Category → Get Many returns every category over several pages, and searches by name', async () => {
		sim().control.seed({ categories: Array.from({ length: 205 }, (_value, index) => ({ name: `Series ${index}` })) });
		const total = location().categories.length;
		const before = sim().control.requests().length;
		const all = await run({ resource: 'category', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(total);
		expect(
			sim()
				.control.requests()
				.slice(before)
				.map((request) => request.query),
		).toEqual([
			{ skip: '0', limit: '100' },
			{ skip: '100', limit: '100' },
			{ skip: '200', limit: '100' },
		]);

		const found = await run({ resource: 'category', operation: 'getAll', returnAll: true, searchText: 'Coffee' });
		expect(found.items.map((item) => item.json.name)).toEqual(['Coffee tips']);
	});

	it('Category → Get outputs the category', async () => {
		const category = location().categories[1];
		const { items } = await run({ resource: 'category', operation: 'get', categoryId: { __rl: true, mode: 'list', value: category._id } });
		expect(items.map((item) => item.json._id)).toEqual([category._id]);
		expect(items[0].json.name).toBe(category.name);
	});

	it('Tag → Get Many honours the Limit', async () => {
		const limited = await run({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.items).toHaveLength(3);
		expect(limited.items[0].json).toEqual(expect.objectContaining({ _id: expect.any(String), tag: expect.any(String) }));
	});

	it('Tag → Get Many with the Tag IDs filter returns exactly those tags, in one request to tags/details', async () => {
		const [first, , third] = location().tags;
		const before = sim().control.requests().length;
		const byIds = await run({ resource: 'tag', operation: 'getAll', returnAll: true, tagFilters: { tagIds: [first._id, third._id] } });
		expect(byIds.error).toBeUndefined();
		expect(byIds.items.map((item) => item.json.tag).sort()).toEqual([first.tag, third.tag].sort());
		const sent = sim().control.requests().slice(before);
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /social-media-posting/${sim().locationId}/tags/details`,
		]);
		expect(sent[0].body).toEqual({ tagIds: [first._id, third._id] });

		const limited = await run({ resource: 'tag', operation: 'getAll', limit: 1, tagFilters: { tagIds: `${first._id}, ${third._id}` } });
		expect(limited.items).toHaveLength(1);
		const searched = await run({
			resource: 'tag',
			operation: 'getAll',
			returnAll: true,
			searchText: third.tag,
			tagFilters: { tagIds: [first._id, third._id] },
		});
		expect(searched.items.map((item) => item.json._id)).toEqual([third._id]);
	});

	it('Statistic → Get reports on every live account by default, with a custom period compared with the one before', async () => {
		const before = sim().control.requests().length;
		const { items, error } = await run({
			resource: 'statistics',
			operation: 'get',
			range: 'custom',
			startDate: '2026-11-01T00:00:00Z',
			endDate: '2026-11-08T00:00:00Z',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(expect.objectContaining({ totals: expect.any(Object), dayRange: expect.any(Array) }));
		const sent = sim().control.requests().slice(before).at(-1)!;
		expect(sent.query).toEqual({ locationId: sim().locationId });
		const live = location()
			.accounts.filter((account: IDataObject) => !account.isExpired)
			.map((account: IDataObject) => account.profileId);
		expect(sent.body).toEqual({
			profileIds: live,
			currentRange: { startDate: '2026-11-01T00:00:00.000Z', endDate: '2026-11-08T00:00:00.000Z' },
			prevRange: { startDate: '2026-10-25T00:00:00.000Z', endDate: '2026-11-01T00:00:00.000Z' },
		});
	});

	itWithSpec('Statistic → Get offers exactly the platforms the v3 spec accepts, and the API takes each', async () => {
		const documented = specs!['social-planner-v3.json'].paths['/social-media-posting/statistics'].post.requestBody.content[
			'application/json'
		].schema.properties.platforms.items.enum as string[];
		const offered = optionValues(await propertyOf('platforms', 'statistics')) as string[];
		expect([...offered].sort()).toEqual([...documented].sort());

		const profileIds = location()
			.accounts.filter((account: IDataObject) => !account.isExpired)
			.map((account: IDataObject) => account.profileId);
		for (const platform of offered) {
			const before = sim().control.requests().length;
			const { error } = await run({ resource: 'statistics', operation: 'get', platforms: [platform], profileIds });
			expect({ platform, error: error?.message }).toEqual({ platform, error: undefined });
			expect(sim().control.requests().slice(before).at(-1)!.body).toEqual(expect.objectContaining({ platforms: [platform] }));
		}
	});

	it('Statistic → Get rejects a period that ends before it starts', async () => {
		const { error } = await run({
			resource: 'statistics',
			operation: 'get',
			range: 'custom',
			startDate: '2026-11-08T00:00:00Z',
			endDate: '2026-11-01T00:00:00Z',
		});
		expect(error?.message).toBe('Start Date: not before End Date; choose a Start Date before the End Date');
	});

	it('Comment → Get Many lists the comments on an account’s posts, with numeric skip/limit', async () => {
		const facebook = accountOf('facebook');
		const expected = location().comments.filter((comment: IDataObject) => comment.originId === facebook.originId);
		const before = sim().control.requests().length;
		const { items, error } = await run({
			resource: 'comment',
			operation: 'getAll',
			platform: 'facebook',
			originIds: [facebook.originId],
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json._id).sort()).toEqual(expected.map((comment: IDataObject) => comment._id).sort());
		// The accounts are read first: the field takes names too.
		const sent = sim().control.requests().slice(before);
		expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /social-media-posting/${sim().locationId}/accounts`,
			'POST /social-media-posting/comments/facebook/list',
		]);
		expect(sent[1].body).toEqual({ originIds: [facebook.originId], skip: 0, limit: 100 });
	});

	it('Comment → Create replies to a comment; Like and Unlike answer with the new state', async () => {
		const [comment] = location().comments;
		const reply = await run({
			resource: 'comment',
			operation: 'create',
			platform: 'facebook',
			parentId: comment._id,
			isParentThread: false,
			content: 'Thanks for asking!',
		});
		expect(reply.error).toBeUndefined();
		expect(reply.items[0].json).toEqual(expect.objectContaining({ content: 'Thanks for asking!' }));
		expect(location().comments.some((candidate: IDataObject) => candidate.content === 'Thanks for asking!')).toBe(true);

		const liked = await run({ resource: 'comment', operation: 'like', platform: 'facebook', commentId: comment._id });
		expect(liked.items.map((item) => item.json)).toEqual([{ liked: true, id: comment._id }]);
		const unliked = await run({ resource: 'comment', operation: 'unlike', platform: 'facebook', commentId: comment._id });
		expect(unliked.items.map((item) => item.json)).toEqual([{ liked: false, id: comment._id }]);
		const methods = sim()
			.control.requests()
			.slice(-2)
			.map((request) => `${request.method} ${request.path}`);
		expect(methods).toEqual([
			`POST /social-media-posting/comments/facebook/${comment._id}/like`,
			`DELETE /social-media-posting/comments/facebook/${comment._id}/like`,
		]);
	});

	it('Comment → Like and Unlike refuse a platform whose comments cannot be liked, before sending', async () => {
		const comment = location().comments.find((candidate: IDataObject) => candidate.platform === 'instagram');
		const before = sim().control.requests().length;
		for (const operation of ['like', 'unlike']) {
			const { error } = await run({ resource: 'comment', operation, platform: 'instagram', commentId: comment._id });
			expect(error?.message).toBe('Platform: Instagram comments cannot be liked or unliked through the API; like them in Instagram itself');
		}
		expect(sim().control.requests().length).toBe(before);
	});
});
