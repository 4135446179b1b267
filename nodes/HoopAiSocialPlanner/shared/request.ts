import type { IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';
export const DEFAULT_API_VERSION = '2021-07-28';

// The token credential stores the location; an OAuth2 token carries it in its token data.
const LOCATION_ID = '{{ encodeURIComponent($credentials.locationId || $credentials.oauthTokenData.locationId) }}';

/** Routing URL of a location-scoped Social Planner path, e.g. locationPath('/accounts'). */
export function locationPath(path: string): string {
	return `=/social-media-posting/${LOCATION_ID}${path}`;
}

/** Applied to every request the node sends: API host, Version header, JSON. */
export const requestDefaults: Partial<IHttpRequestOptions> = {
	baseURL: `={{ $credentials.baseUrl || "${DEFAULT_BASE_URL}" }}`,
	headers: {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Version: `={{ $credentials.apiVersion || "${DEFAULT_API_VERSION}" }}`,
	},
	json: true,
};
