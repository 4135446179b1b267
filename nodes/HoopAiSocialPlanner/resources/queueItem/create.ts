import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { ItemChangeContext, ItemRequest } from './change';
import { modifiedPostOf, orderOf, primaryImageOf, variationsOf } from './fields';

/** Queue Item → Create: POST …/{queueId}/create/item (…/{queueId}/items only lists them). */
export function buildItemCreate(this: IExecuteFunctions, { itemIndex, scope }: ItemChangeContext): ItemRequest {
	const node = this.getNode();
	const parameter = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const directToQueue = Boolean(parameter('directToQueue', false));
	const body: IDataObject = {};
	const variations = variationsOf(node, parameter('variations', {}));
	const modifiedPostPayload = modifiedPostOf(node, parameter('queuePost', {}), this.getTimezone(), scope.connection.defaultUserId, scope.locationId);
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
	return { method: 'POST', path: '/create/item', body, effect: 'create', direct: directToQueue, needsSession: !directToQueue };
}
