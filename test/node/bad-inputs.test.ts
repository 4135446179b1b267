import { afterAll, expect, it } from '@jest/globals';
import { NodeOperationError, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { Poller, runNode } from '../harness/n8n';
import { loadPackage } from '../harness/package-classes';
import { isLabelPath, labelTree } from '../helpers/node-labels';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials, type Simulator } from '../helpers/simulator';

/**
 * Bad input, as a wrong expression or a typo gives it, for every operation of the action node and
 * for the trigger. Each one must:
 * 1. fail with a NodeOperationError (not an API error, not a crash),
 * 2. name the field by its label in the editor and say what is allowed or what to do in the message
 *    itself (n8n gives an AI agent only the message; the description may add detail),
 * 3. send no request for the item: only the account list, where the operation needs the
 *    accounts' networks to check the post, and then the row says so (`readsAccounts`).
 *
 * Routed operations check their input in preSend hooks. n8n-core's RoutingNode (2.41) turns an
 * error thrown there into a NodeApiError without HTTP code ("none") that keeps its message and
 * description; with Continue On Fail it passes the node's own error on in the error item, so the
 * error a routed operation threw is read from a second run with Continue On Fail.
 */

/** What a row needs from the simulator's sample location. */
interface Sample {
	account: (platform: string) => string;
	postId: string;
	commentId: string;
}

interface BadInput {
	/** "Resource → Operation" as the editor names them. */
	operation: string;
	/** What is wrong with the input. */
	input: string;
	parameters: (sample: Sample) => INodeParameters;
	/** The JSON of the input item, when the bad value comes from an expression (`={{ $json.value }}`). */
	items?: IDataObject[];
	/** The message; a pattern where it holds the time of the run. */
	message: string | RegExp;
	/** What is allowed or what to do, as the message itself says it. */
	allowed: RegExp;
	/** The operation reads the account list first (the networks decide some rules): that request only. */
	readsAccounts?: true;
}

const OPERATIONS: Record<string, [string, string]> = {
	'Post → Create': ['post', 'create'],
	'Post → Delete': ['post', 'delete'],
	'Post → Delete Many': ['post', 'bulkDelete'],
	'Post → Get': ['post', 'get'],
	'Post → Get Many': ['post', 'getAll'],
	'Post → Update': ['post', 'update'],
	'Account → Delete': ['account', 'delete'],
	'Account → Get Many': ['account', 'getAll'],
	'Category → Get': ['category', 'get'],
	'Category → Get Many': ['category', 'getAll'],
	'Comment → Create': ['comment', 'create'],
	'Comment → Get Many': ['comment', 'getAll'],
	'Comment → Like': ['comment', 'like'],
	'Comment → Unlike': ['comment', 'unlike'],
	'Statistic → Get': ['statistics', 'get'],
	'Tag → Get Many': ['tag', 'getAll'],
	'CSV Import → Build CSV From Items': ['csvImport', 'buildCsv'],
	'CSV Import → Delete': ['csvImport', 'delete'],
	'CSV Import → Delete Row': ['csvImport', 'deleteRow'],
	'CSV Import → Finalize': ['csvImport', 'finalize'],
	'CSV Import → Get': ['csvImport', 'get'],
	'CSV Import → Get Many': ['csvImport', 'getAll'],
	'CSV Import → Import Posts': ['csvImport', 'importPosts'],
	'CSV Import → Set Accounts': ['csvImport', 'setAccounts'],
	'CSV Import → Upload': ['csvImport', 'upload'],
	'Account Connection → Build Connect Page': ['accountConnection', 'buildConnectPage'],
};

/** The value of a field given by an expression reading the input item. */
const FROM_ITEM = '={{ $json.value }}';
const fromItem = (value: unknown): Pick<BadInput, 'items'> => ({ items: [{ value } as IDataObject] });
const byId = (value: string) => ({ __rl: true as const, mode: 'id', value });
const accounts: Pick<BadInput, 'readsAccounts'> = { readsAccounts: true };

function bad(
	operation: string,
	input: string,
	parameters: BadInput['parameters'],
	message: string | RegExp,
	allowed: RegExp,
	more: Partial<BadInput> = {},
): BadInput {
	return { operation, input, parameters, message, allowed, ...more };
}

const IN_A_YEAR = '2030-06-01T09:30:00';
const NOT_AN_ID = /\(with no "\/", "\\", "%", "\.\." or spaces\)/;
const ID_IS_TEXT = /is not an ID; (choose it from the list, or give its ID|give )/;
const LIST_OF_IDS = /give an array of IDs, or the IDs as comma-separated text/;
/** A Schedule Date of 2020-01-01 10:00 UTC: the message says the time now, and what to do. */
const PAST_2020 =
	/^Schedule Date: 2020-01-01 10:00 UTC is in the past \(now: \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC\)\. Choose a future date and time, or use Status "Publish Now"\.$/;
const ACCOUNT_LIST = /Give account names or IDs as a list, or as text separated by commas/;
/** An accounts field given an object: names or IDs are asked for. */
const objectForAccounts = (label: string, got: string) =>
	`${label}: an object is not an account. Give account names or IDs as a list, or as text separated by commas (got ${got}).`;
/** The sample location's accounts (test/simulator/seed.js) as a message about an unknown account lists them, by name. */
const SAMPLE_ACCOUNTS =
	'Hoop Coffee - Main Street (Google Business Profile), Hoop Coffee Company (LinkedIn), Hoop Coffee Pins (Pinterest), Hoop Coffee Roasters (Facebook), Hoop Coffee TV (YouTube), hoopcoffee (Instagram), hoopcoffee.tt (TikTok)';
const notAnAccount = (reference: string) =>
	`Account Names or IDs: "${reference}" is not a social account of this location. Give an account's name or its ID (Account → Get Many lists both): ${SAMPLE_ACCOUNTS}.`;
const DATE_FORMAT = /write it like 2026-12-01/;
const WHOLE_NUMBER = /use a whole number of 1 or more/;
const HOOPAI_ID = /give the _id of a post \(Post → Get Many\) or of a comment/;
const MEDIA_TYPES = 'image/jpeg, image/jpg, image/png, image/gif, video/mp4, video/mov, video/webm';
const PLATFORMS = 'bluesky, facebook, google, instagram, linkedin, pinterest, threads, tiktok, tiktok-business, twitter or youtube';
const COMMENT_PLATFORMS = 'bluesky, community, facebook, instagram, linkedin, threads, tiktok or youtube';

/** A post to Facebook that is fine but for what the row changes. */
const facebookPost = (sample: Sample, changes: INodeParameters = {}): INodeParameters => ({
	accountIds: [sample.account('facebook')],
	scheduleDate: IN_A_YEAR,
	timezone: 'UTC',
	summary: 'Fresh roast on Monday',
	...changes,
});
const media = (...urls: string[]) => ({ items: urls.map((url) => ({ url })) });
/** A connect page that is fine but for what the row changes. */
const connectPage = { callbackUrl: 'https://n8n.example.com/webhook/hoopai-connect-callback' };
const images = (count: number) => Array.from({ length: count }, (_value, index) => `https://cdn.example.com/${index}.jpg`);

const ACTION_ROWS: BadInput[] = [
	// Post → Get, Delete: the Post ID goes into the URL path.
	bad(
		'Post → Get',
		'an encoded slash %2F',
		() => ({ postId: byId('%2F') }),
		'Post: "%2F" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Get',
		'encoded dots %2e%2e',
		() => ({ postId: byId('%2e%2e') }),
		'Post: "%2e%2e" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Get',
		'only whitespace',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: no ID given; choose it from the list, or give its ID',
		/no ID given; choose it from the list, or give its ID$/,
		fromItem(' \t\n '),
	),
	bad(
		'Post → Get',
		'a space inside',
		() => ({ postId: byId('65f1c7e2 a4b5c6d7') }),
		'Post: "65f1c7e2 a4b5c6d7" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Get',
		'null from an expression',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: no ID given; choose it from the list, or give its ID',
		/no ID given; choose it from the list, or give its ID$/,
		fromItem(null),
	),
	bad(
		'Post → Get',
		'an object from an expression',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: an object is not an ID; choose it from the list, or give its ID',
		ID_IS_TEXT,
		fromItem({ _id: '65f1c7e2a4b5c6d7e8f90123' }),
	),
	bad(
		'Post → Get',
		'a number with decimals',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: the number 1.5 is not an ID; give the ID as text',
		/give the ID as text/,
		fromItem(1.5),
	),
	bad(
		'Post → Delete',
		'a list from an expression',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: a list is not an ID; choose it from the list, or give its ID',
		ID_IS_TEXT,
		fromItem(['65f1c7e2a4b5c6d7e8f90123']),
	),
	bad(
		'Post → Delete',
		'a boolean from an expression',
		() => ({ postId: byId(FROM_ITEM) }),
		'Post: true is not an ID; choose it from the list, or give its ID',
		ID_IS_TEXT,
		fromItem(true),
	),
	bad(
		'Post → Delete',
		'a number too large to be exact',
		() => ({ postId: byId(FROM_ITEM) }),
		`Post: the number ${2 ** 60} is not an ID; give the ID as text`,
		/give the ID as text/,
		fromItem(2 ** 60),
	),

	// Post → Create
	bad(
		'Post → Create',
		'accounts as an object',
		(s) => facebookPost(s, { accountIds: FROM_ITEM }),
		objectForAccounts('Account Names or IDs', '{"id":"x"}'),
		ACCOUNT_LIST,
		fromItem({ id: 'x' }),
	),
	bad(
		'Post → Create',
		'accounts as a list of objects',
		(s) => facebookPost(s, { accountIds: FROM_ITEM }),
		objectForAccounts('Account Names or IDs', '[{"id":"x"}]'),
		ACCOUNT_LIST,
		fromItem([{ id: 'x' }]),
	),
	bad(
		'Post → Create',
		'an account "../x"',
		(s) => facebookPost(s, { accountIds: [s.account('facebook'), '../x'] }),
		notAnAccount('../x'),
		/Account → Get Many lists both/,
		accounts,
	),
	bad(
		'Post → Create',
		'an account of no network of the location',
		(s) => facebookPost(s, { accountIds: FROM_ITEM }),
		notAnAccount('acc-not-here'),
		/Give an account's name or its ID/,
		{ ...accounts, ...fromItem('acc-not-here, acc-other') },
	),
	bad(
		'Post → Create',
		'content as an object',
		(s) => facebookPost(s, { summary: FROM_ITEM }),
		'Content: an object is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem({ text: 'hi' }),
	),
	bad(
		'Post → Create',
		'content as a boolean',
		(s) => facebookPost(s, { summary: FROM_ITEM }),
		'Content: false is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem(false),
	),
	bad(
		'Post → Create',
		'an unknown status',
		(s) => facebookPost(s, { status: FROM_ITEM }),
		'Status: "live" is not allowed; use draft, published, scheduled or in_review',
		/use draft, published, scheduled or in_review/,
		fromItem('live'),
	),
	bad(
		'Post → Create',
		'an unknown post type',
		(s) => facebookPost(s, { postType: FROM_ITEM }),
		'Post Type: "tweet" is not allowed; use post, reel or story',
		/use post, reel or story/,
		fromItem('tweet'),
	),
	bad(
		'Post → Create',
		'an invalid ISO date',
		(s) => facebookPost(s, { scheduleDate: '2030-13-45T10:00' }),
		'Schedule Date: "2030-13-45T10:00" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		DATE_FORMAT,
	),
	bad(
		'Post → Create',
		'February 30th (with Z)',
		(s) => facebookPost(s, { scheduleDate: '2030-02-30T10:00:00Z' }),
		'Schedule Date: "2030-02-30T10:00:00Z" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		DATE_FORMAT,
	),
	bad(
		'Post → Create',
		'the hour 24',
		(s) => facebookPost(s, { scheduleDate: '2030-02-10T24:00:00' }),
		'Schedule Date: "2030-02-10T24:00:00" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		DATE_FORMAT,
	),
	bad(
		'Post → Create',
		'a date as an object',
		(s) => facebookPost(s, { scheduleDate: FROM_ITEM }),
		'Schedule Date: an object is not a date; give a date and time as text like 2026-12-01T09:30:00, or from an expression such as {{ $now.plus({ days: 1 }) }}',
		/give a date and time as text like 2026-12-01T09:30:00, or from an expression/,
		fromItem({ date: IN_A_YEAR }),
	),
	bad(
		'Post → Create',
		'a date as a number',
		(s) => facebookPost(s, { scheduleDate: FROM_ITEM }),
		'Schedule Date: 1900000000000 is not a date; give a date and time as text like 2026-12-01T09:30:00, or from an expression such as {{ $now.plus({ days: 1 }) }}',
		/give a date and time as text like 2026-12-01T09:30:00, or from an expression/,
		fromItem(1900000000000),
	),
	bad(
		'Post → Create',
		'a date in the past',
		(s) => facebookPost(s, { scheduleDate: '2020-01-01T10:00:00Z' }),
		PAST_2020,
		/Choose a future date and time/,
	),
	bad(
		'Post → Create',
		'an unknown timezone',
		(s) => facebookPost(s, { timezone: 'Mars/Base' }),
		'Timezone Name or ID: "Mars/Base" is not a timezone; choose one from the list, or give its name, e.g. Europe/Berlin',
		/choose one from the list, or give its name/,
	),
	bad(
		'Post → Create',
		'a timezone as an object',
		(s) => facebookPost(s, { timezone: FROM_ITEM }),
		'Timezone Name or ID: an object is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem({ zone: 'UTC' }),
	),
	bad(
		'Post → Create',
		'a media URL that is no link',
		(s) => facebookPost(s, { media: media('photo.jpg') }),
		'Media → URL: "photo.jpg" in the media item is not a link; give its public link, e.g. https://cdn.example.com/photo.jpg',
		/e\.g\. https:\/\/cdn\.example\.com\/photo\.jpg/,
	),
	bad(
		'Post → Create',
		'a media URL of blanks',
		(s) => facebookPost(s, { media: { items: [{ url: FROM_ITEM }] } }),
		'Media → URL: required, missing in the media item; give the public link of its image or video',
		/give the public link of its image or video/,
		fromItem('   '),
	),
	bad(
		'Post → Create',
		'a media type HoopAI does not take',
		(s) => facebookPost(s, { media: { items: [{ url: 'https://cdn.example.com/a.jpg', type: FROM_ITEM }] } }),
		`Media → Type: "image/bmp" of the media item is not allowed; use ${MEDIA_TYPES}`,
		/use image\/jpeg/,
		fromItem('image/bmp'),
	),
	bad(
		'Post → Create',
		'a media URL of an unsupported file',
		(s) => facebookPost(s, { media: media('https://cdn.example.com/a.jpg', 'https://cdn.example.com/menu.pdf') }),
		'Media → Type: cannot tell the kind of file of media item 2 (https://cdn.example.com/menu.pdf); choose its Type, or use a URL ending in .jpg, .jpeg, .png, .gif, .mp4, .mov or .webm',
		/a URL ending in \.jpg, \.jpeg, \.png/,
	),
	bad(
		'Post → Create',
		'two media for a Pinterest pin',
		(s) => ({ ...facebookPost(s), accountIds: [s.account('pinterest')], media: media(...images(2)) }),
		'Media: 2 items, Pinterest posts take at most 1; post to the Pinterest accounts separately, with fewer images or videos',
		/fewer images or videos/,
		accounts,
	),
	bad(
		'Post → Create',
		'ten media for LinkedIn',
		(s) => ({ ...facebookPost(s), accountIds: [s.account('linkedin')], media: media(...images(10)) }),
		'Media: 10 items, LinkedIn posts take at most 9; post to the LinkedIn accounts separately, with fewer images or videos',
		/fewer images or videos/,
		accounts,
	),
	bad(
		'Post → Create',
		'26 Pinterest boards',
		(s) => ({
			...facebookPost(s),
			accountIds: [s.account('pinterest')],
			media: media(...images(1)),
			platformOptions: { pinterest: { boards: Array.from({ length: 26 }, (_v, i) => `10000${i}`).join(',') } },
		}),
		'Pinterest → Board IDs: 26 boards, at most 25 are allowed; remove some',
		/at most 25/,
	),
	bad(
		'Post → Create',
		'a poll question of 141 characters',
		(s) => ({
			...facebookPost(s),
			accountIds: [s.account('linkedin')],
			platformOptions: { linkedin: { pollQuestion: 'q'.repeat(141), pollOptions: 'Yes, No' } },
		}),
		'LinkedIn → Poll Question: 141 characters, at most 140 are allowed; shorten it',
		/at most 140/,
	),
	bad(
		'Post → Create',
		'a poll answer of 31 characters',
		(s) => ({
			...facebookPost(s),
			accountIds: [s.account('linkedin')],
			platformOptions: { linkedin: { pollQuestion: 'Latte or flat white?', pollOptions: `Latte, ${'f'.repeat(31)}` } },
		}),
		`LinkedIn → Poll Options: "${'f'.repeat(31)}" has 31 characters, at most 30 are allowed; shorten it`,
		/at most 30/,
	),
	bad(
		'Post → Create',
		'February 30th as a Google event start',
		(s) => ({
			...facebookPost(s),
			accountIds: [s.account('google')],
			platformOptions: {
				google: { gmbEventType: 'EVENT', title: 'Tasting', startDate: '2030-02-30T10:00:00', endDate: '2030-03-05T10:00:00' },
			},
		}),
		'Google Business Profile → Start: "2030-02-30T10:00:00" is not a date; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		DATE_FORMAT,
	),
	bad(
		'Post → Create',
		'broken JSON in Extra Fields',
		(s) => facebookPost(s, { additionalFields: { jsonBody: '{"selectedBestTime": ' } }),
		'Extra Fields: not a JSON object; write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}',
		/write a JSON object/,
	),
	bad(
		'Post → Create',
		'a JSON list in Extra Fields',
		(s) => facebookPost(s, { additionalFields: { jsonBody: '[{"selectedBestTime": "2030-06-01T09:00:00Z"}]' } }),
		'Extra Fields: not a JSON object; write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}',
		/write a JSON object/,
	),
	bad(
		'Post → Create',
		'a category ID "a/b"',
		(s) => facebookPost(s, { additionalFields: { categoryId: 'a/b' } }),
		'Category Name or ID: "a/b" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Create',
		'tags as an object',
		(s) => facebookPost(s, { additionalFields: { tags: FROM_ITEM } }),
		'Tag Names or IDs: an object is not a list of IDs; give an array of IDs, or the IDs as comma-separated text',
		LIST_OF_IDS,
		fromItem({ tag: 'coffee' }),
	),
	bad(
		'Post → Create',
		'a first comment as a list',
		(s) => facebookPost(s, { additionalFields: { followUpComment: FROM_ITEM } }),
		'First Comment: a list is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem(['#coffee']),
	),

	// Post → Update: checked before the post is read.
	bad(
		'Post → Update',
		'a Post ID "a/b"',
		() => ({ postId: byId('a/b'), updateFields: { summary: 'x' } }),
		'Post: "a/b" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Update',
		'February 30th',
		(s) => ({ postId: byId(s.postId), updateFields: { scheduleDate: '2030-02-30T10:00:00' } }),
		'Schedule Date: "2030-02-30T10:00:00" is not a date and time; pick it in the date picker, or write it like 2026-12-01T09:30:00',
		DATE_FORMAT,
	),
	bad(
		'Post → Update',
		'a past date to schedule',
		(s) => ({ postId: byId(s.postId), updateFields: { status: 'scheduled', scheduleDate: '2020-01-01T10:00:00Z' } }),
		PAST_2020,
		/Choose a future date and time/,
	),
	bad(
		'Post → Update',
		'an unknown timezone',
		(s) => ({ postId: byId(s.postId), updateFields: { scheduleDate: IN_A_YEAR, timezone: 'Mars/Base' } }),
		'Timezone Name or ID: "Mars/Base" is not a timezone; choose one from the list, or give its name, e.g. Europe/Berlin',
		/choose one from the list, or give its name/,
	),
	bad(
		'Post → Update',
		'broken JSON in Extra Fields',
		(s) => ({ postId: byId(s.postId), updateFields: { jsonBody: '{"a":' } }),
		'Extra Fields: not a JSON object; write a JSON object, e.g. {"selectedBestTime": "2026-12-01T09:00:00Z"}',
		/write a JSON object/,
	),
	bad(
		'Post → Update',
		'a media type HoopAI does not take',
		(s) => ({ postId: byId(s.postId), updateFields: { media: { items: [{ url: 'https://cdn.example.com/a.webp', type: FROM_ITEM }] } } }),
		`Media → Type: "image/webp" of the media item is not allowed; use ${MEDIA_TYPES}`,
		/use image\/jpeg/,
		fromItem('image/webp'),
	),
	bad(
		'Post → Update',
		'an account of no network of the location',
		(s) => ({ postId: byId(s.postId), updateFields: { accountIds: ['acc-not-here'] } }),
		notAnAccount('acc-not-here'),
		/Give an account's name or its ID/,
		accounts,
	),

	// Post → Get Many
	bad('Post → Get Many', 'a Limit of 0', () => ({ limit: 0 }), 'Limit: 0 is not allowed; use a whole number of 1 or more', WHOLE_NUMBER),
	bad(
		'Post → Get Many',
		'February 30th as From Date',
		() => ({ filters: { fromDate: '2026-02-30' } }),
		'Filters → From Date: "2026-02-30" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z',
		DATE_FORMAT,
	),
	bad(
		'Post → Get Many',
		'a To Date that is no date',
		() => ({ filters: { toDate: 'yesterday' } }),
		'Filters → To Date: "yesterday" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z',
		DATE_FORMAT,
	),
	bad(
		'Post → Get Many',
		'an unknown status',
		() => ({ filters: { status: FROM_ITEM } }),
		'Filters → Status: "live" is not allowed; use all, deleted, draft, failed, in_progress, in_review, pending, published, recent or scheduled',
		/use all, deleted/,
		fromItem('live'),
	),
	bad(
		'Post → Get Many',
		'an unknown post type',
		() => ({ filters: { postType: FROM_ITEM } }),
		'Filters → Post Type: "tweet" is not allowed; use post, reel or story',
		/use post, reel or story/,
		fromItem('tweet'),
	),
	bad(
		'Post → Get Many',
		'accounts as an object',
		() => ({ filters: { accounts: FROM_ITEM } }),
		objectForAccounts('Filters → Account Names or IDs', '{"id":"x"}'),
		ACCOUNT_LIST,
		fromItem({ id: 'x' }),
	),
	bad(
		'Post → Get Many',
		'an unknown order',
		() => ({ postOrder: FROM_ITEM }),
		'Order: "oldest" is not allowed; use latestFirst or soonestFirst',
		/use latestFirst or soonestFirst/,
		fromItem('oldest'),
	),
	bad(
		'Post → Get Many',
		'Upcoming Only as text',
		() => ({ upcomingOnly: FROM_ITEM }),
		'Upcoming Only: "yes" is not true or false. Give true for posts dated from now on, false for all.',
		/Give true for posts dated from now on/,
		fromItem('yes'),
	),
	bad(
		'Post → Get Many',
		'Upcoming Only with a To Date in the past',
		() => ({ upcomingOnly: true, filters: { toDate: '2024-01-01' } }),
		'Filters → To Date: "2024-01-01" is in the past, so no post is upcoming. Clear To Date or give a later one, or turn Upcoming Only off.',
		/turn Upcoming Only off/,
	),

	// Post → Delete Many: 50 IDs per request is no limit for the user (the node batches them).
	bad(
		'Post → Delete Many',
		'IDs as an object',
		() => ({ postIds: FROM_ITEM }),
		'Post IDs: an object is not a list of IDs; give an array of IDs, or the IDs as comma-separated text',
		LIST_OF_IDS,
		fromItem({ _id: '65f1c7e2a4b5c6d7e8f90123' }),
	),
	bad(
		'Post → Delete Many',
		'an ID "a/b"',
		() => ({ postIds: '65f1c7e2a4b5c6d7e8f90123, a/b' }),
		'Post IDs: "a/b" is not an ID; give the _id of each post, from Post → Get Many (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Post → Delete Many',
		'blanks and commas only',
		() => ({ postIds: FROM_ITEM }),
		'Post IDs: no post ID given; map the IDs of the posts to delete, e.g. {{ $json._id }}',
		/map the IDs of the posts to delete/,
		fromItem(' , ,\t'),
	),
	bad(
		'Post → Delete Many',
		'a list of lists',
		() => ({ postIds: FROM_ITEM }),
		'Post IDs: a list is not an ID; give the _id of each post, from Post → Get Many',
		ID_IS_TEXT,
		fromItem([['65f1c7e2a4b5c6d7e8f90123']]),
	),

	// Account
	bad(
		'Account → Get Many',
		'an unknown platform',
		() => ({ accountFilters: { platforms: ['myspace'] } }),
		`Filters → Platforms: "myspace" is not allowed; use ${PLATFORMS}`,
		/use bluesky, facebook/,
	),
	bad(
		'Account → Get Many',
		'an unknown Return',
		() => ({ output: FROM_ITEM }),
		'Return: "everything" is not allowed; use accounts or groups',
		/use accounts or groups/,
		fromItem('everything'),
	),
	bad(
		'Account → Get Many',
		'a Limit of -1',
		() => ({ limit: -1 }),
		'Limit: -1 is not allowed; use a whole number of 1 or more',
		WHOLE_NUMBER,
	),
	bad(
		'Account → Delete',
		'an encoded path "%2F..%2F"',
		() => ({ accountId: byId('%2F..%2F') }),
		'Account: "%2F..%2F" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Account → Delete',
		'a User ID "a/b"',
		(s) => ({ accountId: byId(s.account('facebook')), options: { userId: 'a/b' } }),
		'Options → User ID: "a/b" is not an ID; give the ID of a HoopAI user of the location (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),

	// Category
	bad(
		'Category → Get',
		'blanks from an expression',
		() => ({ categoryId: byId(FROM_ITEM) }),
		'Category: no ID given; choose it from the list, or give its ID',
		/no ID given; choose it from the list, or give its ID$/,
		fromItem('  \t'),
	),
	bad(
		'Category → Get',
		'an object from an expression',
		() => ({ categoryId: byId(FROM_ITEM) }),
		'Category: an object is not an ID; choose it from the list, or give its ID',
		ID_IS_TEXT,
		fromItem({ _id: 'x' }),
	),
	bad(
		'Category → Get Many',
		'a Limit of 1.5',
		() => ({ limit: 1.5 }),
		'Limit: 1.5 is not allowed; use a whole number of 1 or more',
		WHOLE_NUMBER,
	),
	bad(
		'Category → Get Many',
		'a Search of an object',
		() => ({ searchText: FROM_ITEM }),
		'Search: an object is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem({ q: 'promo' }),
	),

	// Tag → Get Many, with the Tag IDs filter (POST …/tags/details)
	bad(
		'Tag → Get Many',
		'Tag IDs as an object',
		() => ({ tagFilters: { tagIds: FROM_ITEM } }),
		'Filters → Tag Names or IDs: an object is not a list of IDs; give an array of IDs, or the IDs as comma-separated text',
		LIST_OF_IDS,
		fromItem({ id: 'x' }),
	),
	bad(
		'Tag → Get Many',
		'a Tag ID "%2e%2e"',
		() => ({ tagFilters: { tagIds: ['%2e%2e'] } }),
		'Filters → Tag Names or IDs: "%2e%2e" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Tag → Get Many',
		'a Limit of "abc"',
		() => ({ limit: FROM_ITEM, tagFilters: { tagIds: ['65f1c7e2a4b5c6d7e8f90123'] } }),
		'Limit: "abc" is not allowed; use a whole number of 1 or more',
		WHOLE_NUMBER,
		fromItem('abc'),
	),

	// Statistic → Get
	bad(
		'Statistic → Get',
		'a Start Date that is no date',
		() => ({ range: 'custom', startDate: 'soon', endDate: '2026-03-01' }),
		'Start Date: "soon" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z',
		DATE_FORMAT,
	),
	bad(
		'Statistic → Get',
		'February 30th as End Date',
		() => ({ range: 'custom', startDate: '2026-02-01', endDate: '2026-02-30' }),
		'End Date: "2026-02-30" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z',
		DATE_FORMAT,
	),
	bad(
		'Statistic → Get',
		'a Start Date after the End Date',
		() => ({ range: 'custom', startDate: '2026-03-01', endDate: '2026-02-01' }),
		'Start Date: not before End Date; choose a Start Date before the End Date',
		/choose a Start Date before the End Date/,
	),
	bad(
		'Statistic → Get',
		'a network it does not report on',
		() => ({ platforms: ['twitter'] }),
		'Platforms: "twitter" is not allowed; use facebook, google, instagram, linkedin, pinterest, tiktok or youtube',
		/use facebook, google/,
	),
	bad(
		'Statistic → Get',
		'an unknown Period',
		() => ({ range: FROM_ITEM, startDate: '2026-02-01', endDate: '2026-03-01' }),
		'Period: "yesterday" is not allowed; use last7 or custom',
		/use last7 or custom/,
		fromItem('yesterday'),
	),
	bad(
		'Statistic → Get',
		'101 accounts',
		() => ({ profileIds: Array.from({ length: 101 }, (_v, i) => `profile${i}`) }),
		'Account Names or IDs: 101 accounts, HoopAI reports on at most 100; choose fewer, or report on them in several runs',
		/at most 100/,
	),
	bad(
		'Statistic → Get',
		'accounts as an object',
		() => ({ profileIds: FROM_ITEM }),
		objectForAccounts('Account Names or IDs', '{"id":"x"}'),
		ACCOUNT_LIST,
		fromItem({ id: 'x' }),
	),

	// Comment → Get Many
	bad(
		'Comment → Get Many',
		'an unknown platform',
		() => ({ platform: FROM_ITEM, originIds: ['956033194258752'] }),
		`Platform: "myspace" is not allowed; use ${COMMENT_PLATFORMS}`,
		/use bluesky, community/,
		fromItem('myspace'),
	),
	bad(
		'Comment → Get Many',
		'a From Date that is no date',
		() => ({ platform: 'facebook', originIds: ['956033194258752'], commentFilters: { fromDate: 'soon', toDate: '2026-03-01' } }),
		'Filters → From Date: "soon" is not a date; pick it in the date picker, or write it like 2026-12-01 or 2026-12-01T09:30:00Z',
		DATE_FORMAT,
	),
	bad(
		'Comment → Get Many',
		'a From Date after the To Date',
		() => ({ platform: 'facebook', originIds: ['956033194258752'], commentFilters: { fromDate: '2026-03-01', toDate: '2026-01-01' } }),
		'Filters → From Date: "2026-03-01" is after To Date "2026-01-01"; choose a From Date before the To Date',
		/is after To Date/,
	),
	bad(
		'Comment → Get Many',
		'an unknown sort',
		() => ({ platform: 'facebook', originIds: ['956033194258752'], commentFilters: { sortBy: FROM_ITEM } }),
		'Filters → Sort By: "oldest" is not allowed; use latest or top',
		/use latest or top/,
		fromItem('oldest'),
	),
	bad(
		'Comment → Get Many',
		'accounts as an object',
		() => ({ platform: 'facebook', originIds: FROM_ITEM }),
		objectForAccounts('Account Names or IDs', '{"id":"956033194258752"}'),
		ACCOUNT_LIST,
		fromItem({ id: '956033194258752' }),
	),
	bad(
		'Comment → Get Many',
		'Replies To that is no HoopAI ID',
		() => ({ platform: 'facebook', originIds: ['956033194258752'], commentFilters: { parentId: '122129390871181019' } }),
		'Filters → Replies To: "122129390871181019" is not a HoopAI post or comment ID; give the _id of a post (Post → Get Many) or of a comment (Comment → Get Many)',
		HOOPAI_ID,
	),
	// The Limit is checked by its own hook, after the operation's, which reads the accounts (here by name).
	bad(
		'Comment → Get Many',
		'a Limit of 0',
		() => ({ platform: 'facebook', originIds: ['Hoop Coffee Roasters'], limit: 0 }),
		'Limit: 0 is not allowed; use a whole number of 1 or more',
		WHOLE_NUMBER,
		accounts,
	),

	// Comment → Create
	bad(
		'Comment → Create',
		'Reply To "a/b"',
		() => ({ platform: 'facebook', parentId: 'a/b', content: 'Thanks!' }),
		'Reply To: "a/b" is not an ID; give the _id of a post (Post → Get Many) or of a comment (Comment → Get Many) (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Comment → Create',
		'Reply To the network’s own ID',
		() => ({ platform: 'facebook', parentId: '122129390871181019', content: 'Thanks!' }),
		'Reply To: "122129390871181019" is not a HoopAI post or comment ID; give the _id of a post (Post → Get Many) or of a comment (Comment → Get Many)',
		HOOPAI_ID,
	),
	bad(
		'Comment → Create',
		'Reply To as an object',
		() => ({ platform: 'facebook', parentId: FROM_ITEM, content: 'Thanks!' }),
		'Reply To: an object is not an ID; give the _id of a post (Post → Get Many) or of a comment (Comment → Get Many)',
		ID_IS_TEXT,
		fromItem({ _id: 'x' }),
	),
	bad(
		'Comment → Create',
		'Reply To of blanks',
		() => ({ platform: 'facebook', parentId: FROM_ITEM, content: 'Thanks!' }),
		'Reply To: no ID given; give the _id of the post or comment to answer',
		/give the _id of the post or comment to answer/,
		fromItem('  '),
	),
	bad(
		'Comment → Create',
		'a Text of blanks',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: FROM_ITEM }),
		'Text: no text given; write the reply',
		/write the reply/,
		fromItem(' \n '),
	),
	bad(
		'Comment → Create',
		'a Text as an object',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: FROM_ITEM }),
		'Text: an object is not text; give it as text, e.g. one field of the item rather than a whole object or list',
		/give it as text, e.g. one field of the item/,
		fromItem({ text: 'Thanks!' }),
	),
	bad(
		'Comment → Create',
		'a TikTok comment over 150 characters',
		(s) => ({ platform: 'tiktok', parentId: s.commentId, content: 't'.repeat(151) }),
		'Text: 151 characters, TikTok comments take at most 150; shorten it',
		/at most 150/,
	),
	bad(
		'Comment → Create',
		'two images',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: 'Thanks!', attachments: images(2).join(', ') }),
		'Image URLs: 2 images, a Facebook comment takes at most 1; remove some',
		/at most 1/,
	),
	bad(
		'Comment → Create',
		'a video as image',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: 'Thanks!', attachments: 'https://cdn.example.com/clip.mp4' }),
		'Image URLs: "https://cdn.example.com/clip.mp4" is not an image; use the link of a JPEG, PNG or GIF',
		/use the link of a JPEG, PNG or GIF/,
	),
	bad(
		'Comment → Create',
		'an image that is no link',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: 'Thanks!', attachments: 'photo.jpg' }),
		'Image URLs: "photo.jpg" is not a link; give public links (http:// or https://)',
		/http:\/\/ or https:\/\//,
	),
	bad(
		'Comment → Create',
		'Reply To Is "yes"',
		(s) => ({ platform: 'facebook', parentId: s.commentId, content: 'Thanks!', isParentThread: FROM_ITEM }),
		'Reply To Is: "yes" is not allowed; use true or false',
		/use true or false/,
		fromItem('yes'),
	),

	// Comment → Like, Unlike: platform and Comment ID go into the URL path.
	bad(
		'Comment → Like',
		'an unknown platform',
		(s) => ({ platform: FROM_ITEM, commentId: s.commentId }),
		`Platform: "myspace" is not allowed; use ${COMMENT_PLATFORMS}`,
		/use bluesky, community/,
		fromItem('myspace'),
	),
	bad(
		'Comment → Like',
		'a platform without likes',
		(s) => ({ platform: 'instagram', commentId: s.commentId }),
		'Platform: Instagram comments cannot be liked or unliked through the API; like them in Instagram itself',
		/like them in Instagram itself/,
	),
	bad(
		'Comment → Like',
		'a Comment ID as a boolean',
		() => ({ platform: 'facebook', commentId: FROM_ITEM }),
		'Comment ID: true is not an ID; give the comment’s ID from Comment → Get Many',
		ID_IS_TEXT,
		fromItem(true),
	),
	bad(
		'Comment → Unlike',
		'a Comment ID "%2F"',
		() => ({ platform: 'facebook', commentId: '%2F' }),
		'Comment ID: "%2F" is not an ID; give the comment’s ID from Comment → Get Many (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'Comment → Unlike',
		'a Comment ID with a tab inside',
		() => ({ platform: 'facebook', commentId: FROM_ITEM }),
		'Comment ID: "507f1f77\t bcf86cd799439011" is not an ID; give the comment’s ID from Comment → Get Many (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
		fromItem('507f1f77\t bcf86cd799439011'),
	),

	// CSV Import (issue 13): a file's rows, the file itself, the import's IDs.
	bad(
		'CSV Import → Build CSV From Items',
		'a date in another format',
		() => ({ dateTime: FROM_ITEM, csvText: 'Fresh roast', csvTimezone: 'UTC' }),
		'Date and Time: row 1: "31/12/2030 10:00" is not a date and time; write it like 2026-12-01 09:30 or 2026-12-01T09:30:00+01:00',
		/write it like 2026-12-01 09:30/,
		fromItem('31/12/2030 10:00'),
	),
	bad(
		'CSV Import → Build CSV From Items',
		'a date as an object',
		() => ({ dateTime: FROM_ITEM, csvText: 'Fresh roast' }),
		'Date and Time: row 1: an object is not a date; give a date and time as text like 2026-12-01T09:30:00, or from an expression such as {{ $now.plus({ days: 1 }) }}',
		/give a date and time as text like 2026-12-01T09:30:00, or from an expression/,
		fromItem({ day: 1 }),
	),
	bad(
		'CSV Import → Build CSV From Items',
		'a media link that is no link',
		() => ({ dateTime: IN_A_YEAR, csvText: 'Fresh roast', mediaUrls: 'photo.jpg' }),
		'Media URLs: row 1: "photo.jpg" is not a link; give public links (http:// or https://)',
		/http:\/\/ or https:\/\//,
	),
	bad(
		'CSV Import → Build CSV From Items',
		'an unknown timezone',
		() => ({ dateTime: IN_A_YEAR, csvText: 'Fresh roast', csvTimezone: 'Mars/Olympus' }),
		'Timezone Name or ID: row 1: "Mars/Olympus" is not a timezone; use a timezone name such as Europe/Berlin',
		/such as Europe\/Berlin/,
	),
	bad(
		'CSV Import → Upload',
		'an item without a file',
		() => ({}),
		'Input Binary Field: the input item has no binary field "data"; give the name of the field that holds the CSV file',
		/give the name of the field that holds the CSV file/,
	),
	bad(
		'CSV Import → Import Posts',
		'accounts as an object',
		() => ({ csvAccountIds: FROM_ITEM }),
		objectForAccounts('Account Names or IDs', '{"id":"x"}'),
		ACCOUNT_LIST,
		fromItem({ id: 'x' }),
	),
	bad(
		'CSV Import → Import Posts',
		'no accounts from an expression',
		() => ({ csvAccountIds: FROM_ITEM }),
		'Account Names or IDs: nothing given; choose the accounts the posts go to',
		/choose the accounts the posts go to/,
		fromItem(''),
	),
	bad(
		'CSV Import → Set Accounts',
		'Rows to Import of -1',
		(s) => ({ csvAccountIds: [s.account('facebook')], filePath: 'x.csv', fileName: 'x.csv', rowsCount: -1 }),
		'Rows to Import: -1 is not allowed; use a whole number of 0 or more',
		/use a whole number of 0 or more/,
	),
	bad(
		'CSV Import → Set Accounts',
		'Rows to Import of 0 (all) without Upload’s rowsCount',
		(s) => ({ csvAccountIds: [s.account('facebook')], filePath: 'x.csv', fileName: 'x.csv', rowsCount: 0 }),
		'Rows to Import: 0 imports all the rows Upload counted, but the input item has no rowsCount of 1 or more; put CSV Import → Upload right before this node, or give the number of rows',
		/put CSV Import → Upload right before this node, or give the number of rows/,
	),
	bad(
		'CSV Import → Set Accounts',
		'an empty File Path',
		(s) => ({ csvAccountIds: [s.account('facebook')], filePath: FROM_ITEM, fileName: 'x.csv', rowsCount: 1 }),
		'File Path: nothing given; map Upload’s output, e.g. {{ $json.filePath }}',
		/map Upload’s output/,
		fromItem(' '),
	),
	bad(
		'CSV Import → Get Many',
		'a user "../x"',
		() => ({ csvFilters: { userId: '../x' } }),
		'Filters → User Name or ID: "../x" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'CSV Import → Get',
		'an import ID "../x"',
		() => ({ csvId: '../x' }),
		'CSV Import ID: "../x" is not an ID; give the csvId that Set Accounts or Import Posts returned (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'CSV Import → Get',
		'a Row Limit of 0',
		() => ({ csvId: '65f92e55cc884f0d0845e447', returnAllRows: false, rowLimit: 0 }),
		'Row Limit: 0 is not allowed; use a whole number of 1 or more',
		WHOLE_NUMBER,
	),
	bad(
		'CSV Import → Finalize',
		'an import ID of blanks',
		() => ({ csvId: FROM_ITEM }),
		'CSV Import ID: no ID given; give the csvId that Set Accounts or Import Posts returned',
		/give the csvId that Set Accounts or Import Posts returned/,
		fromItem('  '),
	),
	bad(
		'CSV Import → Delete',
		'an import ID "a/b"',
		() => ({ csvId: 'a/b' }),
		'CSV Import ID: "a/b" is not an ID; give the csvId that Set Accounts or Import Posts returned (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),
	bad(
		'CSV Import → Delete Row',
		'a Row ID "%2F"',
		() => ({ csvId: '65f92e55cc884f0d0845e447', rowId: '%2F' }),
		'Row ID: "%2F" is not an ID; give a row’s id from CSV Import → Get or Import Posts (with no "/", "\\", "%", ".." or spaces)',
		NOT_AN_ID,
	),

	// Account Connection → Build Connect Page (the callback's bad posts: test/node/connect-page.test.ts).
	bad(
		'Account Connection → Build Connect Page',
		'a network the API cannot connect',
		() => ({ ...connectPage, pageNetworks: FROM_ITEM }),
		'Networks: "bluesky" is not allowed; use facebook, google, instagram, linkedin, pinterest, threads, tiktok or youtube',
		/use facebook, google/,
		fromItem('facebook, bluesky'),
	),
	bad(
		'Account Connection → Build Connect Page',
		'no network from an expression',
		() => ({ ...connectPage, pageNetworks: FROM_ITEM }),
		'Networks: none chosen; choose at least one network for the page',
		/choose at least one/,
		fromItem(''),
	),
	bad(
		'Account Connection → Build Connect Page',
		'no Callback URL',
		() => ({ ...connectPage, callbackUrl: FROM_ITEM }),
		'Callback URL: required; give the Production URL of the Webhook (POST) node that attaches the accounts',
		/Production URL of the Webhook \(POST\) node/,
		fromItem(' '),
	),
	bad(
		'Account Connection → Build Connect Page',
		'a Callback URL that is no link',
		() => ({ ...connectPage, callbackUrl: 'webhook/hoopai-connect-callback' }),
		'Callback URL: "webhook/hoopai-connect-callback" is not a link (http:// or https://); give the Production URL of the Webhook (POST) node that attaches the accounts',
		/Production URL/,
	),
	bad(
		'Account Connection → Build Connect Page',
		'a Logo URL that is no link',
		() => ({ ...connectPage, logoUrl: 'logo.png' }),
		'Logo URL: "logo.png" is not a link; give a public https:// link to the image, or leave it empty',
		/give a public https:\/\/ link to the image/,
	),
	bad(
		'Account Connection → Build Connect Page',
		'Valid For of 0 hours',
		() => ({ ...connectPage, pageOptions: { validHours: 0 } }),
		'Options → Valid For (Hours): 0 is not allowed; use a whole number from 1 to 720',
		/from 1 to 720/,
	),
	bad(
		'Account Connection → Build Connect Page',
		'an Allowed Message Origin that is no link',
		() => ({ ...connectPage, pageOptions: { messageOrigins: 'app.hoopai.com' } }),
		'Options → Allowed Message Origins: "app.hoopai.com" is not a link; give public links (http:// or https://)',
		/http:\/\/ or https:\/\//,
	),
];

interface TriggerBadInput {
	input: string;
	parameters: INodeParameters;
	message: string;
	allowed: RegExp;
}

const STATUSES = 'draft, failed, in_progress, in_review, notification_sent, pending, published or scheduled';

// The trigger has no input items: its expressions give the bad values directly.
const TRIGGER_ROWS: TriggerBadInput[] = [
	{
		input: 'an unknown event',
		parameters: { events: ['published'] },
		message: 'Events: "published" is not allowed; use newPost, postDeleted or statusChanged',
		allowed: /use newPost, postDeleted or statusChanged/,
	},
	{
		input: 'no event',
		parameters: { events: '={{ [] }}' },
		message: 'Events: choose at least one event',
		allowed: /choose at least one event/,
	},
	{
		input: 'an unknown To Status',
		parameters: { events: ['statusChanged'], toStatuses: ['live'] },
		message: `To Statuses: "live" is not allowed; use ${STATUSES}`,
		allowed: /use draft, failed/,
	},
	{
		input: 'an unknown platform',
		parameters: { events: ['newPost'], filters: { platforms: ['myspace'] } },
		message: `Filters → Platforms: "myspace" is not allowed; use ${PLATFORMS}`,
		allowed: /use bluesky, facebook/,
	},
	{
		input: 'accounts as an object',
		parameters: { events: ['newPost'], filters: { accounts: '={{ { id: "x" } }}' } },
		message: objectForAccounts('Filters → Account Names or IDs', '{"id":"x"}'),
		allowed: ACCOUNT_LIST,
	},
	{
		input: 'an unknown post type',
		parameters: { events: ['newPost'], filters: { postType: '={{ "tweet" }}' } },
		message: 'Filters → Post Type: "tweet" is not allowed; use post, reel or story',
		allowed: /use post, reel or story/,
	},
	{
		input: 'Days Back of -1',
		parameters: { events: ['newPost'], options: { daysBack: -1 } },
		message: 'Options → Days Back: -1 is not allowed; use a whole number from 0 to 3650',
		allowed: /from 0 to 3650/,
	},
	{
		input: 'Days Ahead of "abc"',
		parameters: { events: ['newPost'], options: { daysAhead: '={{ "abc" }}' } },
		message: 'Options → Days Ahead: "abc" is not allowed; use a whole number from 0 to 3650',
		allowed: /from 0 to 3650/,
	},
];

/** What the rows cover, per resource, printed at the end. */
const covered: Record<string, number> = {};
const count = (resource: string) => (covered[resource] = (covered[resource] ?? 0) + 1);

function sampleOf(sim: Simulator): Sample {
	const location = locationOf(sim);
	return {
		account: (platform) => String(location.accounts.find((account: IDataObject) => account.platform === platform && !account.isExpired).id),
		postId: String(location.posts[0]._id),
		commentId: String(location.comments[0]._id),
	};
}

/** The label the message starts with, as a path of labels: "Filters → Platforms" → ["Filters", "Platforms"]. */
const labelPath = (message: string) => message.slice(0, message.indexOf(': ')).split(' → ');

describeWithSimulator('bad input fails with a NodeOperationError naming the field, before any request', (sim) => {
	const accountsRequest = () => `GET /social-media-posting/${sim().locationId}/accounts`;

	afterAll(() => {
		const total = Object.values(covered).reduce((sum, value) => sum + value, 0);
		printFigures('Bad inputs refused before sending', {
			[`${total} cases`]: Object.entries(covered)
				.map(([resource, cases]) => `${resource} ${cases}`)
				.join(', '),
		});
	});

	it('the table covers every operation of the action node', () => {
		expect(new Set(ACTION_ROWS.map((row) => row.operation))).toEqual(new Set(Object.keys(OPERATIONS)));
		expect(ACTION_ROWS.length + TRIGGER_ROWS.length).toBeGreaterThanOrEqual(40);
	});

	/**
	 * Runs a row as n8n would, and once more with Continue On Fail when n8n wrapped the error (a
	 * routed operation), to read the error the node threw. Returns both and each run's requests.
	 */
	async function fail(row: BadInput) {
		const [resource, operation] = OPERATIONS[row.operation];
		const parameters = { resource, operation, ...row.parameters(sampleOf(sim())) };
		const run = async (continueOnFail: boolean) => {
			const before = sim().control.requests().length;
			const result = await runNode({ parameters, credentials: tokenCredentials(sim()), input: row.items, continueOnFail });
			return { ...result, requests: requestsSince(sim(), before) };
		};
		const first = await run(false);
		const shown = first.error as (Error & { description?: string; httpCode?: string }) | undefined;
		const runs = [first.requests];
		let thrown: unknown = shown;
		if (shown?.name === 'NodeApiError' && shown.httpCode === 'none') {
			const second = await run(true);
			runs.push(second.requests);
			expect(second.items).toHaveLength(1);
			thrown = second.items[0].error;
		}
		return { shown, thrown, runs };
	}

	it.each(ACTION_ROWS.map((row) => [row.operation, row.input, row] as const))('%s: %s', async (_operation, _input, row) => {
		const { shown, thrown, runs } = await fail(row);
		// By name: n8n keeps a custom operation's error as plain data (a routed one's, from its error item, is the instance).
		expect((thrown as Error | undefined)?.name).toBe('NodeOperationError');
		// A pattern where the message holds the time of the run.
		const message = row.message instanceof RegExp ? expect.stringMatching(row.message) : row.message;
		expect((thrown as Error).message).toEqual(message);
		expect(shown?.message).toEqual(message);
		expect(shown?.message).toMatch(row.allowed);
		const { packageName, nodeTypes } = await loadPackage();
		expect(
			isLabelPath(labelPath((thrown as Error).message), labelTree(nodeTypes[`${packageName}.hoopAiSocialPlanner`].description.properties)),
		).toBe(true);
		for (const requests of runs) expect(requests).toEqual(row.readsAccounts ? [accountsRequest()] : []);
		count(row.operation.split(' → ')[0]);
	});

	it.each(TRIGGER_ROWS.map((row) => [row.input, row] as const))('Trigger: %s', async (_input, row) => {
		const before = sim().control.requests().length;
		const poller = await Poller.create({ parameters: row.parameters, credentials: tokenCredentials(sim()) });
		const error = await poller.activate().then(
			() => undefined,
			(failure: unknown) => failure as Error & { description?: string },
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(row.message);
		expect(error?.message).toMatch(row.allowed);
		const { packageName, nodeTypes } = await loadPackage();
		expect(
			isLabelPath(labelPath(row.message), labelTree(nodeTypes[`${packageName}.hoopAiSocialPlannerTrigger`].description.properties)),
		).toBe(true);
		expect(requestsSince(sim(), before)).toEqual([]);
		count('Trigger');
	});
});

describeWithSimulator('with Continue On Fail, a bad item becomes an error item and the others go through', (sim) => {
	const location = () => locationOf(sim());
	const path = (suffix: string) => `/social-media-posting/${sim().locationId}${suffix}`;

	it('Post → Create: the bad item is not sent, the two good ones are created', async () => {
		const { account } = sampleOf(sim());
		const before = sim().control.requests().length;
		const { items, error } = await runNode({
			parameters: {
				resource: 'post',
				operation: 'create',
				accountIds: [account('facebook')],
				scheduleDate: IN_A_YEAR,
				timezone: 'UTC',
				summary: FROM_ITEM,
			},
			credentials: tokenCredentials(sim()),
			continueOnFail: true,
			input: [{ value: 'First' }, { value: { text: 'oops' } }, { value: 'Third' }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.content ?? item.json.error)).toEqual([
			'First',
			'Content: an object is not text; give it as text, e.g. one field of the item rather than a whole object or list',
			'Third',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(requestsSince(sim(), before)).toEqual([`GET ${path('/accounts')}`, `POST ${path('/posts')}`, `POST ${path('/posts')}`]);
	});

	it('Post → Get (routed): the bad item’s error is the node’s NodeOperationError, the others are read', async () => {
		const [first, second] = location().posts.map((post: IDataObject) => String(post._id));
		const before = sim().control.requests().length;
		const { items, error } = await runNode({
			parameters: { resource: 'post', operation: 'get', postId: byId(FROM_ITEM) },
			credentials: tokenCredentials(sim()),
			continueOnFail: true,
			input: [{ value: first }, { value: '../accounts' }, { value: second }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id ?? item.json.error)).toEqual([
			first,
			'Post: "../accounts" is not an ID; choose it from the list, or give its ID (with no "/", "\\", "%", ".." or spaces)',
			second,
		]);
		expect(items[1].error).toBeInstanceOf(NodeOperationError);
		// Simplify (on by default) names the accounts: one accounts request for the run.
		expect(requestsSince(sim(), before)).toEqual([
			`GET ${path(`/posts/${first}`)}`,
			`GET ${path(`/posts/${second}`)}`,
			`GET ${path('/accounts')}`,
		]);
	});

	it('Post → Delete Many: the bad item is an error item, the other items’ posts are deleted in one request', async () => {
		const [first, second] = location().posts.map((post: IDataObject) => String(post._id));
		const before = sim().control.requests().length;
		const { items, error } = await runNode({
			parameters: { resource: 'post', operation: 'bulkDelete', postIds: FROM_ITEM },
			credentials: tokenCredentials(sim()),
			continueOnFail: true,
			input: [{ value: first }, { value: { ids: [second] } }, { value: [second] }],
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { error: 'Post IDs: an object is not a list of IDs; give an array of IDs, or the IDs as comma-separated text' },
				pairedItem: { item: 1 },
			},
			{ json: { deletedCount: 2, requested: 2, notFound: 0, requests: 1 }, pairedItem: [{ item: 0 }, { item: 2 }] },
		]);
		expect(requestsSince(sim(), before)).toEqual([`POST ${path('/posts/bulk-delete')}`]);
	});

	it('Comment → Create (routed): the over-long reply is refused, the short one is sent', async () => {
		const comment = String(location().comments[0]._id);
		const before = sim().control.requests().length;
		const { items, error } = await runNode({
			parameters: {
				resource: 'comment',
				operation: 'create',
				platform: 'facebook',
				parentId: comment,
				isParentThread: false,
				content: FROM_ITEM,
			},
			credentials: tokenCredentials(sim()),
			continueOnFail: true,
			input: [{ value: 'f'.repeat(8001) }, { value: 'Thanks!' }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.content ?? item.json.error)).toEqual([
			'Text: 8001 characters, Facebook comments take at most 8000; shorten it',
			'Thanks!',
		]);
		expect(items[0].error).toBeInstanceOf(NodeOperationError);
		expect(requestsSince(sim(), before)).toEqual(['POST /social-media-posting/comments/facebook']);
	});
});
