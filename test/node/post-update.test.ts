import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { propertyOf } from '../helpers/node-description';
import { loadSpecs } from '../helpers/reference';
import { itWithSpec } from '../helpers/spec-check';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, tokenCredentials } from '../helpers/simulator';
import { OpenApiValidator } from '../helpers/openapi';

const V3 = 'social-planner-v3.json';
const specs = loadSpecs();
type Schema = IDataObject & { properties?: Record<string, IDataObject> };

/** A component of the v3 spec by name. */
const component = (name: string) => specs![V3].components.schemas[name] as Schema;
/** The component a property points at ($ref, allOf or array items), if any. */
function componentOf(property: IDataObject): string | undefined {
	const target = (property.items ?? property) as IDataObject;
	const ref = (target.$ref ?? (target.allOf as IDataObject[] | undefined)?.[0]?.$ref) as string | undefined;
	return ref?.replace('#/components/schemas/', '');
}

/**
 * What Update must carry over, read from the spec: every field GET returns
 * (GetPostFormattedSchema) that the edit body (CreatePostDTO) accepts; when the two describe
 * the field with different components, only the keys both have.
 */
function carriedOver(): Record<string, true | string[]> {
	const returned = component('GetPostFormattedSchema').properties!;
	const accepted = component('CreatePostDTO').properties!;
	const carried: Record<string, true | string[]> = {};
	for (const key of Object.keys(returned).filter((name) => name in accepted)) {
		const [from, to] = [componentOf(returned[key]), componentOf(accepted[key])];
		carried[key] = from === to ? true : Object.keys(component(from!).properties!).filter((name) => name in component(to!).properties!);
	}
	return carried;
}

describeWithSimulator('Post → Update keeps what the API returns and the edit body accepts', (sim) => {
	const location = () => locationOf(sim());
	const account = (platform: string) => location().accounts.find((candidate: IDataObject) => candidate.platform === platform).id as string;
	const run = async (parameters: INodeParameters) =>
		await runNode({ parameters: { resource: 'post', simple: false, ...parameters }, credentials: tokenCredentials(sim()) });
	const postRef = (id: string) => ({ __rl: true, mode: 'id', value: id });
	const lastPut = () =>
		sim()
			.control.requests()
			.filter((request) => request.method === 'PUT')
			.at(-1)!.body as IDataObject;
	const seedPost = (post: IDataObject) => (sim().control.seed({ posts: [post] }).posts as IDataObject[])[0];
	const later = '2030-06-01T09:30:00.000Z';

	itWithSpec('carries over every field the spec lets it, as GET returned it', async () => {
		const carried = carriedOver();
		// A stored post with every documented field, filled from the spec's examples, made valid for this location.
		const example = new OpenApiValidator(specs!).fullExample(V3, { $ref: '#/components/schemas/GetPostFormattedSchema' });
		const [instagram, pinterest] = [account('instagram'), account('pinterest')];
		const post = seedPost({
			...example,
			status: 'scheduled',
			accountIds: [account('facebook'), instagram, pinterest],
			accountId: account('facebook'),
			createdBy: sim().userId,
			tags: [location().tags[0]._id],
			displayDate: later,
			scheduleDate: later,
			instagramPostDetails: { ...example.instagramPostDetails, collaborators: { [instagram]: ['partner_one'] } },
			pinterestPostDetails: { ...example.pinterestPostDetails, pinterestBoards: [{ accountId: pinterest, boards: ['123'] }] },
			// The example stops at its depth limit inside the poll.
			linkedinPostDetails: {
				...example.linkedinPostDetails,
				poll: { question: 'More roasts?', options: [{ text: 'Yes' }, { text: 'No' }], settings: { duration: 'ONE_DAY' } },
			},
		});
		const returned = (await run({ operation: 'get', postId: postRef(String(post._id)) })).items[0].json;

		const { error } = await run({ operation: 'update', postId: postRef(String(post._id)), updateFields: { summary: 'Changed' } });
		expect(error).toBeUndefined();
		const sent = lastPut();
		for (const [key, keep] of Object.entries(carried)) {
			const value = returned[key] as IDataObject;
			const expected =
				key === 'summary'
					? 'Changed'
					: keep === true
						? value
						: Object.fromEntries(keep.filter((name) => name in value).map((name) => [name, value[name]]));
			expect({ key, sent: sent[key] }).toEqual({ key, sent: expected });
		}
		// Two fields GET names differently: the date and the author.
		expect(sent).toEqual(expect.objectContaining({ scheduleDate: returned.displayDate, userId: returned.createdBy }));
		printFigures('Update carries over (from the v3 spec)', {
			'fields GET returns': Object.keys(component('GetPostFormattedSchema').properties!).length,
			'of them carried over': Object.keys(carried).length,
			'carried with a narrower schema': Object.entries(carried)
				.filter(([, keep]) => keep !== true)
				.map(([key]) => key)
				.join(', '),
		});
	});

	itWithSpec('Update Fields names each field the edit body takes that GET does not return', async () => {
		const returned = component('GetPostFormattedSchema').properties!;
		// scheduleDate and userId come back as displayDate and createdBy; the node sets scheduleTimeUpdated.
		const notReturned = Object.keys(component('CreatePostDTO').properties!).filter(
			(key) => !(key in returned) && !['scheduleDate', 'userId', 'scheduleTimeUpdated'].includes(key),
		);
		expect(notReturned.length).toBeGreaterThan(0);
		const updateFields = await propertyOf('updateFields', 'post', 'update');
		const offered = (updateFields.options as INodeProperties[]).filter((field) => notReturned.includes(field.name));
		expect(offered.map((field) => field.name).sort()).toEqual(['applyWatermark', 'categoryId', 'followUpComment']);
		for (const field of offered) expect(updateFields.description).toContain(field.displayName);
	});

	it('keeps the cover image the user gave the video', async () => {
		const created = await run({
			operation: 'create',
			accountIds: [account('facebook')],
			scheduleDate: '2030-06-01T09:30:00',
			summary: 'Latte art in slow motion',
			media: { items: [{ url: 'https://cdn.example.com/latte.mp4', options: { thumbnail: 'https://cdn.example.com/latte-cover.jpg' } }] },
		});
		const id = String(created.items[0].json._id);
		const { error } = await run({ operation: 'update', postId: postRef(id), updateFields: { summary: 'Latte art, slower' } });
		expect(error).toBeUndefined();
		expect(lastPut().media).toEqual([
			{ url: 'https://cdn.example.com/latte.mp4', type: 'video/mp4', thumbnail: 'https://cdn.example.com/latte-cover.jpg' },
		]);
		expect(location().posts.find((candidate: IDataObject) => candidate._id === id).thumbnail).toBe(
			'https://cdn.example.com/latte-cover.jpg',
		);
	});

	it('puts a cover image GET returns only on the post back on its first video', async () => {
		const post = seedPost({
			status: 'scheduled',
			accountIds: [account('facebook')],
			scheduleDate: later,
			media: [
				{ url: 'https://cdn.example.com/menu.png', type: 'image/png' },
				{ url: 'https://cdn.example.com/tour.mp4', type: 'video/mp4' },
			],
			thumbnail: 'https://cdn.example.com/tour-cover.jpg',
		});
		const { error } = await run({
			operation: 'update',
			postId: postRef(String(post._id)),
			updateFields: { summary: 'A tour of the roastery' },
		});
		expect(error).toBeUndefined();
		expect(lastPut().media).toEqual([
			{ url: 'https://cdn.example.com/menu.png', type: 'image/png' },
			{ url: 'https://cdn.example.com/tour.mp4', type: 'video/mp4', thumbnail: 'https://cdn.example.com/tour-cover.jpg' },
		]);
	});
});
