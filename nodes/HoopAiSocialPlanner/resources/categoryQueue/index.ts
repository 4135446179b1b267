import { calendarDescription } from '../queue/calendar';
import { resourceModule } from '../resource';
import { create, queueCreateDescription } from './create';
import { deleteActivePost, deleteActivePostDescription } from './deleteActivePost';
import { get } from './get';
import { availableCategoriesDescription, getAvailableCategories } from './getAvailableCategories';
import { getAll } from './getAll';
import { getCalendar } from './getCalendar';
import { queueField } from './queue';
import { queueUpdateDescription, update } from './update';

export const categoryQueue = resourceModule(
	'categoryQueue',
	[create, deleteActivePost, get, getAvailableCategories, getCalendar, getAll, update],
	{
		default: 'getAll',
		fields: [
			queueField,
			...deleteActivePostDescription,
			...queueCreateDescription,
			...queueUpdateDescription,
			...availableCategoriesDescription,
			...calendarDescription,
		],
	},
);
