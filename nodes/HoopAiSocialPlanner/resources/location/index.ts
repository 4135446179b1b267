import { resourceModule } from '../resource';
import { getAll } from './getAll';

export const location = resourceModule('location', [getAll], { default: 'getAll', fields: [] });
