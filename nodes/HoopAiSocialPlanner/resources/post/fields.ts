import type { INodeProperties } from 'n8n-workflow';
import { MEDIA_TYPES } from '../../shared/media';

export { platformOptionsField } from './platforms';

/**
 * The editable fields of a post, shared by Create (top level and Additional Fields) and
 * Update (Update Fields). Names are the node's, not the API's: postInput.ts maps them. Each
 * network's own options are in platforms/<network>.ts.
 */

export const accountIdsField: INodeProperties = {
	displayName: 'Account Names or IDs',
	name: 'accountIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAccounts' },
	default: [],
	description: 'The social accounts to post to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a> (an array or a comma-separated list). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const postTypeField: INodeProperties = {
	displayName: 'Post Type',
	name: 'postType',
	type: 'options',
	options: [
		{ name: 'Post', value: 'post', description: 'A feed post (every network)' },
		{ name: 'Reel', value: 'reel', description: 'A short video (Instagram, Facebook, TikTok, YouTube); exactly one video' },
		{ name: 'Story', value: 'story', description: 'A 24-hour story (Instagram, Facebook); no caption' },
	],
	default: 'post',
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Draft', value: 'draft', description: 'Save without publishing' },
		{ name: 'Publish Now', value: 'published', description: 'Publish as soon as HoopAI processes it' },
		{ name: 'Schedule', value: 'scheduled', description: 'Publish at the Schedule Date' },
		{ name: 'Submit for Review', value: 'in_review', description: 'Ask the approver to approve it before the Schedule Date' },
	],
	default: 'scheduled',
};

export const scheduleDateField: INodeProperties = {
	displayName: 'Schedule Date',
	name: 'scheduleDate',
	type: 'dateTime',
	default: '',
	description:
		'When to publish. A date without an offset is read in the Timezone below; the API receives it in UTC. Required to schedule or submit for review.',
};

export const timezoneField: INodeProperties = {
	displayName: 'Timezone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'e.g. America/New_York',
	description: 'IANA time zone of the Schedule Date. Leave empty to use the workflow’s timezone.',
};

export const summaryField: INodeProperties = {
	displayName: 'Content',
	name: 'summary',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description:
		'The text of the post. HoopAI custom values such as {{contact.name}} are allowed. Pinterest allows 800 characters, YouTube 5,000.',
};

export const mediaField: INodeProperties = {
	displayName: 'Media',
	name: 'media',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Media',
	default: {},
	description: 'Images or videos, by public URL. Instagram, TikTok and YouTube posts need at least one.',
	options: [
		{
			displayName: 'Media',
			name: 'items',
			values: [
				{
					displayName: 'Alt Text',
					name: 'altText',
					type: 'string',
					default: '',
					description: 'Accessibility text for images (Instagram, Threads, Pinterest, Bluesky, LinkedIn)',
				},
				{
					displayName: 'Caption',
					name: 'caption',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Detect From URL', value: '' },
						...MEDIA_TYPES.map((type) => ({ name: type, value: type })),
					],
					default: '',
					description: 'MIME type; detected from the file extension of the URL when left to Detect',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/photo.jpg',
					description: 'Public HTTPS URL of the image or video',
				},
				{
					displayName: 'Video Thumbnail URL',
					name: 'thumbnail',
					type: 'string',
					default: '',
					description: 'Cover image for the first video (JPEG or PNG, up to 2 MB)',
				},
			],
		},
	],
};

/** Fields every post may carry that Create shows under Additional Fields. */
export const extraPostFields: INodeProperties[] = [
	{
		displayName: 'Category Name or ID',
		name: 'categoryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: '',
		description:
			'Category that groups the post. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'First Comment',
		name: 'followUpComment',
		type: 'string',
		default: '',
		description:
			'A comment posted right after the post is published. Facebook, Instagram, LinkedIn and YouTube only: a post that also goes to another network (Google Business Profile, Pinterest, TikTok, Threads, Bluesky) stops with an error before it is sent, so post to those accounts separately.',
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description: 'Extra API fields not modelled above, merged into the request body last (see the API’s create-post reference)',
	},
	{
		displayName: 'Link Preview',
		name: 'linkPreview',
		type: 'fixedCollection',
		default: {},
		options: [
			{
				displayName: 'Link Preview',
				name: 'preview',
				values: [
					{ displayName: 'Link', name: 'metaLink', type: 'string', default: '', description: 'The page the preview opens' },
					{ displayName: 'Image URL', name: 'metaImage', type: 'string', default: '' },
					{ displayName: 'Title', name: 'ogTitle', type: 'string', default: '' },
					{ displayName: 'Description', name: 'ogDescription', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Review',
		name: 'approval',
		type: 'fixedCollection',
		default: {},
		description: 'Who approves a post submitted for review',
		options: [
			{
				displayName: 'Review',
				name: 'details',
				values: [
					{
						displayName: 'Approver Name or ID',
						name: 'approver',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getUsers' },
						default: '',
						description:
							'The user who approves the post. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{ displayName: 'Note to Approver', name: 'requesterNote', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Social Planner tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'User Name or ID',
		name: 'userId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'The HoopAI user who creates the post; defaults to the credential’s Default User ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Watermark Images',
		name: 'applyWatermark',
		type: 'boolean',
		default: false,
		description: 'Whether to apply the location’s watermark to the images (not videos)',
	},
];
