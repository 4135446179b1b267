import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchAccounts } from './listSearch/searchAccounts';
import { searchCategories } from './listSearch/searchCategories';
import { searchPosts } from './listSearch/searchPosts';
import { searchQueueCategories } from './listSearch/searchQueueCategories';
import { searchQueues } from './listSearch/searchQueues';
import { getAccounts } from './loadOptions/getAccounts';
import { getCategories } from './loadOptions/getCategories';
import { getCommentAccounts } from './loadOptions/getCommentAccounts';
import { getProfiles } from './loadOptions/getProfiles';
import { getTags } from './loadOptions/getTags';
import { getTimezones } from './loadOptions/getTimezones';
import { getUsers } from './loadOptions/getUsers';
import { accountFields, accountOperation } from './resources/account';
import { accountConnectionFields, accountConnectionOperation, accountConnectionOperations } from './resources/accountConnection';
import { categoryFields, categoryOperation } from './resources/category';
import { categoryQueueFields, categoryQueueOperation } from './resources/categoryQueue';
import { commentFields, commentOperation } from './resources/comment';
import { csvImportFields, csvImportOperation, csvImportOperations } from './resources/csvImport';
import { mediaFields, mediaOperation, mediaOperations } from './resources/media';
import { postFields, postOperation } from './resources/post';
import { queueEditSessionFields, queueEditSessionOperation, subResourceQueueField } from './resources/queueEditSession';
import { queueItemFields, queueItemOperation, queueItemOperations } from './resources/queueItem';
import { queueSlotFields, queueSlotOperation } from './resources/queueSlot';
import { statisticsFields, statisticsOperation } from './resources/statistics';
import { tagFields, tagOperation } from './resources/tag';
import { bulkDeletePosts } from './resources/post/bulkDelete';
import { createPosts } from './resources/post/create';
import { updatePosts } from './resources/post/update';
import { authenticationProperty, listFields, nodeCredentials } from './shared/descriptions';
import { requestDefaults } from './shared/request';

export class HoopAiSocialPlanner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HoopAI Social Planner',
		name: 'hoopAiSocialPlanner',
		icon: { light: 'file:../../icons/hoopai.svg', dark: 'file:../../icons/hoopai.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Schedule and manage social media posts with the HoopAI (HighLevel) Social Planner',
		defaults: { name: 'HoopAI Social Planner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		requestDefaults,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				// Post first: it is what the node is for, and n8n lists its actions in this order.
				// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items
				options: [
					{ name: 'Post', value: 'post' },
					{ name: 'Account', value: 'account' },
					{ name: 'Account Connection', value: 'accountConnection' },
					{ name: 'Category', value: 'category' },
					{ name: 'Category Queue', value: 'categoryQueue' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'CSV Import', value: 'csvImport' },
					{ name: 'Media', value: 'media' },
					{ name: 'Queue Edit Session', value: 'queueEditSession' },
					{ name: 'Queue Item', value: 'queueItem' },
					{ name: 'Queue Slot', value: 'queueSlot' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'post',
			},
			postOperation,
			accountOperation,
			accountConnectionOperation,
			categoryOperation,
			commentOperation,
			csvImportOperation,
			categoryQueueOperation,
			queueItemOperation,
			queueSlotOperation,
			queueEditSessionOperation,
			mediaOperation,
			statisticsOperation,
			tagOperation,
			// Shared by every Get Many, declared once (each declaration costs an evaluation per item).
			...listFields,
			...postFields,
			...accountFields,
			...accountConnectionFields,
			...categoryFields,
			...commentFields,
			...csvImportFields,
			...categoryQueueFields,
			subResourceQueueField,
			...queueItemFields,
			...queueSlotFields,
			...queueEditSessionFields,
			...mediaFields,
			...statisticsFields,
			...tagFields,
		],
	};

	methods = {
		listSearch: { searchAccounts, searchCategories, searchPosts, searchQueueCategories, searchQueues },
		loadOptions: { getAccounts, getCategories, getCommentAccounts, getProfiles, getTags, getTimezones, getUsers },
	};

	customOperations = {
		post: { bulkDelete: bulkDeletePosts, create: createPosts, update: updatePosts },
		csvImport: csvImportOperations,
		queueItem: queueItemOperations,
		accountConnection: accountConnectionOperations,
		media: mediaOperations,
	};
}
