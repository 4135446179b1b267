import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import type { ItemChangeContext, ItemRequest } from './change';
import { orderNumber } from './fields';

/** Queue Item → Clone: the API clones only inside an edit session. */
export function buildItemClone(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	const node = this.getNode();
	const itemId = pathSegment(node, 'Item ID', this.getNodeParameter('itemId', itemIndex, ''));
	const order = orderNumber(node, this.getNodeParameter('cloneOrder', itemIndex, 0));
	return { method: 'POST', path: `/items/${encodeURIComponent(itemId)}/clone`, body: { order }, effect: 'create', needsSession: true };
}
