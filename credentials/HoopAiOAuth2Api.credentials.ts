import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// The OAuth scopes of Scopes.md for the Social Planner, plus media upload and location users.
const DEFAULT_SCOPES = [
	'socialplanner/account.readonly',
	'socialplanner/account.write',
	'socialplanner/category.readonly',
	'socialplanner/csv.readonly',
	'socialplanner/csv.write',
	'socialplanner/oauth.readonly',
	'socialplanner/oauth.write',
	'socialplanner/post.readonly',
	'socialplanner/post.write',
	'socialplanner/tag.readonly',
	'medias.write',
	'medias.readonly',
	'users.readonly',
].join(' ');

export class HoopAiOAuth2Api implements ICredentialType {
	name = 'hoopAiOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HoopAI OAuth2 API';

	icon = { light: 'file:../icons/hoopai.svg', dark: 'file:../icons/hoopai.dark.svg' } as const;

	documentationUrl = 'https://github.com/hoopai/n8n-nodes-hoopai-social-planner?tab=readme-ov-file#hoopai-oauth2-api-marketplace-app';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
				},
			],
			default: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			description:
				'Where the sub-account admin chooses the location to connect. Use White-Label when your users log in to a white-labelled HoopAI domain.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://services.leadconnectorhq.com/oauth/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated scopes; they must match the scopes ticked on your Marketplace app (My Apps → your app → Auth). Add socialplanner/category.write and socialplanner/statistics.readonly if your app has them, for category queues and statistics.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Default User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description:
				'The HoopAI user that creates posts, CSV imports and queues when a node does not name one. In HoopAI: Settings → My Staff → edit the user and copy the user ID. Leave empty to pick a user in the node.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2021-07-28',
			description: 'Sent as the Version header on every request',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'The API host. Keep the default unless you use a white-label API host.',
		},
	];
}
