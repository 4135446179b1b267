import type { IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import type { ItemChangeContext, ItemRequest } from './change';

/** Queue Item → Delete: DELETE …/items/{itemId}, the location (and session) in the query. */
export function buildItemDelete(this: IExecuteFunctions, { itemIndex }: ItemChangeContext): ItemRequest {
	const itemId = pathSegment(this.getNode(), 'Item ID', this.getNodeParameter('itemId', itemIndex, ''));
	return { method: 'DELETE', path: `/items/${encodeURIComponent(itemId)}`, inQuery: true, effect: 'delete' };
}
