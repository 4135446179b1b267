import type { INodeProperties } from 'n8n-workflow';
import { MEDIA_TYPES } from '../../shared/media';
import { POST_FORMAT_OPTIONS } from '../../shared/platforms';

/**
 * The editable fields of a post, shared by Create (top level and Additional Fields) and
 * Update (Update Fields). Names are the node's, not the API's: postInput.ts maps them.
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

const boolean = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

export const platformOptionsField: INodeProperties = {
	displayName: 'Platform Options',
	name: 'platformOptions',
	type: 'fixedCollection',
	placeholder: 'Add Platform Options',
	default: {},
	description: 'Settings that apply only to the accounts of one network',
	options: [
		{
			displayName: 'Google Business Profile',
			name: 'google',
			values: [
				{
					displayName: 'Button',
					name: 'actionType',
					type: 'options',
					options: [
						{
							name: 'Book',
							value: 'book',
						},
						{
							name: 'Call',
							value: 'call',
						},
						{
							name: 'Learn More',
							value: 'learn_more',
						},
						{
							name: 'None',
							value: 'none',
						},
						{
							name: 'Order',
							value: 'order',
						},
						{
							name: 'Shop',
							value: 'shop',
						},
						{
							name: 'Sign Up',
							value: 'sign_up',
						},
					],
					default: 'none',
				},
				{
					displayName: 'Button URL',
					name: 'url',
					type: 'string',
					default: '',
					description: 'Required for every button except None and Call',
				},
				{
					displayName: 'Coupon Code',
					name: 'couponCode',
					type: 'string',
					default: '',
					description: 'Offers:	required',
				},
				{
					displayName: 'End',
					name: 'endDate',
					type: 'dateTime',
					default: '',
					description: 'Events and offers:	local end date and time',
				},
				{
					displayName: 'Event Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Events only;	up to 58 characters',
				},
				{
					displayName: 'Offer Title',
					name: 'offerTitle',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Post Kind',
					name: 'gmbEventType',
					type: 'options',
					options: [
						{
							name: 'Update (Standard)',
							value: 'STANDARD',
						},
						{
							name: 'Event',
							value: 'EVENT',
						},
						{
							name: 'Offer',
							value: 'OFFER',
						},
						],
					default: 'STANDARD',
				},
				{
					displayName: 'Redeem Online URL',
					name: 'redeemOnlineUrl',
					type: 'string',
					default: '',
					description: 'Offers:	required',
				},
				{
					displayName: 'Start',
					name: 'startDate',
					type: 'dateTime',
					default: '',
					description: 'Events and offers:	local start date and time',
				},
				{
					displayName: 'Terms and Conditions URL',
					name: 'termsConditions',
					type: 'string',
					default: '',
					description: 'Offers:	required',
				},
			],
		},
		{
			displayName: 'TikTok',
			name: 'tiktok',
			values: [
				{
					displayName: 'Who Can View',
					name: 'privacyLevel',
					type: 'options',
					options: [
						{ name: 'Everyone', value: 'PUBLIC_TO_EVERYONE' },
						{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
						{ name: 'Only Me', value: 'SELF_ONLY' },
					],
					default: 'PUBLIC_TO_EVERYONE',
				},
				boolean('Allow Comments', 'enableComment', 'Whether viewers may comment'),
				boolean('Allow Duet', 'enableDuet', 'Whether viewers may make Duets with the video'),
				boolean('Allow Stitch', 'enableStitch', 'Whether viewers may Stitch the video'),
				boolean('Branded Content Disclosure', 'videoDisclosure', 'Whether the video promotes a brand (not with Only Me; needs one of the two below)'),
				boolean('Promotes Your Brand', 'promoteYourBrand', 'Whether the video promotes your own brand'),
				boolean('Promotes Another Brand', 'promoteOtherBrand', 'Whether the video promotes a third-party brand'),
			],
		},
		{
			displayName: 'Instagram',
			name: 'instagram',
			values: [
				{
					displayName: 'Format',
					name: 'type',
					type: 'options',
					options: POST_FORMAT_OPTIONS,
					default: 'post',
				},
				{
					displayName: 'Collaborators',
					name: 'collaborators',
					type: 'string',
					default: '',
					placeholder: 'e.g. bakery_partner, chef.anna',
					description: 'Up to 3 Instagram usernames (without @), comma-separated; posts and reels only',
				},
				boolean('Show Reel on Feed', 'showOnFeed', 'Whether the reel also appears on the profile grid'),
				boolean('Publish Story via Push Notification', 'publishViaPushNotification', 'Whether to send the story to the phone for manual posting'),
				{ displayName: 'Publisher Note', name: 'publisherNote', type: 'string', default: '', description: 'Guidance for manual story posting' },
			],
		},
		{
			displayName: 'Facebook',
			name: 'facebook',
			values: [
				{
					displayName: 'Format',
					name: 'type',
					type: 'options',
					options: POST_FORMAT_OPTIONS,
					default: 'post',
				},
				{
					displayName: 'Background Preset ID',
					name: 'textFormatPresetId',
					type: 'string',
					default: '',
					description: 'Coloured background for text-only posts (content up to 130 characters)',
				},
			],
		},
		{
			displayName: 'LinkedIn',
			name: 'linkedin',
			values: [
				boolean('Post Images as PDF', 'postAsPdf', 'Whether to publish the images as a PDF carousel'),
				{ displayName: 'PDF Title', name: 'pdfTitle', type: 'string', default: '', description: 'Up to 100 characters' },
				{ displayName: 'Poll Question', name: 'pollQuestion', type: 'string', default: '', description: 'Up to 140 characters; a poll post has no media' },
				{ displayName: 'Poll Options', name: 'pollOptions', type: 'string', default: '', description: '2 to 4 comma-separated answers, each up to 30 characters' },
				{
					displayName: 'Poll Duration',
					name: 'pollDuration',
					type: 'options',
					options: [
						{ name: '1 Day', value: 'ONE_DAY' },
						{ name: '3 Days', value: 'THREE_DAYS' },
						{ name: '1 Week', value: 'SEVEN_DAYS' },
						{ name: '2 Weeks', value: 'FOURTEEN_DAYS' },
					],
					default: 'THREE_DAYS',
				},
			],
		},
		{
			displayName: 'YouTube',
			name: 'youtube',
			values: [
				{
					displayName: 'Format',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Video', value: 'video' },
						{ name: 'Short', value: 'short' },
					],
					default: 'video',
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 100 characters' },
				{
					displayName: 'Privacy',
					name: 'privacyLevel',
					type: 'options',
					options: [
						{ name: 'Public', value: 'public' },
						{ name: 'Unlisted', value: 'unlisted' },
						{ name: 'Private', value: 'private' },
					],
					default: 'public',
				},
			],
		},
		{
			displayName: 'Pinterest',
			name: 'pinterest',
			values: [
				{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 100 characters' },
				{ displayName: 'Link', name: 'link', type: 'string', default: '', description: 'Where the pin leads; up to 2,048 characters' },
				{
					displayName: 'Board IDs',
					name: 'boards',
					type: 'string',
					default: '',
					description: 'Comma-separated board IDs to pin to, on every chosen Pinterest account (up to 25)',
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
		description: 'A comment posted right after the post (Facebook, Instagram, LinkedIn, YouTube)',
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
