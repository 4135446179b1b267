import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';
import { ITEM_ID_SOURCE, orderNumber } from './fields';

/** Queue Item → Clone: the API clones only inside an edit session. */
function buildItemClone(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	const node = this.getNode();
	const itemId = pathSegment(node, 'Item ID', this.getNodeParameter('itemId', itemIndex, ''), ITEM_ID_SOURCE);
	const order = orderNumber(node, this.getNodeParameter('cloneOrder', itemIndex, 0));
	return { ids: { itemId }, body: { order }, needsSession: true };
}

export const clone: Operation = {
	option: {
		name: 'Clone',
		value: 'clone',
		action: 'Clone a queue item',
		description: 'Copy an item to another place in the queue (in an edit session)',
	},
	run: itemChangeOperation({ method: 'POST', path: `${QUEUES_PATH}/{queueId}/items/{itemId}/clone` }, buildItemClone),
};
