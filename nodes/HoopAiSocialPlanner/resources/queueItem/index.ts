import { queueListOptionsField, subResourceQueueField } from '../queue/fields';
import { resourceModule } from '../resource';
import { clone } from './clone';
import { create } from './create';
import { deleteItem } from './delete';
import {
	cloneOrderField,
	itemIdField,
	itemOptionsField,
	primaryImageField,
	queueContentFields,
	queuePostField,
	sessionModeFields,
} from './fields';
import { getAll, itemGetAllDescription } from './getAll';
import { reset } from './reset';
import { update } from './update';

// The operations that change items run in code: with "Start and Save One" they send several requests.
export const queueItem = resourceModule('queueItem', [clone, create, deleteItem, getAll, reset, update], {
	default: 'create',
	// The queue family's Queue field first (declared once for the three sub-resources).
	fields: [
		subResourceQueueField,
		itemIdField,
		// What the item publishes first; how it reaches the queue under Options.
		...queueContentFields,
		primaryImageField,
		queuePostField,
		itemOptionsField,
		...sessionModeFields,
		cloneOrderField,
		queueListOptionsField,
		...itemGetAllDescription,
	],
});
