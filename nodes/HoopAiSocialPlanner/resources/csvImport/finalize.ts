import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { apiRouting, sentPathValue } from '../../shared/routing';
import { runOf } from '../../shared/run';
import { CSV_ID, CSV_IMPORT_PATH, importUserId, userIdOption } from './fields';
import type { Operation } from '../resource';

const show = { resource: ['csvImport'], operation: ['finalize'] };

export const csvFinalizeDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'finalizeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				...userIdOption,
				description:
					'The HoopAI user who schedules the posts; by default the credential’s User ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

/** preSend of Finalize: the user (the v3 API requires one) in the body. */
async function buildFinalizeBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const options = this.getNodeParameter('finalizeOptions', {}) as IDataObject;
	requestOptions.body = {
		userId: importUserId(this.getNode(), 'Options → User Name or ID', options.userId, await runOf(this).connection()),
	};
	return requestOptions;
}

/** postReceive of Finalize: which import was finalized, and HoopAI's word on it. */
async function finalizedItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return [{ json: { finalized: true, id: sentPathValue(this, 'csvId'), message: items[0]?.json.message ?? '' } }];
}

export const finalize: Operation = {
	option: {
		name: 'Finalize',
		value: 'finalize',
		action: 'Finalize a CSV import',
		description: 'Schedule every accepted row of an import as a post',
		routing: apiRouting({
			request: { method: 'PATCH', url: CSV_IMPORT_PATH },
			path: CSV_ID,
			preSend: [buildFinalizeBody],
			postReceive: [finalizedItem],
		}),
	},
};
