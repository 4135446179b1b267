import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import type { ItemChangeContext, ItemRequest } from './change';

/** Queue Item → Reset: back to the item's original variations, image and post. */
export function buildItemReset(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	const itemId = pathSegment(this.getNode(), 'Item ID', this.getNodeParameter('itemId', itemIndex, ''));
	return { method: 'PUT', path: `/items/${encodeURIComponent(itemId)}/reset`, body: {}, effect: 'idempotent' };
}
