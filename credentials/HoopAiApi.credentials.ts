import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class HoopAiApi implements ICredentialType {
	name = 'hoopAiApi';

	displayName = 'HoopAI API';

	icon = { light: 'file:../icons/hoopai.svg', dark: 'file:../icons/hoopai.dark.svg' } as const;

	documentationUrl = 'https://github.com/hoopai/n8n-nodes-hoopai-social-planner?tab=readme-ov-file#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A Private Integration token of the sub-account (in HoopAI: Settings → Private Integrations → Create new Integration, tick the Social Planner scopes, copy the token) or a sub-account OAuth access token',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
			description:
				'The sub-account (location) whose Social Planner you use. In HoopAI: Settings → Business Profile shows the Location ID; it is also the part after /location/ in the app URL.',
		},
		{
			displayName: 'Default User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 6Pd8VyATGsLtcLPgS5c4',
			description:
				'The HoopAI user that creates posts, CSV imports and queues when a node does not name one. In HoopAI: Settings → My Staff → edit the user and copy the user ID. Leave empty to pick a user in the node.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2021-07-28',
			description: 'Sent as the Version header on every request. Keep the default unless HoopAI support tells you otherwise.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description:
				'The API host. Keep the default for HoopAI and HighLevel; change it only for a white-label API host or the local simulator.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				Version: '={{$credentials.apiVersion || "2021-07-28"}}',
			},
		},
	};

	// Listing the location's social accounts proves both the token and the Location ID.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://services.leadconnectorhq.com"}}',
			url: '=/social-media-posting/{{encodeURIComponent($credentials.locationId)}}/accounts',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Invalid token: access token is invalid. Copy the Private Integration token again (Settings → Private Integrations) and check it belongs to this sub-account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"The token may not read this location's social accounts: check the Location ID and that the integration has the socialplanner/account.readonly scope.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: 'The API rejected the request: check the Location ID and the API Version (default 2021-07-28).',
				},
			},
		],
	};
}
