import type { INodeProperties } from 'n8n-workflow';
import { QUEUES_PATH, queueLocator } from '../queue/fields';

// Category Queue's own Queue field (Get, Update) is `queue`: the sub-resources' `queueId` shows for
// every operation of theirs, and n8n's display rules cannot show one declaration for both (a
// second declaration of one name would be evaluated for every item).
export const QUEUE_PATH = `${QUEUES_PATH}/{queue}`;
export const QUEUE = { queue: 'Queue' };

export const queueField: INodeProperties = {
	...queueLocator,
	name: 'queue',
	displayOptions: { show: { resource: ['categoryQueue'], operation: ['get', 'update'] } },
};
