import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/**
 * Parameter values generated from a node's own description, so a new option or field is
 * exercised without anyone writing a case for it. A variant is one value of one property;
 * `leaves` names each field value it sets (`path=value`), for coverage.
 */
export interface Variant {
	label: string;
	value: unknown;
	leaves: string[];
	/** Alone: one field set; together: all fields of a collection or group; untouched: a group added, nothing set. */
	kind: 'alone' | 'together' | 'untouched';
	/** The fixedCollection groups the variant sets (Platform Options: the networks). */
	groups: string[];
	/** Sibling fields set only so that the field is shown (e.g. Post Kind = Event for Event Title). */
	conditions?: string[];
}

export interface Samples {
	/** Values for dropdowns filled by a loadOptions method, by method name. */
	loadOptions: Record<string, unknown>;
	/** Values for free-text and date fields, by field name or path suffix (`items.url`). */
	text: Record<string, string>;
	/** The values to try of a dropdown, by path suffix, where the others need more than a request (e.g. an input binary). */
	options?: Record<string, unknown[]>;
}

const leaf = (path: string, value: unknown) => `${path}=${JSON.stringify(value)}`;

function sampleText(samples: Samples, property: INodeProperties, path: string): unknown {
	const parts = path.split('.');
	for (let start = 0; start < parts.length; start++) {
		const key = parts.slice(start).join('.');
		if (key in samples.text) return samples.text[key];
	}
	if (property.type === 'dateTime') return '2030-06-01T10:00:00';
	if (property.type === 'number') return 1;
	if (property.type === 'json') return '{}';
	return `Sample ${property.displayName}`;
}

function sampleOptions(samples: Samples, path: string): unknown[] | undefined {
	const parts = path.split('.');
	for (let start = 0; start < parts.length; start++) {
		const key = parts.slice(start).join('.');
		if (samples.options && key in samples.options) return samples.options[key];
	}
	return undefined;
}

/** The values of a field that holds no other fields. */
function leafValues(property: INodeProperties, samples: Samples, path: string): unknown[] {
	const method = property.typeOptions?.loadOptionsMethod as string | undefined;
	if (method) {
		if (!(method in samples.loadOptions)) throw new Error(`${path}: add a sample for loadOptions method ${method}`);
		return [samples.loadOptions[method]];
	}
	const options = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	if (property.type === 'options') return sampleOptions(samples, path) ?? options;
	if (property.type === 'multiOptions') return [...options.map((value) => [value]), options];
	if (property.type === 'boolean') return [true, false];
	return [sampleText(samples, property, path)];
}

/**
 * Each child alone (every value of it), then all children together: the i-th combination takes
 * the i-th value of every child (cycling; a child that holds fields gives its all-together
 * values), so each value is also sent alongside the others.
 */
function combine(children: Array<{ name: string; variants: Variant[] }>, label: string): Variant[] {
	const alone = children.flatMap(({ name, variants }) =>
		variants.map((variant) => {
			const { shownWith, ...rest } = variant as Variant & { shownWith?: Record<string, unknown> };
			return { ...rest, value: { ...shownWith, [name]: variant.value } };
		}),
	);
	const candidates = children
		.map(({ name, variants }) => {
			const together = variants.filter((variant) => variant.kind === 'together');
			return { name, variants: together.length ? together : variants };
		})
		.filter(({ variants }) => variants.length);
	const rounds = Math.max(0, ...candidates.map(({ variants }) => variants.length));
	const together = Array.from({ length: rounds }, (_unused, round): Variant => {
		const picked = candidates.map(({ name, variants }) => [name, variants[round % variants.length]] as const);
		return {
			label: `${label}: all together #${round + 1}`,
			value: Object.fromEntries(picked.map(([name, variant]) => [name, variant.value])),
			leaves: picked.flatMap(([, variant]) => variant.leaves),
			kind: 'together',
			groups: [...new Set(picked.flatMap(([, variant]) => variant.groups))],
		};
	});
	return [...alone, ...together];
}

/**
 * A group field that shows only for some values of its siblings (`displayOptions.show` in the
 * group) is set alone together with the first of those values, as the editor would have it.
 * `combine` puts the variant's value under the field's name; the siblings ride along in
 * `shownWith` and are merged in by `combine`.
 */
function shownBy(field: INodeProperties, variant: Variant): Variant & { shownWith?: Record<string, unknown> } {
	const show = Object.entries(field.displayOptions?.show ?? {}).filter(
		([name]) => !name.startsWith('/') && !['resource', 'operation'].includes(name),
	);
	if (!show.length) return variant;
	const shownWith = Object.fromEntries(show.map(([name, values]) => [name, (values as unknown[])[0]]));
	return { ...variant, shownWith, conditions: Object.keys(shownWith) };
}

/** Every variant of a property: leaves give each of their values; collections combine their fields. */
export function variantsOf(property: INodeProperties, samples: Samples, path: string = property.name): Variant[] {
	if (property.type === 'collection') {
		const children = (property.options as INodeProperties[]).map((child) => ({
			name: child.name,
			variants: variantsOf(child, samples, `${path}.${child.name}`),
		}));
		return combine(children, path);
	}
	if (property.type === 'fixedCollection') {
		const wrap = (value: unknown) => (property.typeOptions?.multipleValues ? [value] : value);
		const groups = (property.options as INodePropertyCollection[]).map((group) => {
			const groupPath = `${path}.${group.name}`;
			const children = group.values.map((child) => ({
				name: child.name,
				variants: variantsOf(child, samples, `${groupPath}.${child.name}`).map((variant) => shownBy(child, variant)),
			}));
			const untouched: Variant = { label: `${groupPath}: nothing set`, value: {}, leaves: [], kind: 'untouched', groups: [] };
			return { name: group.name, variants: [untouched, ...combine(children, groupPath)] };
		});
		const perGroup = groups.flatMap(({ name, variants }) =>
			variants.map((variant) => ({ ...variant, value: { [name]: wrap(variant.value) }, groups: [name] })),
		);
		// Every group at once, each with all its fields set.
		const everyGroup: Variant = {
			label: `${path}: every group`,
			value: Object.fromEntries(groups.map(({ name, variants }) => [name, wrap(variants.at(-1)!.value)])),
			leaves: groups.flatMap(({ variants }) => variants.at(-1)!.leaves),
			kind: 'together',
			groups: groups.map(({ name }) => name),
		};
		return groups.length > 1 ? [...perGroup, everyGroup] : perGroup;
	}
	return leafValues(property, samples, path).map(
		(value): Variant => ({ label: leaf(path, value), value, leaves: [leaf(path, value)], kind: 'alone', groups: [] }),
	);
}

/** The types of property a run varies at the top level; the others (IDs, text) come from its base. */
export const VARIED_TYPES = ['options', 'multiOptions', 'boolean', 'collection', 'fixedCollection'];
