import type { IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';
export const DEFAULT_API_VERSION = '2021-07-28';

/**
 * Where a request needs the location: in a path, or as the value of a `locationId` query or body
 * field. The `injectLocation` hook of every routed operation replaces it with the credential's
 * location (n8n 1.x does not pass $credentials to operation routing, so no expression reads it).
 */
export const LOCATION_PLACEHOLDER = '{locationId}';

/** Routing URL of a location-scoped Social Planner path, e.g. locationPath('/accounts'). */
export function locationPath(path: string): string {
	return `=/social-media-posting/${LOCATION_PLACEHOLDER}${path}`;
}

/**
 * Applied to every request the node sends: API host, Version header, JSON.
 * HTTP errors are let through to the `throwApiError` hook so the user sees the API's own
 * message and traceId; an OAuth2 token's 401 still throws, so n8n can refresh the token.
 */
export const requestDefaults: Partial<IHttpRequestOptions> = {
	baseURL: `={{ $credentials.baseUrl || "${DEFAULT_BASE_URL}" }}`,
	headers: {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Version: `={{ $credentials.apiVersion || "${DEFAULT_API_VERSION}" }}`,
	},
	json: true,
	ignoreHttpStatusErrors:
		'={{ $credentials.oauthTokenData ? { "ignore": true, "except": [401] } : true }}' as unknown as boolean,
};
