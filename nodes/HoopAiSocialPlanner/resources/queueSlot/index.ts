import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { optionalId } from '../../shared/ids';
import { paginateCountedList } from '../../shared/pagination';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import { QUEUES_PATH } from '../categoryQueue/fields';

const paginateSlots = paginateCountedList({ in: 'body', itemsPath: 'results.slots', countPath: 'results.total', pageSize: 100, numeric: true });

/** preSend of the lists of a queue (items, slots): the edit session to read, when given. */
export async function sendListSession(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('listOptions', {}) as IDataObject;
	const sessionId = optionalId(this.getNode(), 'Options → Session ID', options.sessionId);
	const body: IDataObject = { ...(requestOptions.body as IDataObject) };
	if (sessionId) body.sessionId = sessionId;
	if (options.errorFilter) body.errorFilter = true;
	requestOptions.body = body;
	return requestOptions;
}

export const queueSlotOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['queueSlot'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many queue slots',
			description: 'List when each item of a queue is published next, in queue order',
			routing: apiRouting({
				request: { method: 'POST', url: `${QUEUES_PATH}/{queueId}/slots`, body: { locationId: LOCATION_PLACEHOLDER } },
				path: { queueId: 'Queue' },
				effect: 'read',
				preSend: [sendListSession],
				pagination: paginateSlots,
			}),
		},
	],
	default: 'getAll',
};

export const queueSlotFields: INodeProperties[] = [];
