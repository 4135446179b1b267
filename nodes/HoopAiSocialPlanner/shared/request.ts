import type { IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';
export const DEFAULT_API_VERSION = '2021-07-28';

// The token credential stores the location; an OAuth2 token carries it in its token data.
export const LOCATION_ID_EXPRESSION =
	'($credentials.locationId || ($credentials.oauthTokenData || {}).locationId)';

/** Routing URL of a location-scoped Social Planner path, e.g. locationPath('/accounts'). */
export function locationPath(path: string): string {
	return `=/social-media-posting/{{ encodeURIComponent(${LOCATION_ID_EXPRESSION}) }}${path}`;
}

/** Value of a `locationId` query or body field, for the endpoints that take it there. */
export const LOCATION_ID_VALUE = `={{ ${LOCATION_ID_EXPRESSION} }}`;

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
