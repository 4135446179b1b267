import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';
import { dateText } from '../../shared/checks';
import { isValidTimeZone, toUtcIso } from '../../shared/dates';
import { optionalId } from '../../shared/ids';
import { LOCATION_PLACEHOLDER } from '../../shared/request';

// What the queue family (Category Queue, Queue Item, Queue Slot, Queue Edit Session) shares.

/** Every queue path starts here: no location in it (it goes in the body or the query). */
export const QUEUES_PATH = '/social-media-posting/category/queues';
/** The location of a queue request, in its body (POST, PUT) or its query (GET, DELETE). */
export const LOCATION_IN_BODY = { body: { locationId: LOCATION_PLACEHOLDER } };
export const LOCATION_IN_QUERY = { qs: { locationId: LOCATION_PLACEHOLDER } };

/** A queue picked from a list searched by its category's name, or given by ID. */
export const queueLocator: INodeProperties = {
	displayName: 'Queue',
	name: 'queueId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The category queue, named after its category',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchQueues', searchable: true, searchFilterRequired: false },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 65f0c0de0000000000000042' },
	],
};

/** The Queue field of every operation of the three queue sub-resources (one declaration). */
export const subResourceQueueField: INodeProperties = {
	...queueLocator,
	displayOptions: { show: { resource: ['queueItem', 'queueSlot', 'queueEditSession'] } },
};

/** Where an edit session's ID comes from, as its fields and messages say. */
export const SESSION_ID_SOURCE = 'the sessionId that Queue Edit Session → Start returned';

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	description: 'The edit session, as Queue Edit Session → Start returned it',
};

/** Options of the lists of a queue (items, slots). */
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

/** preSend of the lists of a queue (items, slots): the edit session to read, when given. */
export async function sendListSession(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('listOptions', {}) as IDataObject;
	const sessionId = optionalId(this.getNode(), 'Options → Session ID', options.sessionId, SESSION_ID_SOURCE);
	const body: IDataObject = { ...(requestOptions.body as IDataObject) };
	if (sessionId) body.sessionId = sessionId;
	requestOptions.body = body;
	return requestOptions;
}

/** A date field's value as the API's UTC ISO string, read in the workflow's timezone. */
export function utcDate(node: INode, label: string, value: unknown, zone: string): string {
	const typed = dateText(node, label, value);
	if (!typed) throw new NodeOperationError(node, `${label}: required; pick a date and time`);
	const iso = toUtcIso(typed, isValidTimeZone(zone) ? zone : 'UTC');
	if (!iso) {
		throw new NodeOperationError(
			node,
			`${label}: "${typed}" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00`,
			{
				description: 'A time without its own offset (such as 2026-12-01T09:30:00Z) is read in the workflow’s timezone.',
			},
		);
	}
	return iso;
}
