import { apiRouting, itemsAt } from '../../shared/routing';
import { LOCATION_IN_QUERY } from '../queue/fields';
import type { Operation } from '../resource';
import { QUEUE, QUEUE_PATH } from './queue';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a category queue',
		description: 'Get a queue with its time slots, status and next scheduled post',
		routing: apiRouting({
			request: { method: 'GET', url: QUEUE_PATH, ...LOCATION_IN_QUERY },
			path: QUEUE,
			postReceive: [itemsAt('results.queue')],
		}),
	},
};
