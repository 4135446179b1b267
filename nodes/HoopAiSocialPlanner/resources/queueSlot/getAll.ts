import { paginateCountedList } from '../../shared/pagination';
import { apiRouting } from '../../shared/routing';
import { LOCATION_IN_BODY, QUEUES_PATH, sendListSession } from '../queue/fields';
import type { Operation } from '../resource';

// Its fields are the queue family's Queue and list Options (queue/fields.ts), shared with Queue Item.
export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many queue slots',
		description: 'List when each item of a queue is published next, in queue order',
		routing: apiRouting({
			request: { method: 'POST', url: `${QUEUES_PATH}/{queueId}/slots`, ...LOCATION_IN_BODY },
			path: { queueId: 'Queue' },
			effect: 'read',
			preSend: [sendListSession],
			pagination: paginateCountedList({ in: 'body', itemsPath: 'results.slots', countPath: 'results.total', pageSize: 100, numeric: true }),
		}),
	},
};
