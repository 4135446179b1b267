import type { INodeProperties } from 'n8n-workflow';
import { apiRouting } from '../../shared/routing';
import { LOCATION_IN_QUERY, QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';

export const deleteActivePost: Operation = {
	option: {
		name: 'Delete Active Post',
		value: 'deleteActivePost',
		action: 'Delete the active post of a queue',
		description: 'Delete the post a queue has scheduled next; the queue schedules its next item instead',
		routing: apiRouting({
			request: { method: 'DELETE', url: `${QUEUES_PATH}/{activePostId}/active-post`, ...LOCATION_IN_QUERY },
			path: { activePostId: { label: 'Active Post ID', source: 'the Current Post ID of Category Queue → Get (not the queue’s ID)' } },
			deletes: 'activePostId',
		}),
	},
};

export const deleteActivePostDescription: INodeProperties[] = [
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
];
