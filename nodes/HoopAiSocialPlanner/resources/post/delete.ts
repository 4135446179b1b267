import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';
import { POST_ID, POST_PATH } from './shared';

export const deletePost: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a post',
		description: 'Delete a post (in HoopAI only, not on the networks)',
		routing: apiRouting({
			request: { method: 'DELETE', url: POST_PATH },
			path: POST_ID,
			deletes: 'postId',
		}),
	},
};
