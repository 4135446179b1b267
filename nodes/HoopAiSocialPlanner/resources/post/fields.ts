import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { namesInWords, POSTING_NETWORKS } from '../../networks';
import { MEDIA_TYPES } from '../../shared/media';

export { platformOptionsField } from './platformOptions';

/**
 * The editable fields of a post, shared by Create (top level and Additional Fields) and
 * Update (Update Fields). Names are the node's, not the API's: postInput.ts maps them. Each
 * network's own options are in networks/<network>.ts.
 *
 * Editor rules kept here (test/node/editor-layout.test.ts checks them):
 * - fields are listed by what a marketer needs most, not alphabetically; n8n's editor keeps the
 *   declared order in every "Add …" list;
 * - labels stay short (n8n cuts long labels in a narrow panel); detail goes in the description;
 * - an optional dropdown filled from the API allows any value (`allowArbitraryValues`): its empty
 *   value is not among the loaded options, and n8n would mark the field red as soon as it is added;
 * - a single group (fixedCollection) inside a collection starts with its group (`default:
 *   { group: {} }`), so adding it shows its fields at once instead of a second "Choose…" step.
 */

export const accountIdsField: INodeProperties = {
	displayName: 'Account Names or IDs',
	name: 'accountIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAccounts' },
	default: [],
	description:
		'The social accounts to post to (from an expression: names such as "Hoop Coffee (Facebook)" or IDs, as a list or comma-separated). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
	description: 'When to publish, in the timezone below. Required to schedule a post or submit it for review.',
};

/** The Timezone dropdown's first option: the timezone in the workflow's settings (value ''). */
export const WORKFLOW_TIMEZONE = {
	name: 'Workflow Timezone',
	value: '',
	description: 'The timezone in this workflow’s settings',
};

export const timezoneField: INodeProperties = {
	displayName: 'Timezone Name or ID',
	name: 'timezone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	// Any timezone name works, also one the list spells differently (e.g. Asia/Calcutta for
	// Asia/Kolkata) or one typed before the field was a dropdown: none of them is marked red.
	allowArbitraryValues: true,
	default: '',
	description:
		'The timezone of the Schedule Date (a date that names its own, e.g. 09:30+02:00, keeps it). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

// What the networks' modules say, in the fields' descriptions.
const [firstLimit, ...otherLimits] = POSTING_NETWORKS.flatMap(({ name, post }) =>
	post.maxCaption ? [{ name, limit: post.maxCaption.toLocaleString('en-US') }] : [],
);
/** "Pinterest allows 800 characters, YouTube 5,000." */
const captionLimits = firstLimit
	? `${[`${firstLimit.name} allows ${firstLimit.limit} characters`, ...otherLimits.map(({ name, limit }) => `${name} ${limit}`)].join(', ')}.`
	: '';
/** Which networks' posts need media, as the Media descriptions say it. */
export const MEDIA_NEEDED = `${namesInWords(POSTING_NETWORKS.filter((network) => network.post.needsMedia !== 'nothing'))} posts need at least one`;
const firstComment = POSTING_NETWORKS.filter((network) => network.post.firstComment);
const noFirstComment = POSTING_NETWORKS.filter((network) => !network.post.firstComment);

export const summaryField: INodeProperties = {
	displayName: 'Content',
	name: 'summary',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: `The text of the post. HoopAI custom values such as {{contact.name}} are allowed. ${captionLimits}`,
};

/** What a media type is called in the Type dropdown: the kind of file, not its MIME type. */
const MEDIA_TYPE_NAMES: Record<(typeof MEDIA_TYPES)[number], string> = {
	'image/jpeg': 'JPEG Image',
	'image/jpg': 'JPG Image',
	'image/png': 'PNG Image',
	'image/gif': 'GIF Image',
	'video/mp4': 'MP4 Video',
	'video/mov': 'MOV Video',
	'video/webm': 'WebM Video',
};

const MEDIA_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Detect', value: '', description: 'From the end of the URL (.jpg, .png, .mp4 …), or from a binary file’s own type' },
	...MEDIA_TYPES.map((type) => ({ name: MEDIA_TYPE_NAMES[type], value: type })).sort((a, b) => a.name.localeCompare(b.name)),
];

/** One media row's source: a public URL, or a binary field of the input item (uploaded first). */
export const MEDIA_SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'URL', value: 'url', description: 'A public link to the image or video' },
	{
		name: 'Binary File',
		value: 'binary',
		description: 'A file in a binary field of the input item: the node uploads it to the media library first',
	},
];

const forSource = (source: string) => ({ show: { source: [source] } });

const mediaUrlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/photo.jpg',
	description: 'Public link to the image or video',
};

const mediaTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: MEDIA_TYPE_OPTIONS,
	default: '',
	description: 'The kind of file: an image or a video, and its format',
};

// The rarer fields wait under Add Option.
const mediaOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Alt Text',
			name: 'altText',
			type: 'string',
			default: '',
			description: 'Describes the image for people who cannot see it (Instagram, Threads, Pinterest, Bluesky, LinkedIn)',
		},
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Thumbnail URL',
			name: 'thumbnail',
			type: 'string',
			default: '',
			description: 'For a video: its cover image (JPEG or PNG, up to 2 MB); the first video’s is used',
		},
	],
};

/**
 * Post Create and Update: Source chooses between URL and Input Binary Field, each shown alone
 * (n8n resolves a row's displayOptions against the row's own values). A binary file's type is its
 * own, so Type is shown for a URL only.
 */
const mediaRow: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: MEDIA_SOURCE_OPTIONS,
		default: 'url',
		description: 'Where the image or video comes from',
	},
	{ ...mediaUrlField, displayOptions: forSource('url') },
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: '',
		displayOptions: forSource('binary'),
		placeholder: 'e.g. data',
		description:
			'The input item’s binary field holding the image or video. The node uploads it to the HoopAI media library first (the same file once per run) and posts its link, with the type of the file.',
	},
	// n8n drops a value no field of its row shows: this one keeps Input Binary Field whatever the
	// Source, so a row saved before Source existed (a binary field, no URL) still uploads its file.
	{ displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'hidden', default: '' },
	{
		displayName:
			'This row also names an Input Binary Field (saved before Source existed, or left from Binary File): while the URL is empty, that file is uploaded. Give a URL, or set Source to Binary File.',
		name: 'binaryFieldNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: { source: ['url'], binaryPropertyName: [{ _cnd: { exists: true } }] },
			hide: { url: [{ _cnd: { exists: true } }] },
		},
	},
	{ ...mediaTypeField, displayOptions: forSource('url') },
	mediaOptionsField,
];

export const mediaField: INodeProperties = {
	displayName: 'Media',
	name: 'media',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Media',
	default: {},
	description: `Images or videos, each by public URL or from a binary field of the input item (Source). ${MEDIA_NEEDED}.`,
	options: [{ displayName: 'Media', name: 'items', values: mediaRow }],
};

/**
 * Media by public URL only, without Source (Queue Item: a queue stores links, and publishes the
 * item again and again, so its files belong in the media library first).
 */
export const urlMediaField: INodeProperties = {
	...mediaField,
	options: [{ displayName: 'Media', name: 'items', values: [mediaUrlField, mediaTypeField, mediaOptionsField] }],
};

const firstCommentField: INodeProperties = {
	displayName: 'First Comment',
	name: 'followUpComment',
	type: 'string',
	default: '',
	description: `A comment posted right after the post is published. ${namesInWords(firstComment)} only: a post that also goes to another network (${noFirstComment
		.map((network) => network.name)
		.join(', ')}) stops with an error before it is sent, so post to those accounts separately.`,
};

const linkPreviewField: INodeProperties = {
	displayName: 'Link Preview',
	name: 'linkPreview',
	type: 'fixedCollection',
	default: { preview: {} },
	description: 'The card shown for a link in the post',
	options: [
		{
			displayName: 'Link Preview',
			name: 'preview',
			values: [
				{ displayName: 'Link', name: 'metaLink', type: 'string', default: '', description: 'The page the preview opens' },
				{ displayName: 'Title', name: 'ogTitle', type: 'string', default: '' },
				{ displayName: 'Description', name: 'ogDescription', type: 'string', default: '' },
				{ displayName: 'Image URL', name: 'metaImage', type: 'string', default: '' },
			],
		},
	],
};

const categoryField: INodeProperties = {
	displayName: 'Category Name or ID',
	name: 'categoryId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCategories' },
	allowArbitraryValues: true,
	default: '',
	description:
		'Category that groups the post. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const tagsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tags',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description:
		'Social Planner tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const reviewField: INodeProperties = {
	displayName: 'Review',
	name: 'approval',
	type: 'fixedCollection',
	default: { details: {} },
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
					allowArbitraryValues: true,
					default: '',
					description:
						'The user who approves the post. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{ displayName: 'Note to Approver', name: 'requesterNote', type: 'string', default: '' },
			],
		},
	],
};

const watermarkField: INodeProperties = {
	displayName: 'Watermark Images',
	name: 'applyWatermark',
	type: 'boolean',
	default: false,
	description: 'Whether to apply the location’s watermark to the images (not videos)',
};

const userField: INodeProperties = {
	displayName: 'User Name or ID',
	name: 'userId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	allowArbitraryValues: true,
	default: '',
	description:
		'The HoopAI user who creates the post; empty: the credential’s Default User ID (an agency install without one: a user of the sub-account, its admin unless it lists the connecting user). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const extraJsonField: INodeProperties = {
	displayName: 'Extra Fields',
	name: 'jsonBody',
	type: 'json',
	default: '{}',
	description:
		'Other post settings HoopAI accepts that the fields above do not offer, as a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}. They are sent as written and win over the fields above.',
};

/** Fields every post may carry that Create shows under Additional Fields, most needed first. */
export const extraPostFields: INodeProperties[] = [
	firstCommentField,
	linkPreviewField,
	categoryField,
	tagsField,
	reviewField,
	watermarkField,
	userField,
	extraJsonField,
];
