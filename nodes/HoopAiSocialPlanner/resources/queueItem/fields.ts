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
	platformOptionsField,
	postTypeField,
	summaryField,
	urlMediaField,
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

/** The changes that show their session settings as fields; Create and Update keep them under Options. */
const SESSION_FIELD_OPERATIONS = ['delete', 'reset', 'clone'];
/** The changes whose session and order settings are under Options, after what the item publishes. */
const OPTIONS_OPERATIONS = ['create', 'update'];

const sessionModeField: INodeProperties = {
	displayName: 'Edit Session',
	name: 'sessionMode',
	type: 'options',
	// The safest choice first, as n8n lists them in this order.
	options: SESSION_MODE_OPTIONS,
	default: 'start',
	description:
		'How the change reaches the queue: HoopAI changes a queue’s items in an edit session that is then saved. Create (without Direct to Queue) and Clone need one.',
};
const editSessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'editSessionId',
	type: 'string',
	default: '',
	description: 'For Edit Session "Existing Session": the sessionId that Queue Edit Session → Start returned',
};
const keepQueueInDraftField: INodeProperties = {
	displayName: 'Keep Draft Queue in Draft',
	name: 'keepQueueInDraft',
	type: 'boolean',
	default: true,
	description:
		'Whether a draft queue stays a draft when the node saves its edit session (Start and Save One); off: saving activates the queue',
};

/** Which edit session Delete, Reset and Clone use (one declaration: every name is evaluated per item). */
export const sessionModeFields: INodeProperties[] = [
	{ ...sessionModeField, displayOptions: { show: { ...show, operation: SESSION_FIELD_OPERATIONS } } },
	{
		...editSessionIdField,
		required: true,
		displayOptions: { show: { ...show, operation: SESSION_FIELD_OPERATIONS, sessionMode: ['existing'] } },
		description: 'The edit session: the sessionId that Queue Edit Session → Start returned',
	},
	{ ...keepQueueInDraftField, displayOptions: { show: { ...show, operation: SESSION_FIELD_OPERATIONS, sessionMode: ['start'] } } },
];

/**
 * A session or order setting of an item change: under Options for Create and Update (`inOptions`,
 * where its messages say "Options → …"), a field of its own for the others.
 */
export function itemSetting(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	fallback: unknown,
): { value: unknown; inOptions: boolean } {
	if (!OPTIONS_OPERATIONS.includes(context.getNodeParameter('operation', itemIndex) as string)) {
		return { value: context.getNodeParameter(name, itemIndex, fallback), inOptions: false };
	}
	const options = context.getNodeParameter('queueItemOptions', itemIndex, {}) as IDataObject;
	return { value: options[name] ?? fallback, inOptions: true };
}

/** Where a queue item's ID comes from, as its field and messages say. */
export const ITEM_ID_SOURCE = 'the item’s _id from Queue Item → Get Many';

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

/** Clone's order: where the copy goes (a field of its own; Create and Update have theirs under Options). */
export const cloneOrderField: INodeProperties = {
	...orderValueField,
	name: 'cloneOrder',
	required: true,
	displayOptions: { show: { ...show, operation: ['clone'] } },
	description:
		'Where the copy goes: items are published by ascending order value (e.g. 1.5 to put it between the items with orders 1 and 2)',
};

/** The API's order for the Order field (Keep: undefined). */
export function orderOf(node: INode, order: unknown, orderValue: unknown, allowKeep: boolean, prefix = ''): number | string | undefined {
	const options = allowKeep ? [{ value: 'keep' }, ...ORDER_OPTIONS] : ORDER_OPTIONS;
	const chosen = choice<string>(node, `${prefix}Order`, order ?? 'bottom', options);
	if (chosen === 'keep') return undefined;
	return chosen === 'value' ? orderNumber(node, orderValue, prefix) : chosen;
}

/** An order value; `prefix` is where its field is ("Options → " on Create and Update). */
export function orderNumber(node: INode, value: unknown, prefix = ''): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
		throw new NodeOperationError(node, `${prefix}Order Value: "${String(value)}" is not allowed; use a number of 0 or more`);
	}
	return number;
}

const directToQueueField: INodeProperties = {
	displayName: 'Direct to Queue',
	name: 'directToQueue',
	type: 'boolean',
	default: false,
	displayOptions: { show: { '/operation': ['create'] } },
	description:
		'Whether to add the item to the live queue at once, without an edit session (it goes to the top with New Content First, else to the bottom)',
};

const variationsField: INodeProperties = {
	displayName: 'Variations',
	name: 'variations',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variation',
	default: {},
	description:
		'Other texts the item takes turns with, one per time it is published, instead of one Content (on Update: they replace the item’s variations)',
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

/** Post's media by URL only: a queue item stores links (its files belong in the media library first, Media → Upload). */
const queueMediaField: INodeProperties = {
	...urlMediaField,
	description: `Images or videos by public URL (e.g. the URL Media → Upload returns). ${MEDIA_NEEDED}.`,
};

/** What the item publishes, first on Create and Update: its text and its media. */
export const queueContentFields: INodeProperties[] = [
	{
		...summaryField,
		name: 'queueContent',
		displayOptions: { show: { ...show, operation: OPTIONS_OPERATIONS } },
		description: `${String(summaryField.description)} On Update: replaces the item’s text when set.`,
	},
	{ ...queueMediaField, name: 'queueMedia', displayOptions: { show: { ...show, operation: OPTIONS_OPERATIONS } } },
];

/** The rest of the post the item publishes: the Create Post fields (not its status and date: the queue sets those). */
export const queuePostField: INodeProperties = {
	displayName: 'Post Fields',
	name: 'queuePost',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: { ...show, operation: OPTIONS_OPERATIONS } },
	description: 'The rest of the post the item publishes; on Update, the fields you add replace the item’s post settings',
	options: [accountIdsField, postTypeField, platformOptionsField, ...extraPostFields],
};

/** The item's post as Create Post's fields give it: its Content and Media, then Post Fields. */
export function queuePostInput(context: IExecuteFunctions, itemIndex: number): PostInput {
	const input = { ...(context.getNodeParameter('queuePost', itemIndex, {}) as PostInput) };
	const content = context.getNodeParameter('queueContent', itemIndex, '') as PostInput['summary'];
	const media = context.getNodeParameter('queueMedia', itemIndex, {}) as IDataObject;
	if (content !== '' && content !== undefined && content !== null) input.summary = content;
	if (((media.items as unknown[] | undefined) ?? []).length) input.media = media as PostInput['media'];
	return input;
}

/** Create's and Update's session and order settings, after what the item publishes, each saying what it means. */
export const itemOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'queueItemOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { ...show, operation: OPTIONS_OPERATIONS } },
	options: [
		directToQueueField,
		sessionModeField,
		keepQueueInDraftField,
		{
			displayName: 'Order',
			name: 'order',
			type: 'options',
			options: ORDER_OPTIONS,
			default: 'bottom',
			displayOptions: { show: { '/operation': ['create'] } },
			description: 'Where the item goes in the queue’s rotation (not with Direct to Queue); default: the bottom',
		},
		{
			displayName: 'Order',
			name: 'newOrder',
			type: 'options',
			options: [{ name: 'Keep', value: 'keep', description: 'Leave the item where it is' }, ...ORDER_OPTIONS],
			default: 'keep',
			displayOptions: { show: { '/operation': ['update'] } },
			description: 'Where the item goes in the queue’s rotation; default: where it is',
		},
		{ ...orderValueField, name: 'orderValue', displayOptions: { show: { '/operation': ['create'] } } },
		{ ...orderValueField, name: 'newOrderValue', displayOptions: { show: { '/operation': ['update'] } } },
		editSessionIdField,
		variationsField,
	],
};

/** An optional link field's value, checked: '' when empty. */
function optionalLink(node: INode, label: string, value: unknown): string {
	const link = text(node, label, value).trim();
	if (link && !isLink(link))
		throw new NodeOperationError(node, `${label}: "${link}" is not a link; give a public link (http:// or https://), or leave it empty`);
	return link;
}

/** Variations as the API wants them; each link checked. */
export function variationsOf(node: INode, value: unknown): IDataObject[] | undefined {
	const list = (value as IDataObject | undefined)?.variation as IDataObject[] | undefined;
	if (!Array.isArray(list) || list.length === 0) return undefined;
	return list.map((variation) => {
		const ogTags = {
			metaLink: optionalLink(node, 'Options → Variations → Link Preview URL', variation.metaLink),
			ogTitle: text(node, 'Options → Variations → Link Preview Title', variation.ogTitle),
			metaImage: optionalLink(node, 'Options → Variations → Link Preview Image URL', variation.metaImage),
		};
		const set = Object.fromEntries(Object.entries(ogTags).filter(([, tag]) => tag));
		return {
			content: text(node, 'Options → Variations → Content', variation.content),
			...(Object.keys(set).length ? { ogTags: set } : {}),
		};
	});
}

export function primaryImageOf(node: INode, value: unknown): string | undefined {
	return optionalLink(node, 'Primary Image URL', value) || undefined;
}

/**
 * Post Fields as the API's modifiedPostPayload (checked like Create Post's, accounts by name or
 * ID), or undefined when none is set.
 */
export async function modifiedPostOf(this: IExecuteFunctions, value: PostInput, scope: LocationScope): Promise<IDataObject | undefined> {
	const input = value;
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
