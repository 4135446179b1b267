import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { WORKFLOW_TIMEZONE } from '../resources/post/fields';
import { timeZoneNames, utcOffsetText } from '../shared/dates';

/**
 * The Timezone dropdown: the workflow's own timezone first (by name: a dropdown cannot know which
 * one it is, n8n gives loaders the instance's), then every zone by its name, readable ("America/
 * New York", found by typing "new york") and with its current difference from UTC.
 */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const now = Date.now();
	return [
		WORKFLOW_TIMEZONE,
		...timeZoneNames().map((zone) => ({
			name: zone === 'UTC' ? 'UTC' : `${zone.replace(/_/g, ' ')} (${utcOffsetText(now, zone)})`,
			value: zone,
		})),
	];
}
