import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';

/** POST …/{queueId}/items lists the items (creating one is …/create/item). */
export const paginateQueueItems = paginateCountedList({ in: 'body', itemsPath: 'results.items', countPath: 'results.meta.count', pageSize: 100, numeric: true });

export const queueListOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'listOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['queueItem', 'queueSlot'], operation: ['getAll'] } },
	options: [
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'string',
			default: '',
			description: 'Read the items as an open edit session has them (its unsaved changes included)',
		},
	],
};

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
export async function sendErrorFilter(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('errorFilter', false)) requestOptions.body = { ...(requestOptions.body as IDataObject), errorFilter: true };
	return requestOptions;
}
