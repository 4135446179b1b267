import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { account } from './account';
import { accountConnection } from './accountConnection';
import { category } from './category';
import { categoryQueue } from './categoryQueue';
import { comment } from './comment';
import { csvImport } from './csvImport';
import { location } from './location';
import { media } from './media';
import { post } from './post';
import { queueEditSession } from './queueEditSession';
import { queueItem } from './queueItem';
import { queueSlot } from './queueSlot';
import type { CustomOperation, ResourceModule } from './resource';
import { statistics } from './statistics';
import { tag } from './tag';

/** The Resource dropdown (beside RESOURCES: its order is the scanner's, theirs the editor's). */
export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	// Alphabetical, as n8n's scanner requires; Post (what the node is for) stays the default.
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Account Connection', value: 'accountConnection' },
		{ name: 'Category', value: 'category' },
		{ name: 'Category Queue', value: 'categoryQueue' },
		{ name: 'Comment', value: 'comment' },
		{ name: 'CSV Import', value: 'csvImport' },
		{ name: 'Location', value: 'location' },
		{ name: 'Media', value: 'media' },
		{ name: 'Post', value: 'post' },
		{ name: 'Queue Edit Session', value: 'queueEditSession' },
		{ name: 'Queue Item', value: 'queueItem' },
		{ name: 'Queue Slot', value: 'queueSlot' },
		{ name: 'Statistic', value: 'statistics' },
		{ name: 'Tag', value: 'tag' },
	],
	default: 'post',
};

/**
 * Every resource of the node, in the order its properties are declared (the editor shows a
 * resource's fields in that order). The node spreads their Operation dropdowns, fields and
 * custom operations; a new resource is its folder and one line here (and in the Resource list).
 */
export const RESOURCES: ResourceModule[] = [
	post,
	account,
	accountConnection,
	category,
	comment,
	csvImport,
	categoryQueue,
	queueItem,
	queueSlot,
	queueEditSession,
	media,
	statistics,
	tag,
	location,
];

/** The operations that run in code, as n8n wants them: by resource, then by operation. */
export const CUSTOM_OPERATIONS: Record<string, Record<string, CustomOperation>> = Object.fromEntries(
	RESOURCES.filter((resource) => Object.keys(resource.customOperations).length).map((resource) => [
		resource.resource,
		resource.customOperations,
	]),
);

/**
 * The canvas subtitle: the chosen operation's action text ("Create a post"), read from the
 * operations' own `action` (one lookup table in one expression, evaluated by the editor only).
 */
export const ACTION_SUBTITLE = `={{ (${JSON.stringify(
	Object.fromEntries(
		RESOURCES.flatMap((resource) =>
			(resource.operation.options as INodePropertyOptions[]).map((option) => [
				`${resource.resource} ${String(option.value)}`,
				option.action,
			]),
		),
	),
)})[$parameter["resource"] + " " + $parameter["operation"]] || "" }}`;
