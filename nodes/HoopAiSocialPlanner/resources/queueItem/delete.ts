import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { ITEM_ID_SOURCE } from './fields';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';

/** Queue Item → Delete: the location (and session) go in the query. */
function buildItemDelete(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	return { ids: { itemId: pathSegment(this.getNode(), 'Item ID', this.getNodeParameter('itemId', itemIndex, ''), ITEM_ID_SOURCE) } };
}

export const deleteItem: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a queue item',
		description: 'Take an item out of a queue',
	},
	run: itemChangeOperation({ method: 'DELETE', path: `${QUEUES_PATH}/{queueId}/items/{itemId}` }, buildItemDelete),
};
