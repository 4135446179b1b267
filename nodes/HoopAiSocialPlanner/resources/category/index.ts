import { resourceModule } from '../resource';
import { categoryGetDescription, get } from './get';
import { getAll } from './getAll';

export const category = resourceModule('category', [get, getAll], { default: 'getAll', fields: categoryGetDescription });
