import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { choice } from '../../shared/checks';
import { apiRouting, itemsAt } from '../../shared/routing';
import { LOCATION_IN_BODY, utcDate } from '../queue/fields';
import type { Operation } from '../resource';
import { queueSettingFields, timeSlotsField, timeSlotsOf } from './fields';
import { QUEUE, QUEUE_PATH } from './queue';

const showForUpdate = { resource: ['categoryQueue'], operation: ['update'] };

const STATUS_OPTIONS = [
	{ name: 'Active', value: 'active', description: 'Publish at the time slots (activates a draft queue)' },
	{ name: 'Paused', value: 'paused', description: 'Publish nothing until it is active again' },
];

export const queueUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'queueUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForUpdate },
		description: 'Only the fields you add change',
		// What a queue's owner changes most: pause or activate, skip a date, then the slots.
		options: [
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: 'active' },
			{
				displayName: 'Skip Date',
				name: 'skipDateTime',
				type: 'dateTime',
				default: '',
				description:
					'A slot to leave out (its date and time, in the workflow’s timezone): that slot publishes nothing, the next one publishes its item',
			},
			{ ...timeSlotsField, description: 'Replace the queue’s time slots with these' },
			...queueSettingFields,
		],
	},
];

/** preSend of Update: the fields the user added, each checked; none added is an error. */
async function buildQueueUpdateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const fields = this.getNodeParameter('queueUpdateFields', {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.status !== undefined) body.status = choice(node, 'Update Fields → Status', fields.status, STATUS_OPTIONS);
	if (fields.skipDateTime !== undefined && fields.skipDateTime !== '')
		body.skipDateTime = utcDate(node, 'Update Fields → Skip Date', fields.skipDateTime, this.getTimezone());
	if (fields.timeSlots !== undefined) body.timeSlots = timeSlotsOf(node, fields.timeSlots);
	for (const key of ['enableFuturePosts', 'prioritizeNewContent']) if (fields[key] !== undefined) body[key] = Boolean(fields[key]);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			node,
			'Update Fields: nothing to change; add Status to activate or pause the queue, Skip Date to leave out a slot, or Time Slots',
			{
				description: 'Only the fields you add change.',
			},
		);
	}
	requestOptions.body = { ...(requestOptions.body as IDataObject), ...body };
	return requestOptions;
}

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a category queue',
		description: 'Activate or pause a queue, skip a date, or change its time slots',
		routing: apiRouting({
			request: { method: 'PUT', url: QUEUE_PATH, ...LOCATION_IN_BODY },
			path: QUEUE,
			preSend: [buildQueueUpdateBody],
			postReceive: [itemsAt('results.queue')],
		}),
	},
};
