import type { IDataObject, INode, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/** What a network's details are built from, besides the values of its group. */
export interface DetailsContext {
	node: INode;
	/** The accounts the post goes to, for per-account details (collaborators, boards). */
	accountIds: string[];
	/** On Update, the post as it is: its details are kept where the user changed nothing. */
	current?: IDataObject;
}

/** One network's group of Platform Options and how it becomes its `…PostDetails` body field. */
export interface Network {
	/** The group as the editor shows it (its `name` is the network's platform value). */
	options: INodePropertyCollection;
	/** The body field the group fills, e.g. `tiktokPostDetails`. */
	detailsKey: string;
	/** The details the user set; options left at their default are left out. */
	details(values: IDataObject, context: DetailsContext): IDataObject;
	/** The fields the spec requires whenever the details are sent, as the network defaults them. */
	required(postType: string): IDataObject;
}

/**
 * A fixedCollection fills every field the user did not touch with its default, so a boolean
 * cannot tell "off" from "untouched". Yes/No choices whose default is "Network Default" (not
 * sent) can: the network, or the account's own settings, decide what the user left alone.
 */
export function yesNoDefault(
	displayName: string,
	name: string,
	description: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name,
		...(displayOptions ? { displayOptions } : {}),
		type: 'options',
		options: [
			{ name: 'Network Default', value: '', description: 'Not sent: the network or the account’s settings decide' },
			{ name: 'Yes', value: true },
			{ name: 'No', value: false },
		],
		default: '',
		description,
	};
}

/** A Yes/No/Network Default value as the API wants it: true, false, or left out. */
export function yesNo(value: unknown): boolean | undefined {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	return undefined;
}

/** A network's own post format (Facebook, Instagram), the post's Post Type unless chosen. */
export function formatField(options: INodePropertyOptions[]): INodeProperties {
	return { displayName: 'Format', name: 'type', type: 'options', options: [{ name: 'Same as Post Type', value: '' }, ...options], default: '' };
}
