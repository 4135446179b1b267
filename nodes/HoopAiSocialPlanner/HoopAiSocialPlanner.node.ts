import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchAccounts } from './listSearch/searchAccounts';
import { searchCategories } from './listSearch/searchCategories';
import { searchPosts } from './listSearch/searchPosts';
import { getAccounts } from './loadOptions/getAccounts';
import { getCategories } from './loadOptions/getCategories';
import { getCommentAccounts } from './loadOptions/getCommentAccounts';
import { getProfiles } from './loadOptions/getProfiles';
import { getTags } from './loadOptions/getTags';
import { getUsers } from './loadOptions/getUsers';
import { accountDescription } from './resources/account';
import { categoryDescription } from './resources/category';
import { commentDescription } from './resources/comment';
import { postDescription } from './resources/post';
import { statisticsDescription } from './resources/statistics';
import { tagDescription } from './resources/tag';
import { bulkDeletePosts } from './resources/post/bulkDelete';
import { createPosts } from './resources/post/create';
import { updatePosts } from './resources/post/update';
import { authenticationProperty, nodeCredentials } from './shared/descriptions';
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
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Category', value: 'category' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Post', value: 'post' },
					{ name: 'Statistic', value: 'statistics' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'post',
			},
			...accountDescription,
			...postDescription,
			...categoryDescription,
			...tagDescription,
			...statisticsDescription,
			...commentDescription,
		],
	};

	methods = {
		listSearch: { searchAccounts, searchCategories, searchPosts },
		loadOptions: { getAccounts, getCategories, getCommentAccounts, getProfiles, getTags, getUsers },
	};

	customOperations = {
		post: { bulkDelete: bulkDeletePosts, create: createPosts, update: updatePosts },
	};
}
