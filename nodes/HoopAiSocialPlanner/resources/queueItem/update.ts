import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';
import { ITEM_ID_SOURCE, itemSetting, modifiedPostOf, orderOf, primaryImageOf, queuePostInput, variationsOf } from './fields';

/** Queue Item → Update: only what the user set (order, variations, image, post fields). */
async function buildItemUpdate(this: IExecuteFunctions, { itemIndex, scope }: ItemChangeContext): Promise<ItemRequest> {
	const node = this.getNode();
	const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const itemId = pathSegment(node, 'Item ID', parameter('itemId', ''), ITEM_ID_SOURCE);
	const body: IDataObject = {};
	const option = (name: string, fallback: unknown) => itemSetting(this, itemIndex, name, fallback).value;
	const newOrder = orderOf(node, option('newOrder', 'keep'), option('newOrderValue', 0), true, 'Options → ');
	if (newOrder !== undefined) body.newOrder = newOrder;
	const variations = variationsOf(node, option('variations', {}));
	if (variations) body.variations = variations;
	const primaryImage = primaryImageOf(node, parameter('primaryImage', ''));
	if (primaryImage) body.primaryImage = primaryImage;
	const modifiedPostPayload = await modifiedPostOf.call(this, queuePostInput(this, itemIndex), scope);
	if (modifiedPostPayload) body.modifiedPostPayload = modifiedPostPayload;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			node,
			'Content: nothing to change; set Content, Media, Primary Image URL or Post Fields, or an Order or Variations under Options',
			{
				itemIndex,
			},
		);
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
