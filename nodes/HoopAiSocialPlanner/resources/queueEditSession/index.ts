import { resourceModule } from '../resource';
import { discard } from './discard';
import { getCalendar } from './getCalendar';
import { save } from './save';
import { sessionFields } from './session';
import { start } from './start';

export const queueEditSession = resourceModule('queueEditSession', [discard, getCalendar, save, start], {
	default: 'start',
	fields: sessionFields,
});
