import { resourceModule } from '../resource';
import { getAll } from './getAll';

export const queueSlot = resourceModule('queueSlot', [getAll], { default: 'getAll', fields: [] });
