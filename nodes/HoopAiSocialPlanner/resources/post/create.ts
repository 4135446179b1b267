import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runAccounts } from '../../shared/accounts';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { platformName } from '../../networks';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest, createOnce, stableJson } from '../../shared/send';
import { defaultUserOf, USERS_ROUTE } from '../../shared/users';
import { readBinaryMedia, uploadBinaryMedia } from './binaryMedia';
import { findCreatedPost } from './findCreated';
import {
	accountIdsField,
	extraPostFields,
	mediaField,
	platformOptionsField,
	postTypeField,
	scheduleDateField,
	statusField,
	summaryField,
	timezoneField,
} from './fields';
import { SCHEDULED_STATUSES } from './writablePost';
import { accountDirectory, simplifyPost } from './simplify';
import type { PostInput } from './postInput';
import { postBodyOf } from './postBody';
import { checkPostBody, validatePostFields } from './validatePost';
import type { Operation } from '../resource';

const showForCreate = { resource: ['post'], operation: ['create'] };
const showWhenScheduled = { ...showForCreate, status: ['scheduled', 'in_review'] };

// Who, what, when, then the rest: the order a marketer fills a post in.
export const postCreateDescription: INodeProperties[] = [
	{ ...accountIdsField, displayOptions: { show: showForCreate } },
	{ ...summaryField, displayOptions: { show: showForCreate } },
	{ ...mediaField, displayOptions: { show: showForCreate } },
	{ ...statusField, displayOptions: { show: showForCreate } },
	{ ...scheduleDateField, displayOptions: { show: showWhenScheduled } },
	{ ...timezoneField, displayOptions: { show: showWhenScheduled } },
	{ ...postTypeField, displayOptions: { show: showForCreate } },
	{ ...platformOptionsField, displayOptions: { show: showForCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showForCreate },
		options: extraPostFields,
	},
];

/**
 * The chosen accounts whose connection has expired, named with what to do: HoopAI takes the post
 * but cannot publish it to them until they are reconnected. Undefined when none has.
 */
export function expiredAccountsWarning(accounts: IDataObject[], accountIds: string[]): string | undefined {
	const expired = accounts.filter((account) => account.isExpired === true && accountIds.includes(String(account.id)));
	if (expired.length === 0) return undefined;
	const names = expired.map((account) => `"${String(account.name ?? account.id)}" (${platformName(String(account.platform))})`).join(', ');
	const [account, has, it] = expired.length === 1 ? ['Account', 'has', 'it'] : ['Accounts', 'have', 'them'];
	return `${account} ${names} ${has} expired, so the post will not publish there: reconnect ${it} in HoopAI, or with Account Connection → Get Connect URL and Reconnect on`;
}

/**
 * Create runs in code, not routing: it needs the accounts' networks (one GET per run) to check
 * the post before sending it, and bad input must stop with a NodeOperationError, no request sent.
 */
const createPosts = withRoutes(
	async function createPosts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const run = runOf(this);
		const zone = this.getTimezone();
		const createdByThisRun = new Set<string>();
		// A create that got no answer is looked up before it is sent again (see findCreatedPost).
		const sendPost = async (scope: LocationScope, body: IDataObject): Promise<IDataObject> => {
			const startedAt = Date.now();
			const findCreated = async () => {
				const post = await findCreatedPost.call(this, scope, body, startedAt, createdByThisRun);
				return post && { statusCode: 201, headers: {}, body: { results: { post } } };
			};
			const response = await apiRequest.call(this, 'POST', '/social-media-posting/{locationId}/posts', { body, scope, findCreated });
			const post = ((response.results as IDataObject | undefined)?.post ?? {}) as IDataObject;
			createdByThisRun.add(String(post._id));
			return post;
		};
		return await runForEachItem.call(this, async (itemIndex) => {
			const parameter = <T>(name: string, fallback: T) => this.getNodeParameter(name, itemIndex, fallback) as T;
			const scope = await run.scope(itemIndex);
			const accounts = async () => await runAccounts.call(this, scope);
			const additionalFields = parameter<PostInput>('additionalFields', {});
			const status = parameter('status', 'scheduled');
			// Media from binary fields: read and checked now, uploaded once the whole post is checked.
			const binaryMedia = await readBinaryMedia.call(this, itemIndex, parameter<PostInput['media']>('media', {}));
			const input: PostInput = {
				...additionalFields,
				accountIds: parameter<string[] | string>('accountIds', []),
				postType: parameter('postType', 'post'),
				status,
				summary: parameter('summary', ''),
				media: binaryMedia.media,
				platformOptions: parameter<PostInput['platformOptions']>('platformOptions', {}),
				...(SCHEDULED_STATUSES.includes(status)
					? { scheduleDate: parameter('scheduleDate', ''), timezone: parameter('timezone', '') }
					: {}),
			};
			// An agency install reads the sub-account's users for it (users.ts): only when no User is given.
			const defaultUserId = additionalFields.userId ? '' : await defaultUserOf.call(this, scope);
			const withUser = (body: IDataObject) => {
				body.userId ||= defaultUserId || undefined;
				if (body.userId) body.createdBy ??= body.userId;
				return body;
			};
			const body = withUser(await postBodyOf.call(this, input, scope, (unresolved) => validatePostFields(node, withUser(unresolved))));
			await checkPostBody(node, body, accounts);
			await uploadBinaryMedia.call(this, scope, body, binaryMedia.uploads);
			const post = await createOnce(run, `${itemIndex} ${stableJson(body)}`, async () => await sendPost(scope, body));
			const output = parameter('simple', true) ? simplifyPost(post, accountDirectory(await accounts()), zone) : post;
			const accountIds = (body.accountIds as string[] | undefined) ?? [];
			const warning = accountIds.length ? expiredAccountsWarning(await accounts(), accountIds) : undefined;
			if (!warning) return output;
			this.addExecutionHints({ message: warning, type: 'warning', location: 'outputPane' });
			return { warning, ...output };
		});
	},
	[
		{ method: 'GET', path: '/social-media-posting/{locationId}/accounts' },
		{ method: 'POST', path: '/social-media-posting/{locationId}/posts' },
		{ method: 'POST', path: '/social-media-posting/{locationId}/posts/list' },
		{ method: 'POST', path: '/medias/upload-file' },
		USERS_ROUTE,
	],
);

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a post',
		description: 'Create, schedule or publish a post on one or more social accounts',
	},
	run: createPosts,
};
