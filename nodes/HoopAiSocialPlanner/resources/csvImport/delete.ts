import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';
import { CSV_ID, CSV_IMPORT_PATH } from './fields';

export const deleteImport: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a CSV import',
		description: 'Delete an import and the posts it has not scheduled yet',
		routing: apiRouting({ request: { method: 'DELETE', url: CSV_IMPORT_PATH }, path: CSV_ID, deletes: 'csvId' }),
	},
};
