import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionalId, pathSegment } from '../../shared/ids';
import { runOf } from '../../shared/run';
import { apiRouting, itemsAt } from '../../shared/routing';
import { LOCATION_IN_BODY, QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';
import { queueSettingFields, timeSlotsField, timeSlotsOf } from './fields';

const showForCreate = { resource: ['categoryQueue'], operation: ['create'] };

export const queueCreateDescription: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'queueCategory',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: showForCreate },
		description: 'The category whose posts the queue publishes again and again. The list shows the categories that have no queue yet.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchQueueCategories', searchable: true, searchFilterRequired: false },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 65f0c0de000000000000000b' },
		],
	},
	{ ...timeSlotsField, required: true, displayOptions: { show: showForCreate } },
	{
		displayName: 'Options',
		name: 'queueOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForCreate },
		options: [
			...queueSettingFields,
			{
				displayName: 'User Name or ID',
				name: 'userId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				allowArbitraryValues: true,
				default: '',
				description:
					'The HoopAI user who creates the queue; empty: the credential’s Default User ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/** preSend of Create: category, time slots (checked here), options and the user. */
async function buildQueueCreateBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const categoryId = pathSegment(node, 'Category', this.getNodeParameter('queueCategory', undefined, { extractValue: true }));
	const timeSlots = timeSlotsOf(node, this.getNodeParameter('timeSlots', {}));
	const options = this.getNodeParameter('queueOptions', {}) as IDataObject;
	const userId = optionalId(node, 'Options → User Name or ID', options.userId) || (await runOf(this).connection()).defaultUserId;
	if (!userId) {
		throw new NodeOperationError(
			node,
			'Options → User Name or ID: required, and the credential has no Default User ID; choose the user, or set the Default User ID in the credential',
			{
				description: 'HoopAI records who created the queue.',
			},
		);
	}
	const body: IDataObject = { ...(requestOptions.body as IDataObject), categoryId, timeSlots, userId };
	for (const key of ['enableFuturePosts', 'prioritizeNewContent']) if (options[key] !== undefined) body[key] = Boolean(options[key]);
	requestOptions.body = body;
	return requestOptions;
}

/** What a new queue's output says while it is a draft: it publishes nothing until activated. */
export const DRAFT_QUEUE_HINT =
	'The queue is a draft and publishes nothing yet: activate it with Category Queue → Update, Update Fields → Status "Active" (or save an edit session with Keep Draft Queue in Draft off)';

/** postReceive: a draft queue's item carries the hint of how to activate it, first. */
async function addDraftHint(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map((item) => (item.json.status === 'draft' ? { ...item, json: { hint: DRAFT_QUEUE_HINT, ...item.json } } : item));
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a category queue',
		description: 'Create a queue (as a draft) that publishes a category’s posts again at weekly time slots',
		routing: apiRouting({
			request: { method: 'POST', url: QUEUES_PATH, ...LOCATION_IN_BODY },
			preSend: [buildQueueCreateBody],
			// A workflow run again meets the queue its first run made.
			fixes: [{ when: /queue already exists/i, fix: 'use Category Queue → Get or Update' }],
			postReceive: [itemsAt('results.queue'), addDraftHint],
		}),
	},
};
