import { NodeOperationError, type IDataObject, type INode, type INodeProperties } from 'n8n-workflow';
import { choice, text } from '../../shared/checks';

/** The API's days of the week: 0 is Sunday. */
export const DAYS_OF_WEEK = [
	{ name: 'Monday', value: 1 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Friday', value: 5 },
	{ name: 'Saturday', value: 6 },
	{ name: 'Sunday', value: 0 },
];

/** A queue's settings, offered by Create (as options) and Update (as fields). */
export const queueSettingFields: INodeProperties[] = [
	{
		displayName: 'Add New Posts of the Category',
		name: 'enableFuturePosts',
		type: 'boolean',
		default: false,
		description: 'Whether posts created in the category later join the queue by themselves',
	},
	{
		displayName: 'New Content First',
		name: 'prioritizeNewContent',
		type: 'boolean',
		default: false,
		description: 'Whether items added straight to the queue go to the top (published next) instead of the bottom',
	},
];

export const timeSlotsField: INodeProperties = {
	displayName: 'Time Slots',
	name: 'timeSlots',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Time Slot',
	default: { slots: [{ dayOfWeek: 1, time: '09:00' }] },
	description:
		'When the queue publishes, every week, in the location’s time zone (the one set for the sub-account in HoopAI; Queue Slot → Get Many outputs its name), not the workflow’s',
	options: [
		{
			displayName: 'Time Slot',
			name: 'slots',
			values: [
				{
					displayName: 'Day',
					name: 'dayOfWeek',
					type: 'options',
					options: DAYS_OF_WEEK,
					default: 1,
				},
				{
					displayName: 'Time',
					name: 'time',
					type: 'string',
					default: '09:00',
					placeholder: '09:00',
					description: 'Hours and minutes, 24-hour clock (HH:mm)',
				},
			],
		},
	],
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The Time Slots as the API wants them, each checked; at least one. */
export function timeSlotsOf(node: INode, value: unknown): IDataObject[] {
	const slots = ((value as IDataObject | undefined)?.slots ?? []) as IDataObject[];
	if (!Array.isArray(slots) || slots.length === 0) {
		throw new NodeOperationError(node, 'Time Slots: none given; add at least one time slot (a day of the week and a time)', {
			description: 'A queue publishes at its time slots.',
		});
	}
	return slots.map((slot, index) => {
		const which = slots.length > 1 ? ` (time slot ${index + 1})` : '';
		const dayOfWeek = choice<number>(node, 'Time Slots → Day', slot.dayOfWeek, DAYS_OF_WEEK);
		const time = text(node, 'Time Slots → Time', slot.time).trim();
		if (!HH_MM.test(time)) {
			throw new NodeOperationError(
				node,
				`Time Slots → Time: "${time}"${which} is not allowed; use HH:mm from 00:00 to 23:59, e.g. 09:00 or 17:30`,
				{
					description: 'A 24-hour clock with two digits each.',
				},
			);
		}
		return { dayOfWeek: Number(dayOfWeek), time };
	});
}
