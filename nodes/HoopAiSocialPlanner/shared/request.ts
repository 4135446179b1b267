import type { IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';
export const DEFAULT_API_VERSION = '2021-07-28';

/**
 * Where a request needs the location: in a path, or as the value of a `locationId` query or body
 * field. The send path fills it with the location of the request's scope (send.ts: fillLocation);
 * for routed operations the `applyConnection` hook does (n8n 1.x does not pass $credentials to
 * operation routing, so no expression reads it).
 */
export const LOCATION_PLACEHOLDER = '{locationId}';

/**
 * Routing URL of a location-scoped Social Planner path, e.g. locationPath('/posts/{postId}').
 * A plain string, not an expression: n8n evaluates every routing expression once per item, while
 * the `{…}` placeholders are filled by hooks that read each value once (see routing.ts).
 */
export function locationPath(path: string): string {
	return `/social-media-posting/${LOCATION_PLACEHOLDER}${path}`;
}

/**
 * Applied to every request the node's routing builds. Static on purpose: n8n's RoutingNode
 * evaluates each expression here for every item, twice for `baseURL`. The credential's host and
 * Version header are set by the `applyConnection` hook instead, once per item without an
 * expression. HTTP errors are let through so the user sees the API's own message and traceId
 * (the send path lets an OAuth2 token's 401 throw instead, so n8n can refresh it).
 */
export const requestDefaults: Partial<IHttpRequestOptions> = {
	baseURL: DEFAULT_BASE_URL,
	headers: {
		Accept: 'application/json',
		'Content-Type': 'application/json',
	},
	json: true,
	ignoreHttpStatusErrors: true,
};
