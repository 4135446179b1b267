import { resourceModule } from '../resource';
import { accountDeleteDescription, deleteAccount } from './delete';
import { accountGetAllDescription, getAll } from './getAll';

export const account = resourceModule('account', [deleteAccount, getAll], {
	default: 'getAll',
	fields: [...accountGetAllDescription, ...accountDeleteDescription],
});
