import { postLocator } from '../../shared/descriptions';
import { resourceModule } from '../resource';
import { bulkDelete, postBulkDeleteDescription } from './bulkDelete';
import { create, postCreateDescription } from './create';
import { deletePost } from './delete';
import { get } from './get';
import { getAll, postGetAllDescription } from './getAll';
import { postUpdateDescription, update } from './update';

// Create, Update and Delete Many run in code (create.ts, update.ts, bulkDelete.ts): Create and
// Update check the post against the accounts' networks first; Delete Many is one run for all items.
export const post = resourceModule('post', [create, deletePost, bulkDelete, get, getAll, update], {
	default: 'create',
	fields: [
		// One Post property for every operation that takes a post: n8n evaluates each declared
		// property's value for every item, so three declarations cost three evaluations.
		{ ...postLocator, displayOptions: { show: { resource: ['post'], operation: ['get', 'update', 'delete'] } } },
		...postCreateDescription,
		...postGetAllDescription,
		...postUpdateDescription,
		...postBulkDeleteDescription,
		// Simplify is declared once for posts and accounts, last of the node (shared/descriptions.ts).
	],
});
