import type { INodeProperties } from 'n8n-workflow';
import { paginateCountedList } from '../../shared/pagination';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { apiRouting, itemsAt } from '../../shared/routing';
import { buildQueueCreateBody, queueCreateDescription } from './create';
import { QUEUES_PATH, queueLocator } from './fields';
import { availableCategoriesDescription, paginateAvailableCategories, sendCategorySearch } from './getAvailableCategories';
import { buildCalendarBody, calendarDescription, calendarItems } from './getCalendar';
import { buildQueueUpdateBody, queueUpdateDescription } from './update';

// The queue paths hold no location: it goes in the body (POST, PUT) or the query (GET, DELETE).
const inBody = { body: { locationId: LOCATION_PLACEHOLDER } };
const inQuery = { qs: { locationId: LOCATION_PLACEHOLDER } };
// Its Queue field is `queue`: the sub-resources' `queueId` shows for other operations (one declaration per name).
const QUEUE_PATH = `${QUEUES_PATH}/{queue}`;
const QUEUE = { queue: 'Queue' };
const paginateQueues = paginateCountedList({ in: 'body', itemsPath: 'results.queues', countPath: 'results.meta.count', pageSize: 100, numeric: true });

export const categoryQueueOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['categoryQueue'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a category queue',
			description: 'Create a queue (as a draft) that publishes a category’s posts again at weekly time slots',
			routing: apiRouting({
				request: { method: 'POST', url: QUEUES_PATH, ...inBody },
				preSend: [buildQueueCreateBody],
				postReceive: [itemsAt('results.queue')],
			}),
		},
		{
			name: 'Delete Active Post',
			value: 'deleteActivePost',
			action: 'Delete the active post of a queue',
			description: 'Delete the post a queue has scheduled next; the queue schedules its next item instead',
			routing: apiRouting({
				request: { method: 'DELETE', url: `${QUEUES_PATH}/{activePostId}/active-post`, ...inQuery },
				path: { activePostId: 'Active Post ID' },
				deletes: 'activePostId',
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a category queue',
			description: 'Get a queue with its time slots, status and next scheduled post',
			routing: apiRouting({
				request: { method: 'GET', url: QUEUE_PATH, ...inQuery },
				path: QUEUE,
				postReceive: [itemsAt('results.queue')],
			}),
		},
		{
			name: 'Get Available Categories',
			value: 'getAvailableCategories',
			action: 'Get the categories available for queues',
			description: 'List the categories with their queue status (available, draft, in a queue)',
			routing: apiRouting({
				request: { method: 'GET', url: `${QUEUES_PATH}/available-categories`, ...inQuery },
				preSend: [sendCategorySearch],
				pagination: paginateAvailableCategories,
			}),
		},
		{
			name: 'Get Calendar',
			value: 'getCalendar',
			action: 'Get the calendar of the category queues',
			description: 'List the posts the active queues will publish between two dates',
			routing: apiRouting({
				request: { method: 'POST', url: `${QUEUES_PATH}/list/calendar`, ...inBody },
				effect: 'read',
				preSend: [buildCalendarBody],
				postReceive: [calendarItems],
			}),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many category queues',
			description: 'List the location’s category queues',
			routing: apiRouting({ request: { method: 'POST', url: `${QUEUES_PATH}/list`, ...inBody }, effect: 'read', pagination: paginateQueues }),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a category queue',
			description: 'Activate or pause a queue, skip a date, or change its time slots',
			routing: apiRouting({
				request: { method: 'PUT', url: QUEUE_PATH, ...inBody },
				path: QUEUE,
				preSend: [buildQueueUpdateBody],
				postReceive: [itemsAt('results.queue')],
			}),
		},
	],
	default: 'getAll',
};

export const categoryQueueFields: INodeProperties[] = [
	{ ...queueLocator, name: 'queue', displayOptions: { show: { resource: ['categoryQueue'], operation: ['get', 'update'] } } },
	{
		displayName: 'Active Post ID',
		name: 'activePostId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['categoryQueue'], operation: ['deleteActivePost'] } },
		placeholder: 'e.g. 65f1c7e2a4b5c6d7e8f90123',
		description: 'The post the queue has scheduled next: the Current Post ID of Category Queue → Get (not the queue’s ID)',
	},
	...queueCreateDescription,
	...queueUpdateDescription,
	...availableCategoriesDescription,
	...calendarDescription,
];
