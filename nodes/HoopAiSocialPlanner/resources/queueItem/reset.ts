import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { ITEM_ID_SOURCE } from './fields';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';

/** Queue Item → Reset: back to the item's original variations, image and post. */
function buildItemReset(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	return {
		ids: { itemId: pathSegment(this.getNode(), 'Item ID', this.getNodeParameter('itemId', itemIndex, ''), ITEM_ID_SOURCE) },
		body: {},
	};
}

export const reset: Operation = {
	option: {
		name: 'Reset',
		value: 'reset',
		action: 'Reset a queue item',
		description: 'Undo the changes made to an item in the queue',
	},
	run: itemChangeOperation({ method: 'PUT', path: `${QUEUES_PATH}/{queueId}/items/{itemId}/reset` }, buildItemReset),
};
