import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { loadPackage } from '../harness/package-classes';

/** The properties of the package's action node, as n8n loads them from dist/. */
export async function actionNodeProperties(): Promise<INodeProperties[]> {
	const { packageName, nodeTypes } = await loadPackage();
	return nodeTypes[`${packageName}.hoopAiSocialPlanner`].description.properties;
}

/** The property `name` shown for `resource` (and `operation`, when given). */
export async function propertyOf(name: string, resource: string, operation?: string): Promise<INodeProperties> {
	const found = (await actionNodeProperties()).find(
		(property) =>
			property.name === name &&
			(property.displayOptions?.show?.resource ?? []).includes(resource) &&
			(!operation || !property.displayOptions?.show?.operation || property.displayOptions.show.operation.includes(operation)),
	);
	if (!found) throw new Error(`No property ${name} on ${resource}${operation ? ` → ${operation}` : ''}`);
	return found;
}

/** The values of an options or multiOptions property. */
export function optionValues(property: INodeProperties): unknown[] {
	return ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
}
