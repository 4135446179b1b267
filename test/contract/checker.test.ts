// The contract check itself, on copies of the package's own descriptions changed the ways a
// release must not change them (and the ways it may).
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { breakages, HOW_TO_VERSION, loadPublicClasses, surfaceOf, withAdditions, type PublicClasses, type Surface } from './surface';

const NODE = 'hoopAiSocialPlanner';

describe('the contract check', () => {
	let loaded: PublicClasses;
	let contract: Surface;
	beforeAll(async () => {
		loaded = await loadPublicClasses();
		contract = surfaceOf(loaded);
	});

	/** The package with the action node's version 1 changed by `change` (a copy: the real classes stay as they are). */
	function changed(change: (description: INodeTypeDescription) => void): PublicClasses {
		const copy = JSON.parse(JSON.stringify(loaded)) as PublicClasses;
		const description = copy.nodes[NODE]['1'];
		change(description);
		// As loadPublicClasses gives a description that serves several versions: once per version.
		copy.nodes[NODE] = Object.fromEntries([description.version].flat().map((version) => [String(version), description]));
		return copy;
	}
	const property = (description: INodeTypeDescription, name: string, resource = 'post') =>
		description.properties.find(
			(candidate) =>
				candidate.name === name && (!candidate.displayOptions?.show?.resource || candidate.displayOptions.show.resource.includes(resource)),
		)!;

	it('passes the package as it is', () => {
		expect(breakages(contract, surfaceOf(loaded))).toEqual([]);
	});

	it('fails on a removed option value, naming it and the operations it is in', () => {
		const current = surfaceOf(
			changed((description) => {
				const status = property(description, 'status');
				status.options = status.options!.filter((option) => 'value' in option && option.value !== 'draft');
			}),
		);
		expect(breakages(contract, current)).toEqual([`node ${NODE} v1: parameter "status" lost option value "draft" (in post:create)`]);
	});

	it('fails on a renamed parameter, and says how to add a node version instead', () => {
		const current = surfaceOf(
			changed((description) => {
				property(description, 'summary').name = 'content';
			}),
		);
		expect(breakages(contract, current)).toEqual([`node ${NODE} v1: parameter "summary" was removed or renamed (in post:create)`]);
		expect(() => withAdditions(contract, current)).toThrow(/add a node version instead/);
		expect(HOW_TO_VERSION).toMatch(/@version/);
	});

	it('fails on a field renamed inside a collection, a changed type, a changed default and a dropped locator mode', () => {
		const current = surfaceOf(
			changed((description) => {
				const media = property(description, 'media');
				const options = (media.options as Array<{ values: INodeProperties[] }>)[0].values.find((field) => field.name === 'options')!;
				(options.options as INodeProperties[]).find((field) => field.name === 'altText')!.name = 'alt';
				property(description, 'scheduleDate').type = 'string';
				property(description, 'postType').default = 'reel';
				const postId = property(description, 'postId');
				postId.modes = postId.modes!.filter((mode) => mode.name !== 'id');
			}),
		);
		expect(breakages(contract, current).sort()).toEqual(
			[
				`node ${NODE} v1: parameter "media.items.options.altText" was removed or renamed (in post:create)`,
				`node ${NODE} v1: parameter "postId" lost mode "id" (in post:delete, post:get, post:update)`,
				`node ${NODE} v1: parameter "postType" changed its default from "post" to "reel" (saved workflows leave defaults out) (in post:create)`,
				`node ${NODE} v1: parameter "scheduleDate" changed type from dateTime to string (in post:create)`,
			].sort(),
		);
	});

	it('passes an added parameter, which the update then protects', () => {
		const added: INodeProperties = {
			displayName: 'Pin to Top',
			name: 'pinToTop',
			type: 'boolean',
			default: false,
			displayOptions: { show: { resource: ['post'], operation: ['create'] } },
		};
		const withNew = surfaceOf(changed((description) => description.properties.push(added)));
		expect(breakages(contract, withNew)).toEqual([]);
		const updated = withAdditions(contract, withNew);
		expect(updated.nodes[NODE]['1']['post:create'].pinToTop).toEqual({ type: 'boolean', default: false });
		expect(breakages(updated, surfaceOf(loaded))).toEqual([
			`node ${NODE} v1: parameter "pinToTop" was removed or renamed (in post:create)`,
		]);
	});

	it('passes a rename made in a new node version, version 1 kept as it was', () => {
		const current = surfaceOf(
			changed((description) => {
				description.version = [1, 2];
				const summary = property(description, 'summary');
				summary.displayOptions = { show: { ...summary.displayOptions!.show, '@version': [1] } };
				description.properties.push({
					...summary,
					name: 'content',
					displayOptions: { show: { ...summary.displayOptions.show, '@version': [2] } },
				});
			}),
		);
		expect(breakages(contract, current)).toEqual([]);
		expect(Object.keys(current.nodes[NODE])).toEqual(['1', '2']);
		expect(current.nodes[NODE]['2']['post:create'].content).toBeDefined();
		expect(current.nodes[NODE]['2']['post:create'].summary).toBeUndefined();
	});
});
