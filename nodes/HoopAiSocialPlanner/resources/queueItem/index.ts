import type { INodeProperties } from 'n8n-workflow';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import { QUEUES_PATH } from '../categoryQueue/fields';
import { sendListSession } from '../queueSlot';
import { itemChangeOperation } from './change';
import { buildItemClone } from './clone';
import { buildItemCreate } from './create';
import { buildItemDelete } from './delete';
import {
	directToQueueField,
	itemIdField,
	orderFields,
	primaryImageField,
	queuePostField,
	sessionModeFields,
	variationsField,
} from './fields';
import { itemGetAllDescription, paginateQueueItems, queueListOptionsField, sendErrorFilter } from './getAll';
import { buildItemReset } from './reset';
import { buildItemUpdate } from './update';

const ITEM = `${QUEUES_PATH}/{queueId}/items/{itemId}`;

/** The operations that change items run in code: with "Start and Save One" they send several requests. */
export const queueItemOperations = {
	clone: itemChangeOperation({ method: 'POST', path: `${ITEM}/clone` }, buildItemClone),
	create: itemChangeOperation({ method: 'POST', path: `${QUEUES_PATH}/{queueId}/create/item` }, buildItemCreate),
	delete: itemChangeOperation({ method: 'DELETE', path: ITEM }, buildItemDelete),
	reset: itemChangeOperation({ method: 'PUT', path: `${ITEM}/reset` }, buildItemReset),
	update: itemChangeOperation({ method: 'PUT', path: ITEM }, buildItemUpdate),
};

export const queueItemOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['queueItem'] } },
	options: [
		{
			name: 'Clone',
			value: 'clone',
			action: 'Clone a queue item',
			description: 'Copy an item to another place in the queue (in an edit session)',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a queue item',
			description: 'Add a post to a queue, with its variations',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a queue item',
			description: 'Take an item out of a queue',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many queue items',
			description: 'List a queue’s items in order, with their next publication date',
			routing: apiRouting({
				request: { method: 'POST', url: `${QUEUES_PATH}/{queueId}/items`, body: { locationId: LOCATION_PLACEHOLDER } },
				path: { queueId: 'Queue' },
				effect: 'read',
				preSend: [sendListSession, sendErrorFilter],
				pagination: paginateQueueItems,
			}),
		},
		{
			name: 'Reset',
			value: 'reset',
			action: 'Reset a queue item',
			description: 'Undo the changes made to an item in the queue',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a queue item',
			description: 'Move an item, or change its variations, image or post',
		},
	],
	default: 'create',
};

export const queueItemFields: INodeProperties[] = [
	itemIdField,
	directToQueueField,
	...sessionModeFields,
	...orderFields,
	variationsField,
	primaryImageField,
	queuePostField,
	queueListOptionsField,
	...itemGetAllDescription,
];
