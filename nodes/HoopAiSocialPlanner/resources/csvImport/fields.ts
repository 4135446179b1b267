import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode, type INodeProperties } from 'n8n-workflow';
import { optionalId, pathSegment } from '../../shared/ids';
import type { ApiConnection } from '../../shared/run';
import { accountIdsField } from '../post/fields';

export const CSV_PATH = '/social-media-posting/{locationId}/csv';
/** One import's path (Get, Finalize, Delete), and its ID field's label. */
export const CSV_IMPORT_PATH = `${CSV_PATH}/{csvId}`;
/** Where an import's ID comes from, as its field and messages say. */
const CSV_ID_SOURCE = 'the csvId that Set Accounts or Import Posts returned';
export const CSV_ID = { csvId: { label: 'CSV Import ID', source: CSV_ID_SOURCE } };

/** The import, by the ID Set Accounts and Import Posts return (`csvId`). */
export const csvIdField: INodeProperties = {
	displayName: 'CSV Import ID',
	name: 'csvId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 65f92e55cc884f0d0845e447',
	description: 'The import’s ID, as Set Accounts and Import Posts return it (csvId)',
};

export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field holding the CSV file',
	description:
		'The CSV file, e.g. from Build CSV from Items, Read/Write Files from Disk or an HTTP Request. A spreadsheet (XLSX, Google Sheets) turns into CSV with n8n’s Convert to File node (Convert to CSV).',
};

/** Account Names or IDs for the posts of an import. */
export const importAccountsField: INodeProperties = {
	...accountIdsField,
	name: 'csvAccountIds',
	required: true,
	description:
		'The social accounts every post of the file goes to (from an expression: an array of IDs, or a comma-separated list). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const userIdOption: INodeProperties = {
	displayName: 'User Name or ID',
	name: 'userId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	allowArbitraryValues: true,
	default: '',
	description:
		'The HoopAI user the import is made by; by default the credential’s User ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const approverOption: INodeProperties = {
	displayName: 'Approver Name or ID',
	name: 'approver',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	allowArbitraryValues: true,
	default: '',
	description:
		'A HoopAI user who must approve the posts before they are published. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The user an import is made by: the field's, else the credential's; the API requires one (v3). */
export function importUserId(node: INode, label: string, value: unknown, connection: ApiConnection): string {
	const userId = optionalId(node, label, value) || connection.defaultUserId;
	if (!userId) {
		throw new NodeOperationError(
			node,
			`${label}: no user given; choose the HoopAI user the import is made by, or set the User ID in the credential`,
			{
				description: 'HoopAI needs the user an import is made by (v3).',
			},
		);
	}
	return userId;
}

/** The CSV Import ID of an item, checked to be one path segment. */
export function csvIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return pathSegment(context.getNode(), 'CSV Import ID', context.getNodeParameter('csvId', itemIndex), CSV_ID_SOURCE);
}

/** Set Accounts' Options collection of an item. */
export function optionsOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('setAccountsOptions', itemIndex, {}) as IDataObject;
}
