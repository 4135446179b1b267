import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
} from 'n8n-workflow';
import { choice } from '../../shared/checks';
import { asNodeError, runForEachItem, withRoutes, type ApiRoute } from '../../shared/execute';
import { pathSegment } from '../../shared/ids';
import { LOCATION_PLACEHOLDER } from '../../shared/request';
import { runOf, type LocationScope } from '../../shared/run';
import { apiRequest, createOnce, effectOfMethod, stableJson, type RequestEffect } from '../../shared/send';
import { QUEUES_PATH, SESSION_ID_SOURCE } from '../queue/fields';
import type { Operation } from '../resource';
import { itemSetting, SESSION_MODE_OPTIONS, type SessionMode } from './fields';

/** One change of a queue's items, as an operation builds it from an input item (all checked). */
export interface ItemRequest {
	/** The values of the route's other `{…}` placeholders (the item's), e.g. `{ itemId }`. */
	ids?: Record<string, string>;
	body?: IDataObject;
	/** The API needs an edit session for it (a draft item: Create without Direct to Queue, Clone). */
	needsSession?: boolean;
	/** Direct to Queue: no session at all. */
	direct?: boolean;
}

export interface ItemChangeContext {
	itemIndex: number;
	scope: LocationScope;
}

type Build = (this: IExecuteFunctions, context: ItemChangeContext) => ItemRequest | Promise<ItemRequest>;

/** The route's path for one item: its queue and ids filled in. */
function pathOf(route: ApiRoute, queueId: string, ids: Record<string, string> = {}): string {
	let path = route.path.replace('{queueId}', encodeURIComponent(queueId));
	for (const [name, id] of Object.entries(ids)) path = path.replace(`{${name}}`, encodeURIComponent(id));
	return path;
}

const SESSION_ROUTES: ApiRoute[] = ['start', 'save', 'discard'].map((step) => ({
	method: 'POST',
	path: `${QUEUES_PATH}/{queueId}/edit/${step}`,
}));

/**
 * A Queue Item operation: each input item's change is sent to the live queue, into a given edit
 * session, or — "Start and Save One" — into a session the node starts for it and saves, or
 * discards when the change fails, so an active queue can be changed in one node. A create is made
 * once per item, also when n8n's Retry On Fail runs the node again.
 */
export function itemChangeOperation(route: ApiRoute, build: Build): Operation['run'] {
	// DELETE takes the location and the session in the query; a POST here makes an item.
	const method = route.method as IHttpRequestMethods;
	const effect = effectOfMethod(method);
	return withRoutes(
		async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const node = this.getNode();
			const run = runOf(this);
			// The queue paths hold no location: it goes in the body, or the query of a DELETE.
			const location = { locationId: LOCATION_PLACEHOLDER };
			return await runForEachItem.call(this, async (itemIndex) => {
				const scope = await run.scope(itemIndex);
				const send = async (verb: IHttpRequestMethods, path: string, fields: IDataObject, sent: RequestEffect) =>
					(
						await apiRequest.call(this, verb, path, {
							scope,
							effect: sent,
							...(verb === 'DELETE' ? { qs: { ...location, ...fields } } : { body: { ...location, ...fields } }),
						})
					).results as IDataObject;
				const queueId = pathSegment(node, 'Queue', this.getNodeParameter('queueId', itemIndex, '', { extractValue: true }));
				const queuePath = `${QUEUES_PATH}/${encodeURIComponent(queueId)}`;
				const request = await build.call(this, { itemIndex, scope });
				const setting = (name: string, fallback: unknown) => itemSetting(this, itemIndex, name, fallback);
				const session = setting('sessionMode', 'start');
				const mode = request.direct
					? 'none'
					: choice<SessionMode>(node, session.inOptions ? 'Options → Edit Session' : 'Edit Session', session.value, SESSION_MODE_OPTIONS);
				if (mode === 'none' && request.needsSession) {
					throw new NodeOperationError(
						node,
						`${session.inOptions ? 'Options → Edit Session' : 'Edit Session'}: this change needs an edit session; choose "Start and Save One" or "Existing Session" (or, to create, Direct to Queue)`,
						{
							description: 'HoopAI makes new and cloned items as drafts of an edit session.',
							itemIndex,
						},
					);
				}
				const change = async (sessionId?: string) => {
					const fields = { ...request.body, ...(sessionId ? { sessionId } : {}) };
					return await send(method, pathOf(route, queueId, request.ids), fields, effect);
				};
				const inOwnSession = async (keepInDraft: boolean, apply: (sessionId: string) => Promise<IDataObject>) => {
					const started = await send('POST', `${queuePath}/edit/start`, {}, 'idempotent');
					const sessionId = String(started.sessionId ?? '');
					// Start resumes a session someone left open: saving or discarding it would take their edits along.
					if (/resum/i.test(String(started.message ?? ''))) {
						throw new NodeOperationError(
							node,
							`${session.inOptions ? 'Options → Edit Session' : 'Edit Session'}: the queue already has an open edit session (${sessionId}); choose "Existing Session" with that ID, or save or discard it first`,
							{
								description: 'Someone is editing this queue: saving or discarding their session here would take their edits along.',
								itemIndex,
							},
						);
					}
					let result: IDataObject;
					try {
						result = await apply(sessionId);
					} catch (error) {
						await send('POST', `${queuePath}/edit/discard`, { sessionId }, 'idempotent').catch(() => undefined);
						throw asNodeError(node, error, itemIndex);
					}
					const saved = await send('POST', `${queuePath}/edit/save`, { sessionId, ...(keepInDraft ? { keepInDraft } : {}) }, 'idempotent');
					return {
						...result,
						editSession: { sessionId, saved: true, updatedSlots: saved.updatedSlots, totalPostsChanged: saved.totalPostsChanged },
					};
				};
				const carryOut = async (): Promise<IDataObject> => {
					if (mode === 'none') return await change();
					if (mode === 'existing') {
						const given = setting('editSessionId', '');
						const sessionId = pathSegment(node, given.inOptions ? 'Options → Session ID' : 'Session ID', given.value, SESSION_ID_SOURCE);
						return { ...(await change(sessionId)), sessionId };
					}
					const keepInDraft = Boolean(setting('keepQueueInDraft', true).value);
					return await inOwnSession(keepInDraft, change);
				};
				if (effect !== 'create') return await carryOut();
				const key = `${itemIndex} ${stableJson({ queueId, mode, request, sessionId: mode === 'existing' ? setting('editSessionId', '').value : '' })}`;
				return await createOnce(run, key, carryOut);
			});
		},
		[route, ...SESSION_ROUTES],
	);
}
