import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';
import { QUEUES_PATH, queueLocator, sessionIdField } from '../categoryQueue/fields';
import { buildCalendarBody, calendarItems } from '../categoryQueue/getCalendar';

const show = { resource: ['queueEditSession'] };
const inBody = { body: { locationId: LOCATION_PLACEHOLDER } };
const QUEUE_ID = { queueId: 'Queue' };
const editPath = (step: string) => `${QUEUES_PATH}/{queueId}/edit/${step}`;

/** preSend of the operations on a session: its ID (and Keep in Draft where shown). */
async function sendSession(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const sessionId = pathSegment(this.getNode(), 'Session ID', this.getNodeParameter('sessionId', ''));
	const body: IDataObject = { ...(requestOptions.body as IDataObject), sessionId };
	if (this.getNodeParameter('operation') !== 'getCalendar' && this.getNodeParameter('keepInDraft', false)) body.keepInDraft = true;
	requestOptions.body = body;
	return requestOptions;
}

export const queueEditSessionOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show },
	options: [
		{
			name: 'Discard',
			value: 'discard',
			action: 'Discard a queue edit session',
			description: 'Drop the session’s changes; the queue stays as it was',
			routing: apiRouting({
				request: { method: 'POST', url: editPath('discard'), ...inBody },
				path: QUEUE_ID,
				effect: 'idempotent',
				preSend: [sendSession],
				postReceive: [itemsAt('results')],
			}),
		},
		{
			name: 'Get Calendar',
			value: 'getCalendar',
			action: 'Get the calendar of a queue edit session',
			description: 'Preview when the session’s items would be published if it were saved',
			routing: apiRouting({
				request: { method: 'POST', url: editPath('calendar'), ...inBody },
				path: QUEUE_ID,
				effect: 'read',
				preSend: [buildCalendarBody, sendSession],
				postReceive: [calendarItems],
			}),
		},
		{
			name: 'Save',
			value: 'save',
			action: 'Save a queue edit session',
			description: 'Apply the session’s changes to the queue (a draft queue becomes active unless Keep in Draft)',
			routing: apiRouting({
				request: { method: 'POST', url: editPath('save'), ...inBody },
				path: QUEUE_ID,
				effect: 'idempotent',
				preSend: [sendSession],
				postReceive: [itemsAt('results')],
			}),
		},
		{
			name: 'Start',
			value: 'start',
			action: 'Start a queue edit session',
			description: 'Start a session to change a queue’s items together (or resume the open one); outputs its Session ID',
			routing: apiRouting({
				request: { method: 'POST', url: editPath('start'), ...inBody },
				path: QUEUE_ID,
				effect: 'idempotent',
				postReceive: [itemsAt('results')],
			}),
		},
	],
	default: 'start',
};

export const queueEditSessionFields: INodeProperties[] = [
	{ ...sessionIdField, displayOptions: { show: { ...show, operation: ['save', 'discard', 'getCalendar'] } } },
	{
		displayName: 'Keep in Draft',
		name: 'keepInDraft',
		type: 'boolean',
		default: false,
		displayOptions: { show: { ...show, operation: ['save', 'discard'] } },
		description: 'Whether a draft queue stays a draft (saving otherwise activates it)',
	},
];

/** The Queue field of every operation of the three queue sub-resources (one declaration). */
export const subResourceQueueField: INodeProperties = {
	...queueLocator,
	displayOptions: { show: { resource: ['queueItem', 'queueSlot', 'queueEditSession'] } },
};
