import { apiRouting } from '../../shared/routing';
import { buildCalendarBody, calendarItems } from '../queue/calendar';
import { LOCATION_IN_BODY, QUEUES_PATH } from '../queue/fields';
import type { Operation } from '../resource';

// Its fields are the queue family's calendar fields (queue/calendar.ts), shared with Queue Edit Session.
export const getCalendar: Operation = {
	option: {
		name: 'Get Calendar',
		value: 'getCalendar',
		action: 'Get the calendar of the category queues',
		description: 'List the posts the active queues will publish between two dates',
		routing: apiRouting({
			request: { method: 'POST', url: `${QUEUES_PATH}/list/calendar`, ...LOCATION_IN_BODY },
			effect: 'read',
			preSend: [buildCalendarBody],
			postReceive: [calendarItems],
		}),
	},
};
