import { resourceModule } from '../resource';
import { getAll, tagGetAllDescription } from './getAll';

export const tag = resourceModule('tag', [getAll], { default: 'getAll', fields: tagGetAllDescription });
