import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/** A field's label as the editor shows it, with the labels of the fields inside it. */
export interface LabelNode {
	label: string;
	children: LabelNode[];
}

type Child = INodeProperties | INodePropertyCollection;

/** The labels of a node description's fields, collections and groups, nested as the editor shows them. */
export function labelTree(children: Child[]): LabelNode[] {
	return children.map((child) => {
		const below: Child[] =
			'values' in child ? child.values : ['collection', 'fixedCollection'].includes(child.type) ? ((child.options ?? []) as Child[]) : [];
		return { label: child.displayName, children: labelTree(below) };
	});
}

const everyNode = (nodes: LabelNode[]): LabelNode[] => nodes.flatMap((node) => [node, ...everyNode(node.children)]);

/** Whether "A → B → C" is a field's path in the editor: A anywhere, each next one below the one before. */
export function isLabelPath(path: string[], tree: LabelNode[]): boolean {
	let found = everyNode(tree).filter((node) => node.label === path[0]);
	for (const label of path.slice(1)) found = found.flatMap((node) => everyNode(node.children)).filter((node) => node.label === label);
	return found.length > 0;
}
