import { apiRouting } from '../../shared/routing';
import { buildCalendarBody, calendarItems } from '../queue/calendar';
import { LOCATION_IN_BODY } from '../queue/fields';
import type { Operation } from '../resource';
import { editPath, QUEUE_ID, sendSession } from './session';

// Its fields are the queue family's calendar fields (queue/calendar.ts), shared with Category Queue.
export const getCalendar: Operation = {
	option: {
		name: 'Get Calendar',
		value: 'getCalendar',
		action: 'Get the calendar of a queue edit session',
		description: 'Preview when the session’s items would be published if it were saved',
		routing: apiRouting({
			request: { method: 'POST', url: editPath('calendar'), ...LOCATION_IN_BODY },
			path: QUEUE_ID,
			effect: 'read',
			preSend: [buildCalendarBody, sendSession],
			postReceive: [calendarItems],
		}),
	},
};
