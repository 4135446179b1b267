import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { itemChangeOperation, type ItemChangeContext, type ItemRequest } from './change';
import { modifiedPostOf, orderOf, primaryImageOf, variationsOf } from './fields';

/** Queue Item → Create (…/{queueId}/items only lists them). */
async function buildItemCreate(this: IExecuteFunctions, { itemIndex, scope }: ItemChangeContext): Promise<ItemRequest> {
	const node = this.getNode();
	const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const directToQueue = Boolean(parameter('directToQueue', false));
	const body: IDataObject = {};
	const variations = variationsOf(node, parameter('variations', {}));
	const modifiedPostPayload = await modifiedPostOf.call(this, parameter('queuePost', {}), scope);
	if (!variations && !modifiedPostPayload) {
		throw new NodeOperationError(node, 'Variations: add at least one variation, or the Post Fields of the item', {
			description: 'A queue item needs something to publish: a variation’s Content, or Post Fields such as Content and Media.',
			itemIndex,
		});
	}
	if (variations) body.variations = variations;
	if (modifiedPostPayload) body.modifiedPostPayload = modifiedPostPayload;
	const primaryImage = primaryImageOf(node, parameter('primaryImage', ''));
	if (primaryImage) body.primaryImage = primaryImage;
	if (directToQueue) body.directToQueue = true;
	// Direct to Queue places the item itself (New Content First), so no order is sent.
	else body.order = orderOf(node, parameter('order', 'bottom'), parameter('orderValue', 0), false);
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
