import { paginateCountedList } from '../../shared/pagination';
import { apiRouting } from '../../shared/routing';
import { LOCATION_IN_BODY, QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many category queues',
		description: 'List the location’s category queues',
		routing: apiRouting({
			request: { method: 'POST', url: `${QUEUES_PATH}/list`, ...LOCATION_IN_BODY },
			effect: 'read',
			pagination: paginateCountedList({
				in: 'body',
				itemsPath: 'results.queues',
				countPath: 'results.meta.count',
				pageSize: 100,
				numeric: true,
			}),
		}),
	},
};
