import type { INodeProperties } from 'n8n-workflow';
import { locationPath } from '../../shared/request';
import { postLocator, simplifyField } from '../../shared/descriptions';
import { apiRouting, itemsAt } from '../../shared/routing';
import { postBulkDeleteDescription } from './bulkDelete';
import { postCreateDescription } from './create';
import { buildPostListBody, paginatePosts, postGetAllDescription } from './getAll';
import { simplifyPosts } from './simplify';
import { postUpdateDescription } from './update';

const POST_PATH = locationPath('/posts/{postId}');
const POST_ID = { postId: 'Post' };

export const postOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['post'] } },
	options: [
		{
			// Runs as a custom operation (createPosts): checks need the accounts first.
			name: 'Create',
			value: 'create',
			action: 'Create a post',
			description: 'Create, schedule or publish a post on one or more social accounts',
		},
		{
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
		{
			// Runs as a custom operation (bulkDeletePosts): one run for all input items.
			name: 'Delete Many',
			value: 'bulkDelete',
			action: 'Delete many posts',
			description: 'Delete the posts of all input items together, 50 per request (in HoopAI only, not on the networks)',
		},
		{
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
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many posts',
			description: 'List posts in a date window, filtered by status, accounts and type',
			routing: apiRouting({
				request: { method: 'POST', url: locationPath('/posts/list') },
				preSend: [buildPostListBody],
				pagination: paginatePosts,
			}),
		},
		{
			// Runs as a custom operation (updatePosts): read, merge, replace, read again.
			name: 'Update',
			value: 'update',
			action: 'Update a post',
			description: 'Change some fields of a post (reschedule, edit text or media) and keep the rest',
		},
	],
	default: 'create',
};

export const postFields: INodeProperties[] = [
	// One Post property for every operation that takes a post: n8n evaluates each declared
	// property's value for every item, so three declarations cost three evaluations.
	{ ...postLocator, displayOptions: { show: { resource: ['post'], operation: ['get', 'update', 'delete'] } } },
	...postCreateDescription,
	...postGetAllDescription,
	...postUpdateDescription,
	...postBulkDeleteDescription,
	{ ...simplifyField, displayOptions: { show: { resource: ['post'], operation: ['create', 'get', 'getAll', 'update'] } } },
];
