import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { apiRouting } from '../../shared/routing';
import { LOCATION_IN_BODY, QUEUES_PATH, sendListSession } from '../queue/fields';
import type { Operation } from '../resource';

export const itemGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Only Items With Errors',
		name: 'errorFilter',
		type: 'boolean',
		default: false,
		displayOptions: { show: { resource: ['queueItem'], operation: ['getAll'] } },
		description: 'Whether to list only the items HoopAI cannot publish (e.g. their author is no longer a user)',
	},
];

/** preSend of Get Many: Only Items With Errors. */
async function sendErrorFilter(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('errorFilter', false)) requestOptions.body = { ...(requestOptions.body as IDataObject), errorFilter: true };
	return requestOptions;
}

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many queue items',
		description: 'List a queue’s items in order, with their next publication date',
		routing: apiRouting({
			// …/{queueId}/items lists the items (creating one is …/create/item).
			request: { method: 'POST', url: `${QUEUES_PATH}/{queueId}/items`, ...LOCATION_IN_BODY },
			path: { queueId: 'Queue' },
			effect: 'read',
			preSend: [sendListSession, sendErrorFilter],
			pagination: paginateCountedList({
				in: 'body',
				itemsPath: 'results.items',
				countPath: 'results.meta.count',
				pageSize: 100,
				numeric: true,
			}),
		}),
	},
};
