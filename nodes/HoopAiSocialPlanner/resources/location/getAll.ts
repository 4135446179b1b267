import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { wholeNumber } from '../../shared/checks';
import { runForEachItem, withRoutes } from '../../shared/execute';
import { installedLocations } from '../../shared/locations';
import { runOf } from '../../shared/run';
import type { Operation } from '../resource';

/**
 * The sub-accounts the agency's Marketplace app is installed in, as the API gives them (`_id`,
 * `name`, `address`, `isInstalled`, `versionId`, `installedAt`): one item each, so a workflow
 * loops over every client. A sub-account credential has one location, its own (the API names
 * none: only its ID is known), so the same loop works with it.
 */
const getInstalledLocations = withRoutes(
	async function getInstalledLocations(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = runOf(this);
		return await runForEachItem.call(this, async (itemIndex) => {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const wanted = returnAll ? Infinity : wholeNumber(this.getNode(), 'Limit', this.getNodeParameter('limit', itemIndex, 50), 1);
			const connection = await run.connection();
			if (connection.install !== 'agency') {
				const { locationId } = await run.scope(itemIndex);
				return [{ _id: locationId, isInstalled: true }] as IDataObject[];
			}
			// Read once per run: every item asking for the same number gets the same list.
			return await run.once(`installed locations ${wanted}`, async () => await installedLocations.call(this, connection, wanted));
		});
	},
	[{ method: 'GET', path: '/oauth/installedLocations' }],
);

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many locations',
		description:
			'List the sub-accounts (locations) the agency’s Marketplace app is installed in, to work in each client (with a sub-account credential: its own)',
	},
	run: getInstalledLocations,
};
