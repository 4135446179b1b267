import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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

const STANDARD_MARKETPLACE = 'https://marketplace.gohighlevel.com';
const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/**
 * A HoopAI Marketplace app's OAuth2 connection, installed by whoever connects it in one sub-account
 * (a Location token: the node uses its location) or in an agency (a Company token for the
 * sub-accounts they approve). HighLevel's token answer says which (`userType`, with `locationId`
 * or `companyId` and `approvedLocations`); n8n keeps it as the credential's token data.
 */
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
			name: 'marketplace',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: STANDARD_MARKETPLACE,
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: 'https://marketplace.leadconnectorhq.com',
				},
				{
					name: 'Other Address',
					value: 'custom',
				},
			],
			default: STANDARD_MARKETPLACE,
			description:
				'Where the person who connects chooses a sub-account or an agency to install the app in. Use White-Label when your users log in to a white-labelled HoopAI domain.',
		},
		{
			displayName: 'Marketplace URL',
			name: 'marketplaceUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://marketplace.myagency.com',
			description: "The marketplace's address, without a path (the authorization page is its /v2/oauth/chooselocation)",
			displayOptions: { show: { marketplace: ['custom'] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ($self.marketplace === "custom" ? String($self.marketplaceUrl || "") : $self.marketplace || "${STANDARD_MARKETPLACE}").replace(/[/]+$/, "") + "/v2/oauth/chooselocation" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			// The token endpoint is on the API host: it follows Base URL (a white-label host, the simulator).
			default: `={{ String($self.baseUrl || "${DEFAULT_BASE_URL}").replace(/[/]+$/, "") + "/oauth/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated scopes; they must match the scopes ticked on your Marketplace app (My Apps → your app → Auth). Add socialplanner/category.write and socialplanner/statistics.readonly if your app has them, for category queues and statistics; for an agency install, oauth.readonly and oauth.write.',
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
			description:
				'The API host (its /oauth/token issues and refreshes the tokens). Keep the default unless you use a white-label API host.',
		},
	];

	/**
	 * Proves the install the token answer names: a sub-account's by listing its social accounts, an
	 * agency's by listing the sub-accounts the app is installed in (the app ID is the client ID's
	 * part before the dash). n8n's editor does not test OAuth2 credentials (it shows "Account
	 * connected"); its credential-test API and its AI tools do.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.baseUrl || "${DEFAULT_BASE_URL}"}}`,
			url: '={{ ($credentials.oauthTokenData || {}).userType === "Company" ? "/oauth/installedLocations?isInstalled=true&limit=1&companyId=" + encodeURIComponent($credentials.oauthTokenData.companyId) + "&appId=" + encodeURIComponent(String($credentials.clientId).split("-")[0]) : "/social-media-posting/" + encodeURIComponent(($credentials.oauthTokenData || {}).locationId) + "/accounts" }}',
			method: 'GET',
			headers: { Version: '={{$credentials.apiVersion || "2021-07-28"}}' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HoopAI refused the token and it could not be refreshed: open the credential, click Reconnect ("Switch account" in n8n 2.x) and choose the same sub-account or agency.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token lacks a scope: a sub-account install needs socialplanner/account.readonly, an agency install oauth.readonly. Tick it on the Marketplace app (My Apps → Auth), add it to Scope, then reconnect.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'The API rejected the test request: check Base URL, API Version (default 2021-07-28) and, for an agency install, that the Client ID is the app’s (its app ID is the part before the dash).',
				},
			},
		],
	};
}
