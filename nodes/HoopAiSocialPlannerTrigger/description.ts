import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty } from '../HoopAiSocialPlanner/shared/descriptions';
import { PLATFORM_OPTIONS } from '../HoopAiSocialPlanner/networks';
import { POST_FORMAT_OPTIONS } from '../HoopAiSocialPlanner/networks/network';
import { watchProperties } from './locations';

export const POST_STATUSES = [
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'In Review', value: 'in_review' },
	{ name: 'Notification Sent (Story)', value: 'notification_sent' },
	{ name: 'Pending (Instagram Processing)', value: 'pending' },
	{ name: 'Published', value: 'published' },
	{ name: 'Scheduled', value: 'scheduled' },
];

export const EVENT_OPTIONS = [
	{ name: 'New Post', value: 'newPost', description: 'A post created after the trigger was activated' },
	{ name: 'Post Deleted', value: 'postDeleted', description: 'A post was deleted' },
	{ name: 'Status Changed', value: 'statusChanged', description: 'A post moved to another status, e.g. published or failed' },
];

/** The canvas subtitle: the chosen events by their names in the list (one expression, no lookups). */
export const eventsSubtitle = `={{ ($parameter["events"] || []).map((event) => (${JSON.stringify(
	Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])),
)})[event] || event).join(", ") }}`;

export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	...watchProperties,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['statusChanged'],
		required: true,
	},
	{
		displayName: 'To Statuses',
		name: 'toStatuses',
		type: 'multiOptions',
		options: POST_STATUSES.filter((status) => status.value !== 'deleted'),
		default: ['published', 'failed'],
		displayOptions: { show: { events: ['statusChanged'] } },
		description: 'Fire when a post reaches one of these statuses; none means any status',
	},
	{
		displayName: 'From Statuses',
		name: 'fromStatuses',
		type: 'multiOptions',
		options: POST_STATUSES.filter((status) => status.value !== 'deleted'),
		default: [],
		displayOptions: { show: { events: ['statusChanged'] } },
		description: 'Only when the post had one of these statuses before; none means any status',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Account Names or IDs',
				name: 'accounts',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAccounts' },
				default: [],
				description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Platforms',
				name: 'platforms',
				type: 'multiOptions',
				options: PLATFORM_OPTIONS,
				default: [],
				description: 'Only posts on these networks',
			},
			{
				displayName: 'Post Type',
				name: 'postType',
				type: 'options',
				options: POST_FORMAT_OPTIONS,
				default: 'post',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Days Ahead',
				name: 'daysAhead',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description: 'Watch posts scheduled up to this many days ahead',
			},
			{
				displayName: 'Days Back',
				name: 'daysBack',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 7,
				description: 'Watch posts scheduled or published up to this many days ago',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to output the post as one flat row (content, account names and networks, UTC and local times, error, link) instead of the API’s full post',
			},
		],
	},
];
