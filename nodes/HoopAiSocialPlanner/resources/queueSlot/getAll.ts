import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';
import { optionalId } from '../../shared/ids';
import { paginateCountedList } from '../../shared/pagination';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { scopeOfItem } from '../../shared/run';
import { apiRouting, sentPathValue } from '../../shared/routing';
import { apiRequest } from '../../shared/send';
import { LOCATION_IN_BODY, QUEUES_PATH, sendListSession } from '../queue/fields';
import type { Operation } from '../resource';

const ITEMS_PAGE = 100;

/** The text each item of the queue publishes (its post's, else its current variation's), by item ID. */
async function itemTexts(this: IExecutePaginationFunctions, queueId: string): Promise<Map<string, string>> {
	const scope = await scopeOfItem(this);
	const options = this.getNodeParameter('listOptions', {}) as IDataObject;
	const sessionId = optionalId(this.getNode(), 'Options → Session ID', options.sessionId);
	const texts = new Map<string, string>();
	for (let skip = 0; ; skip += ITEMS_PAGE) {
		const body = { locationId: LOCATION_PLACEHOLDER, skip, limit: ITEMS_PAGE, ...(sessionId ? { sessionId } : {}) };
		const answer = await apiRequest.call(this, 'POST', `${QUEUES_PATH}/${encodeURIComponent(queueId)}/items`, {
			scope,
			body,
			effect: 'read',
		});
		const results = (answer.results ?? {}) as IDataObject;
		const items = (results.items as IDataObject[] | undefined) ?? [];
		for (const item of items) {
			const variations = (item.variations as IDataObject[] | undefined) ?? [];
			const variation = variations[Number(item.currentVariation ?? 0)] ?? variations[0];
			texts.set(String(item._id), String((item.post as IDataObject | undefined)?.summary ?? variation?.content ?? ''));
		}
		const count = Number((results.meta as IDataObject | undefined)?.count);
		if (items.length < ITEMS_PAGE || (Number.isFinite(count) && skip + items.length >= count)) return texts;
	}
}

/** Each slot with the text that goes out then (`summary`), read from the queue's items: a slot names only its item's ID. */
async function withItemText(this: IExecutePaginationFunctions, slots: IDataObject[]): Promise<IDataObject[]> {
	if (slots.length === 0) return slots;
	const texts = await itemTexts.call(this, String(sentPathValue(this, 'queueId')));
	return slots.map((slot) => ({ scheduledDateTime: slot.scheduledDateTime, summary: texts.get(String(slot.itemId)) ?? '', ...slot }));
}

// Its fields are the queue family's Queue and list Options (queue/fields.ts), shared with Queue Item.
export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many queue slots',
		description: 'List when each item of a queue is published next, in queue order, with the text that goes out',
		routing: apiRouting({
			request: { method: 'POST', url: `${QUEUES_PATH}/{queueId}/slots`, ...LOCATION_IN_BODY },
			path: { queueId: 'Queue' },
			effect: 'read',
			preSend: [sendListSession],
			pagination: paginateCountedList({
				in: 'body',
				itemsPath: 'results.slots',
				countPath: 'results.total',
				pageSize: 100,
				numeric: true,
				mapItems: withItemText,
			}),
		}),
	},
};
