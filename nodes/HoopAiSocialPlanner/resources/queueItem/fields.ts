import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { choice, isLink, text } from '../../shared/checks';
import {
	accountIdsField,
	extraPostFields,
	MEDIA_NEEDED,
	mediaField,
	platformOptionsField,
	postTypeField,
	summaryField,
} from '../post/fields';
import type { PostInput } from '../post/postInput';
import { postBodyOf } from '../post/postBody';
import { validatePostFields } from '../post/validatePost';
import type { LocationScope } from '../../shared/run';

const show = { resource: ['queueItem'] };

export type SessionMode = 'none' | 'start' | 'existing';

export const SESSION_MODE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Start and Save One',
		value: 'start',
		description: 'Start an edit session, make the change, save it (discard it if the change fails)',
	},
	{
		name: 'Existing Session',
		value: 'existing',
		description: 'Make the change in an open edit session; it takes effect when that session is saved',
	},
	{ name: 'None (Live Queue)', value: 'none', description: 'Change the queue as it is now (not for Create and Clone)' },
];

/** Which edit session an item change uses (one declaration: every name is evaluated per item). */
export const sessionModeFields: INodeProperties[] = [
	{
		displayName: 'Edit Session',
		name: 'sessionMode',
		type: 'options',
		// The safest choice first, as n8n lists them in this order.
		options: SESSION_MODE_OPTIONS,
		default: 'start',
		displayOptions: { show: { ...show, operation: ['create', 'update', 'delete', 'reset', 'clone'] }, hide: { directToQueue: [true] } },
		description:
			'Changes to a queue’s items are made in an edit session, then saved together. Create (without Direct to Queue) and Clone need a session.',
	},
	{
		displayName: 'Session ID',
		name: 'editSessionId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...show, sessionMode: ['existing'] } },
		description: 'The edit session, as Queue Edit Session → Start returned it',
	},
	{
		displayName: 'Keep Draft Queue in Draft',
		name: 'keepQueueInDraft',
		type: 'boolean',
		default: true,
		displayOptions: { show: { ...show, sessionMode: ['start'] } },
		description: 'Whether a draft queue stays a draft when the session is saved (otherwise saving activates it)',
	},
];

export const itemIdField: INodeProperties = {
	displayName: 'Item ID',
	name: 'itemId',
	type: 'string',
	default: '',
	required: true,
	displayOptions: { show: { ...show, operation: ['update', 'delete', 'reset', 'clone'] } },
	placeholder: 'e.g. 65f0c0de0000000000000051',
	description: 'The queue item, as Queue Item → Get Many outputs it (_ID)',
};

const orderValueField: INodeProperties = {
	displayName: 'Order Value',
	name: 'orderValue',
	type: 'number',
	default: 0,
	description: 'Items are published by ascending order value; between two items, use a value between theirs (e.g. 1.5 between 1 and 2)',
};

const ORDER_OPTIONS = [
	{ name: 'Bottom', value: 'bottom', description: 'Published last in the rotation' },
	{ name: 'Top', value: 'top', description: 'Published next' },
	{ name: 'Order Value', value: 'value', description: 'At a given order value' },
];

export const orderFields: INodeProperties[] = [
	{
		displayName: 'Order',
		name: 'order',
		type: 'options',
		options: ORDER_OPTIONS,
		default: 'bottom',
		displayOptions: { show: { ...show, operation: ['create'], directToQueue: [false] } },
		description: 'Where the item goes in the queue',
	},
	{
		...orderValueField,
		name: 'orderValue',
		displayOptions: { show: { ...show, operation: ['create'], directToQueue: [false], order: ['value'] } },
	},
	{
		displayName: 'Order',
		name: 'newOrder',
		type: 'options',
		options: [{ name: 'Keep', value: 'keep', description: 'Leave the item where it is' }, ...ORDER_OPTIONS],
		default: 'keep',
		displayOptions: { show: { ...show, operation: ['update'] } },
		description: 'Where the item goes in the queue',
	},
	{ ...orderValueField, name: 'newOrderValue', displayOptions: { show: { ...show, operation: ['update'], newOrder: ['value'] } } },
	{
		...orderValueField,
		name: 'cloneOrder',
		required: true,
		displayOptions: { show: { ...show, operation: ['clone'] } },
		description:
			'Where the copy goes: items are published by ascending order value (e.g. 1.5 to put it between the items with orders 1 and 2)',
	},
];

/** The API's order for the Order field (Keep: undefined). */
export function orderOf(node: INode, order: unknown, orderValue: unknown, allowKeep: boolean): number | string | undefined {
	const options = allowKeep ? [{ value: 'keep' }, ...ORDER_OPTIONS] : ORDER_OPTIONS;
	const chosen = choice<string>(node, 'Order', order ?? 'bottom', options);
	if (chosen === 'keep') return undefined;
	return chosen === 'value' ? orderNumber(node, orderValue) : chosen;
}

export function orderNumber(node: INode, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
		throw new NodeOperationError(node, `Order Value: "${String(value)}" is not allowed; use a number of 0 or more`);
	}
	return number;
}

export const directToQueueField: INodeProperties = {
	displayName: 'Direct to Queue',
	name: 'directToQueue',
	type: 'boolean',
	default: false,
	displayOptions: { show: { ...show, operation: ['create'] } },
	description:
		'Whether to add the item to the queue at once, without an edit session (it goes to the top with New Content First, else to the bottom)',
};

export const variationsField: INodeProperties = {
	displayName: 'Variations',
	name: 'variations',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variation',
	default: {},
	displayOptions: { show: { ...show, operation: ['create', 'update'] } },
	description: 'Texts the item takes turns with, one per publication (on Update: they replace the item’s variations)',
	options: [
		{
			displayName: 'Variation',
			name: 'variation',
			values: [
				{
					displayName: 'Content',
					name: 'content',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					description: 'The text of the post',
				},
				{ displayName: 'Link Preview URL', name: 'metaLink', type: 'string', default: '', description: 'The page the link preview opens' },
				{ displayName: 'Link Preview Title', name: 'ogTitle', type: 'string', default: '' },
				{ displayName: 'Link Preview Image URL', name: 'metaImage', type: 'string', default: '' },
			],
		},
	],
};

export const primaryImageField: INodeProperties = {
	displayName: 'Primary Image URL',
	name: 'primaryImage',
	type: 'string',
	default: '',
	displayOptions: { show: { ...show, operation: ['create', 'update'] } },
	placeholder: 'https://example.com/photo.jpg',
	description: 'The image shown for the item in the queue (public link)',
};

/**
 * Create Post's media without its Input Binary Field: a queue item stores links, and the queue
 * publishes it again and again, so its files belong in the media library first (Media → Upload).
 */
const queueMediaField: INodeProperties = {
	...mediaField,
	description: `Images or videos by public URL (e.g. the URL Media → Upload returns). ${MEDIA_NEEDED}.`,
	options: (mediaField.options as Array<{ displayName: string; name: string; values: INodeProperties[] }>).map((option) => ({
		...option,
		values: option.values.filter((value) => value.name !== 'binaryPropertyName'),
	})),
};

/** The post the item publishes: the Create Post fields (not its status and date: the queue sets those). */
export const queuePostField: INodeProperties = {
	displayName: 'Post Fields',
	name: 'queuePost',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: { ...show, operation: ['create', 'update'] } },
	description: 'The post the item publishes; on Update, the fields you add replace the item’s post settings',
	options: [accountIdsField, summaryField, queueMediaField, postTypeField, platformOptionsField, ...extraPostFields],
};

/** An optional link field's value, checked: '' when empty. */
function optionalLink(node: INode, label: string, value: unknown): string {
	const link = text(node, label, value).trim();
	if (link && !isLink(link)) throw new NodeOperationError(node, `${label}: "${link}" is not a link (http:// or https://)`);
	return link;
}

/** Variations as the API wants them; each link checked. */
export function variationsOf(node: INode, value: unknown): IDataObject[] | undefined {
	const list = (value as IDataObject | undefined)?.variation as IDataObject[] | undefined;
	if (!Array.isArray(list) || list.length === 0) return undefined;
	return list.map((variation) => {
		const ogTags = {
			metaLink: optionalLink(node, 'Variations → Link Preview URL', variation.metaLink),
			ogTitle: text(node, 'Variations → Link Preview Title', variation.ogTitle),
			metaImage: optionalLink(node, 'Variations → Link Preview Image URL', variation.metaImage),
		};
		const set = Object.fromEntries(Object.entries(ogTags).filter(([, tag]) => tag));
		return { content: text(node, 'Variations → Content', variation.content), ...(Object.keys(set).length ? { ogTags: set } : {}) };
	});
}

export function primaryImageOf(node: INode, value: unknown): string | undefined {
	return optionalLink(node, 'Primary Image URL', value) || undefined;
}

/**
 * Post Fields as the API's modifiedPostPayload (checked like Create Post's, accounts by name or
 * ID), or undefined when none is set.
 */
export async function modifiedPostOf(this: IExecuteFunctions, value: unknown, scope: LocationScope): Promise<IDataObject | undefined> {
	const input = (value ?? {}) as PostInput;
	if (Object.keys(input).length === 0) return undefined;
	const withUser = (payload: IDataObject) => {
		payload.userId ||= scope.connection.defaultUserId || undefined;
		return payload;
	};
	// The checks of Create Post that need no account list (a queue item's post has no status or date).
	const payload = withUser(
		await postBodyOf.call(this, input, scope, (unresolved) => validatePostFields(this.getNode(), withUser(unresolved))),
	);
	return { ...payload, locationId: scope.locationId };
}
