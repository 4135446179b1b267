import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { apiError } from '../../shared/errors';
import { pathSegment } from '../../shared/ids';
import { runOf } from '../../shared/run';
import { apiResponse } from '../../shared/send';
import { csvIdOf } from './fields';
import type { Operation } from '../resource';

export const csvDeleteRowDescription: INodeProperties[] = [
	{
		displayName: 'Row ID',
		name: 'rowId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['csvImport'], operation: ['deleteRow'] } },
		placeholder: 'e.g. 65f92e55cc884f0d0845e448',
		description: 'The parsed row to leave out of the import (a row’s ID from Get or Import Posts)',
	},
];

/**
 * Delete Row runs in code: its path names the import `{csvId}` and the row `{postId}`, where the
 * import's other paths name it `{id}` (routing fills a path from parameters of the same name).
 */
const deleteCsvRows = withRoutes(
	async function deleteCsvRows(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex) => {
			const csvId = csvIdOf(this, itemIndex);
			const rowId = pathSegment(
				this.getNode(),
				'Row ID',
				this.getNodeParameter('rowId', itemIndex),
				'a row’s id from CSV Import → Get or Import Posts',
			);
			const path = `/social-media-posting/{locationId}/csv/${encodeURIComponent(csvId)}/post/${encodeURIComponent(rowId)}`;
			const response = await apiResponse.call(this, 'DELETE', path, { scope: await run.scope(itemIndex) });
			if (response.statusCode >= 400) throw apiError(this.getNode(), response, itemIndex);
			const results = (response.body.results ?? {}) as IDataObject;
			return { deleted: true, id: String(results.postId ?? rowId), csvId };
		});
	},
	[{ method: 'DELETE', path: '/social-media-posting/{locationId}/csv/{csvId}/post/{postId}' }],
);

export const deleteRow: Operation = {
	// Runs in code: each row is its own request.
	option: {
		name: 'Delete Row',
		value: 'deleteRow',
		action: 'Delete a row of a CSV import',
		description: 'Leave one parsed row out of an import before it is finalized',
	},
	run: deleteCsvRows,
};
