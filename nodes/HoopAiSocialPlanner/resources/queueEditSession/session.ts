import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { pathSegment } from '../../shared/ids';
import { apiRouting, itemsAt } from '../../shared/routing';
import { LOCATION_IN_BODY, QUEUES_PATH, SESSION_ID_SOURCE, sessionIdField } from '../queue/fields';
import type { Operation } from '../resource';

const show = { resource: ['queueEditSession'] };

/** The path of a step of a queue's edit session. */
export const editPath = (step: string) => `${QUEUES_PATH}/{queueId}/edit/${step}`;
export const QUEUE_ID = { queueId: 'Queue' };

/** preSend of the operations on a session: its ID (and Keep in Draft where shown). */
export async function sendSession(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const sessionId = pathSegment(this.getNode(), 'Session ID', this.getNodeParameter('sessionId', ''), SESSION_ID_SOURCE);
	const body: IDataObject = { ...(requestOptions.body as IDataObject), sessionId };
	if (this.getNodeParameter('operation') !== 'getCalendar' && this.getNodeParameter('keepInDraft', false)) body.keepInDraft = true;
	requestOptions.body = body;
	return requestOptions;
}

/**
 * Start, Save or Discard: a step of a queue's edit session, safe to send again (Start resumes the
 * open session); `ofSession`: it names the session (Save, Discard).
 */
export function sessionStep(
	step: 'start' | 'save' | 'discard',
	option: { name: string; action: string; description: string },
	ofSession: boolean,
): Operation {
	return {
		option: {
			name: option.name,
			value: step,
			action: option.action,
			description: option.description,
			routing: apiRouting({
				request: { method: 'POST', url: editPath(step), ...LOCATION_IN_BODY },
				path: QUEUE_ID,
				effect: 'idempotent',
				preSend: ofSession ? [sendSession] : [],
				postReceive: [itemsAt('results')],
			}),
		},
	};
}

/** The session's fields; the Queue field is the queue family's (queue/fields.ts). */
export const sessionFields: INodeProperties[] = [
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
