import { describe, expect, it } from '@jest/globals';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { actionNodeProperties } from '../helpers/node-description';
import { networkModules, networkRegistry } from '../helpers/network-modules';
import { printFigures } from '../helpers/report';

/**
 * Each social network is one module (networks/<network>.ts) that answers every concern the node
 * has about it; the resources read the answers. Walks every module file as built, so a new
 * network cannot leave a concern out or stay out of the registry, and checks that the editor's
 * lists of networks are the modules' answers.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const CONCERNS = ['post', 'comments', 'statistics', 'connect', 'csvMediaError'];
const isFunction = (value: unknown) => typeof value === 'function';
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

/** What a network module leaves unanswered or answers in a shape the node cannot read. */
function unanswered(network: Loose): string[] {
	const problems: string[] = [];
	const check = (ok: boolean, what: string) => {
		if (!ok) problems.push(what);
	};
	check(typeof network.platform === 'string' && network.platform !== '', 'platform: the API’s platform value');
	check(typeof network.name === 'string' && network.name !== '', 'name: its name in the editor');
	for (const concern of CONCERNS)
		check(concern in network && network[concern] !== undefined, `${concern}: answered (null when the network does not have it)`);
	const { post, comments, statistics, connect, csvMediaError } = network;
	if (post) {
		check(['nothing', 'image or video', 'video'].includes(post.needsMedia), 'post.needsMedia');
		check(isFunction(post.maxMedia), 'post.maxMedia');
		check(post.maxCaption === null || isCount(post.maxCaption), 'post.maxCaption');
		check(typeof post.firstComment === 'boolean', 'post.firstComment');
		check(post.options !== undefined, 'post.options (null: no Platform Options of its own)');
		if (post.options) {
			check(post.options.group?.name === network.platform, 'post.options.group: named by the platform value');
			check(/PostDetails$/.test(post.options.detailsKey), 'post.options.detailsKey: the body’s …PostDetails field');
			check(isFunction(post.options.details) && isFunction(post.options.required), 'post.options.details and required');
		}
	}
	if (comments) {
		check(isCount(comments.maxLength), 'comments.maxLength');
		check(typeof comments.likes === 'boolean', 'comments.likes');
		check(Number.isInteger(comments.maxImages) && comments.maxImages >= 0, 'comments.maxImages');
	}
	if (statistics) check(typeof statistics.name === 'string' && statistics.name !== '', 'statistics.name');
	if (connect && 'unavailable' in connect) {
		check(typeof connect.unavailable === 'string' && connect.unavailable !== '', 'connect.unavailable: why it cannot be connected');
	} else if (connect) {
		check(['v2', 'v3'].includes(connect.paths), 'connect.paths');
		check(['accounts', 'locations'].includes(connect.loginSegment), 'connect.loginSegment');
		check(isFunction(connect.available), 'connect.available');
		check(connect.attachBody === null || isFunction(connect.attachBody), 'connect.attachBody (null: not attachable)');
	}
	check(csvMediaError === null || /Error$/.test(String(csvMediaError)), 'csvMediaError');
	return problems;
}

/** The module file a platform's network lives in: `tiktok-business` → `tiktokBusiness.js`. */
const fileOf = (platform: string) => `${platform.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase())}.js`;

const optionsOf = (property: INodeProperties | undefined) => (property?.options ?? []) as INodePropertyOptions[];

async function propertyNamed(name: string, resource: string): Promise<INodeProperties> {
	const found = (await actionNodeProperties()).find(
		(property) => property.name === name && property.displayOptions?.show?.resource?.includes(resource),
	);
	if (!found) throw new Error(`no ${name} on ${resource}`);
	return found;
}

describe('one module per social network', () => {
	const modules = networkModules();
	const { NETWORKS } = networkRegistry();
	const networks = NETWORKS as Loose[];

	it('each module exports one network that answers every concern', () => {
		const problems = modules.flatMap(({ file, exports }) => {
			const values = Object.values(exports);
			if (values.length !== 1) return [`${file}: exports ${values.length} values, a network module exports its network only`];
			return unanswered(values[0] as Loose).map((problem) => `${file}: ${problem}`);
		});
		printFigures('Network modules walked', {
			modules: modules.length,
			'posting (Post, Queue Item, CSV Import)': networks.filter((network) => network.post).length,
			'with Platform Options': networks.filter((network) => network.post?.options).length,
			'with comments': networks.filter((network) => network.comments).length,
			'in statistics': networks.filter((network) => network.statistics).length,
			'in the connect flow': networks.filter((network) => network.connect).length,
		});
		expect(modules.length).toBeGreaterThanOrEqual(12);
		expect(problems).toEqual([]);
	});

	it('every module is registered, in its own file, and the registry lists them by name', () => {
		const exported = modules.map(({ exports }) => Object.values(exports)[0]);
		expect(networks.filter((network) => !exported.includes(network)).map((network) => network.platform)).toEqual([]);
		expect(modules.filter(({ exports }) => !networks.includes(Object.values(exports)[0] as Loose)).map(({ file }) => file)).toEqual([]);
		expect(networks.map((network) => fileOf(network.platform))).toEqual(
			networks.map((network) => modules.find(({ exports }) => Object.values(exports)[0] === network)?.file),
		);
		const names = networks.map((network) => network.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('the check finds a concern a module leaves out', () => {
		const complete = networks.find((network) => network.platform === 'linkedin') as Loose;
		expect(unanswered(complete)).toEqual([]);
		const withoutComments = Object.fromEntries(Object.entries(complete).filter(([key]) => key !== 'comments'));
		expect(unanswered(withoutComments)).toEqual(['comments: answered (null when the network does not have it)']);
		expect(unanswered({ ...complete, post: { ...complete.post, maxCaption: undefined } })).toEqual(['post.maxCaption']);
		expect(unanswered({ ...complete, connect: { ...complete.connect, attachBody: undefined } })).toEqual([
			'connect.attachBody (null: not attachable)',
		]);
	});

	it('the editor’s lists of networks are the modules’ answers', async () => {
		const values = (options: INodePropertyOptions[]) => options.map((option) => option.value);
		const platforms = (filter: (network: Loose) => unknown) => networks.filter(filter).map((network) => network.platform);

		const groups = ((await propertyNamed('updateFields', 'post')).options as INodeProperties[]).find(
			(option) => option.name === 'platformOptions',
		);
		expect(((groups?.options ?? []) as INodePropertyCollection[]).map((group) => group.name)).toEqual(
			platforms((network) => network.post?.options),
		);

		const accountFilters = (await propertyNamed('accountFilters', 'account')).options as INodeProperties[];
		expect(values(optionsOf(accountFilters.find((option) => option.name === 'platforms')))).toEqual(platforms((network) => network.post));

		const commentPlatforms = optionsOf(await propertyNamed('platform', 'comment'));
		expect(values(commentPlatforms)).toEqual(platforms((network) => network.comments));
		expect(commentPlatforms.filter((option) => option.description).map((option) => option.value)).toEqual(
			platforms((network) => network.comments && !network.comments.likes),
		);
		const images = await propertyNamed('attachments', 'comment');
		expect(images.displayOptions?.show?.platform).toEqual(platforms((network) => network.comments?.maxImages));

		const statistics = optionsOf(await propertyNamed('platforms', 'statistics'));
		expect(statistics.map((option) => [option.value, option.name])).toEqual(
			networks.filter((network) => network.statistics).map((network) => [network.platform, network.statistics.name]),
		);

		// The connect flow offers only the networks whose connect steps work (not X, not Bluesky).
		const connectable = platforms((network) => network.connect && !('unavailable' in network.connect));
		expect(connectable).not.toContain('twitter');
		expect(connectable).not.toContain('bluesky');
		for (const [field, resource] of [
			['connectPlatform', 'accountConnection'],
			['availablePlatform', 'accountConnection'],
			['attachPlatform', 'accountConnection'],
		]) {
			expect({ field, values: values(optionsOf(await propertyNamed(field, resource))) }).toEqual({ field, values: connectable });
		}
	});
});
