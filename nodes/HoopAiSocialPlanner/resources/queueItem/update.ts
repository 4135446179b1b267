import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';
import { modifiedPostOf, orderOf, primaryImageOf, variationsOf } from './fields';

/** Queue Item → Update: only what the user set (order, variations, image, post fields). */
async function buildItemUpdate(this: IExecuteFunctions, { itemIndex, scope }: ItemChangeContext): Promise<ItemRequest> {
	const node = this.getNode();
	const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const itemId = pathSegment(node, 'Item ID', parameter('itemId', ''));
	const body: IDataObject = {};
	const newOrder = orderOf(node, parameter('newOrder', 'keep'), parameter('newOrderValue', 0), true);
	if (newOrder !== undefined) body.newOrder = newOrder;
	const variations = variationsOf(node, parameter('variations', {}));
	if (variations) body.variations = variations;
	const primaryImage = primaryImageOf(node, parameter('primaryImage', ''));
	if (primaryImage) body.primaryImage = primaryImage;
	const modifiedPostPayload = await modifiedPostOf.call(this, parameter('queuePost', {}), scope);
	if (modifiedPostPayload) body.modifiedPostPayload = modifiedPostPayload;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Order: nothing to change; choose an Order, or set Variations, Primary Image URL or Post Fields', {
			itemIndex,
		});
	}
	return { ids: { itemId }, body };
}

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a queue item',
		description: 'Move an item, or change its variations, image or post',
	},
	run: itemChangeOperation({ method: 'PUT', path: `${QUEUES_PATH}/{queueId}/items/{itemId}` }, buildItemUpdate),
};
