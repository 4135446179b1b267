import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';
import { itemSetting, modifiedPostOf, orderOf, primaryImageOf, queuePostInput, variationsOf } from './fields';

/** Queue Item → Create (…/{queueId}/items only lists them). */
async function buildItemCreate(this: IExecuteFunctions, { itemIndex, scope }: ItemChangeContext): Promise<ItemRequest> {
	const node = this.getNode();
	const option = (name: string, fallback: unknown) => itemSetting(this, itemIndex, name, fallback).value;
	const directToQueue = Boolean(option('directToQueue', false));
	const body: IDataObject = {};
	const variations = variationsOf(node, option('variations', {}));
	const modifiedPostPayload = await modifiedPostOf.call(this, queuePostInput(this, itemIndex), scope);
	if (!variations && !modifiedPostPayload) {
		throw new NodeOperationError(
			node,
			'Content: the item has nothing to publish; write its Content, add Media, or add Variations under Options',
			{
				description: 'A queue item needs something to publish.',
				itemIndex,
			},
		);
	}
	if (variations) body.variations = variations;
	if (modifiedPostPayload) body.modifiedPostPayload = modifiedPostPayload;
	const primaryImage = primaryImageOf(node, this.getNodeParameter('primaryImage', itemIndex, ''));
	if (primaryImage) body.primaryImage = primaryImage;
	if (directToQueue) body.directToQueue = true;
	// Direct to Queue places the item itself (New Content First), so no order is sent.
	else body.order = orderOf(node, option('order', 'bottom'), option('orderValue', 0), false, 'Options → ');
	return { body, direct: directToQueue, needsSession: !directToQueue };
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a queue item',
		description: 'Add a post to a queue, with its variations',
	},
	run: itemChangeOperation({ method: 'POST', path: `${QUEUES_PATH}/{queueId}/create/item` }, buildItemCreate),
};
