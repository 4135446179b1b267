import { resourceModule } from '../resource';
import { get, statisticsFields } from './get';

export const statistics = resourceModule('statistics', [get], { default: 'get', fields: statisticsFields });
