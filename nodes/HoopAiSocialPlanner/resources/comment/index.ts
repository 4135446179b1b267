import { resourceModule } from '../resource';
import { commentCreateDescription, create } from './create';
import { platformField } from './fields';
import { commentGetAllDescription, getAll } from './getAll';
import { like, likeDescription } from './like';
import { unlike } from './unlike';

export const comment = resourceModule('comment', [create, getAll, like, unlike], {
	default: 'getAll',
	fields: [platformField, ...commentGetAllDescription, ...commentCreateDescription, ...likeDescription],
});
