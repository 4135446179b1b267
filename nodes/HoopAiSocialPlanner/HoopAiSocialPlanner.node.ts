import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchAccounts } from './listSearch/searchAccounts';
import { searchCategories } from './listSearch/searchCategories';
import { searchLocations } from './listSearch/searchLocations';
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
import { ACTION_SUBTITLE, CUSTOM_OPERATIONS, RESOURCES, resourceProperty } from './resources';
import { authenticationProperty, listFields, nodeCredentials, simplifyField } from './shared/descriptions';
import { locationField } from './shared/locations';
import { requestDefaults } from './shared/request';

export class HoopAiSocialPlanner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HoopAI Social Planner',
		name: 'hoopAiSocialPlanner',
		icon: { light: 'file:../../icons/hoopai.svg', dark: 'file:../../icons/hoopai.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Schedule and manage social media posts with the HoopAI (HighLevel) Social Planner',
		defaults: { name: 'HoopAI Social Planner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		requestDefaults,
		properties: [
			authenticationProperty,
			resourceProperty,
			...RESOURCES.map((resource) => resource.operation),
			// The agency's sub-account, right under the operation, for every one of them (declared once).
			locationField,
			// Shared by every Get Many, declared once (each declaration costs an evaluation per item).
			...listFields,
			...RESOURCES.flatMap((resource) => resource.fields),
			// Last of the fields of every operation that has it, declared once.
			simplifyField,
		],
	};

	methods = {
		listSearch: { searchAccounts, searchCategories, searchLocations, searchPosts, searchQueueCategories, searchQueues },
		loadOptions: { getAccounts, getCategories, getCommentAccounts, getProfiles, getTags, getTimezones, getUsers },
	};

	customOperations = CUSTOM_OPERATIONS;
}
