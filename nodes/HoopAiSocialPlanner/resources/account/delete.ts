import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { optionalId } from '../../shared/ids';
import { accountLocator } from '../../shared/descriptions';
import { locationPath } from '../../shared/request';
import { apiRouting } from '../../shared/routing';
import type { Operation } from '../resource';

const showForAccountDelete = { resource: ['account'], operation: ['delete'] };

export const accountDeleteDescription: INodeProperties[] = [
	{ ...accountLocator, displayOptions: { show: showForAccountDelete } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: showForAccountDelete },
		default: {},
		options: [
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'string',
				default: '',
				description: 'The agency (company) ID, when the token is an agency token',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'The HoopAI user who removes the account',
			},
		],
	},
];

/** preSend of Delete: the Options' IDs go into the query, checked like every ID. */
async function sendAccountDeleteOptions(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const companyId = optionalId(this.getNode(), 'Options → Company ID', options.companyId, 'the agency’s (company’s) ID');
	const userId = optionalId(this.getNode(), 'Options → User ID', options.userId, 'the ID of a HoopAI user of the location');
	requestOptions.qs = { ...requestOptions.qs, ...(companyId ? { companyId } : {}), ...(userId ? { userId } : {}) };
	return requestOptions;
}

export const deleteAccount: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Disconnect a social account',
		description: 'Remove a social account from the location (and from its groups)',
		routing: apiRouting({
			request: { method: 'DELETE', url: locationPath('/accounts/{accountId}') },
			path: { accountId: 'Account' },
			deletes: 'accountId',
			preSend: [sendAccountDeleteOptions],
		}),
	},
};
