import { account } from './account';
import { accountConnection } from './accountConnection';
import { category } from './category';
import { categoryQueue } from './categoryQueue';
import { comment } from './comment';
import { csvImport } from './csvImport';
import { media } from './media';
import { post } from './post';
import { queueEditSession } from './queueEditSession';
import { queueItem } from './queueItem';
import { queueSlot } from './queueSlot';
import type { CustomOperation, ResourceModule } from './resource';
import { statistics } from './statistics';
import { tag } from './tag';

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
];

/** The operations that run in code, as n8n wants them: by resource, then by operation. */
export const CUSTOM_OPERATIONS: Record<string, Record<string, CustomOperation>> = Object.fromEntries(
	RESOURCES.filter((resource) => Object.keys(resource.customOperations).length).map((resource) => [
		resource.resource,
		resource.customOperations,
	]),
);
