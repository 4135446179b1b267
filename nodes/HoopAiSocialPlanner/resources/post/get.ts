import { apiRouting, itemsAt } from '../../shared/routing';
import type { Operation } from '../resource';
import { POST_ID, POST_PATH } from './shared';
import { simplifyPosts } from './simplify';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a post',
		description: 'Get a post with its status, error and platform details',
		routing: apiRouting({
			request: { method: 'GET', url: POST_PATH },
			path: POST_ID,
			postReceive: [itemsAt('results.post'), simplifyPosts],
		}),
	},
};
