// The API's endpoints as the project's issues list them (method + path, verbatim), shared by the
// simulator's coverage test and the node's route-coverage test.

export interface Endpoint {
	method: string;
	path: string;
}

function parse(list: string): Endpoint[] {
	return list
		.trim()
		.split('\n')
		.map((line) => {
			const [method, path] = line.trim().split(' ');
			return { method, path };
		});
}

/** The seed's 61 endpoints (issue 3). */
export const SEED_ENDPOINTS = parse(`
POST /social-media-posting/{locationId}/posts/list
POST /social-media-posting/{locationId}/posts
GET /social-media-posting/{locationId}/posts/{id}
PUT /social-media-posting/{locationId}/posts/{id}
DELETE /social-media-posting/{locationId}/posts/{id}
POST /social-media-posting/{locationId}/posts/bulk-delete
GET /social-media-posting/{locationId}/accounts
DELETE /social-media-posting/{locationId}/accounts/{id}
GET /social-media-posting/oauth/google/start
GET /social-media-posting/oauth/{locationId}/google/locations/{accountId}
POST /social-media-posting/oauth/{locationId}/google/locations/{accountId}
GET /social-media-posting/oauth/facebook/start
GET /social-media-posting/oauth/{locationId}/facebook/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/facebook/accounts/{accountId}
GET /social-media-posting/oauth/instagram/start
GET /social-media-posting/oauth/{locationId}/instagram/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/instagram/accounts/{accountId}
GET /social-media-posting/oauth/linkedin/start
GET /social-media-posting/oauth/{locationId}/linkedin/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/linkedin/accounts/{accountId}
GET /social-media-posting/oauth/twitter/start
GET /social-media-posting/oauth/{locationId}/twitter/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/twitter/accounts/{accountId}
GET /social-media-posting/oauth/tiktok/start
GET /social-media-posting/oauth/{locationId}/tiktok/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/tiktok/accounts/{accountId}
GET /social-media-posting/oauth/tiktok-business/start
GET /social-media-posting/oauth/{locationId}/tiktok-business/accounts/{accountId}
GET /social-media-posting/oauth/{platform}/start
GET /social-media-posting/oauth/{locationId}/{platform}/accounts/{accountId}
POST /social-media-posting/oauth/{locationId}/{platform}/accounts/{accountId}
POST /social-media-posting/{locationId}/csv
GET /social-media-posting/{locationId}/csv
POST /social-media-posting/{locationId}/set-accounts
GET /social-media-posting/{locationId}/csv/{id}
PATCH /social-media-posting/{locationId}/csv/{id}
DELETE /social-media-posting/{locationId}/csv/{id}
DELETE /social-media-posting/{locationId}/csv/{csvId}/post/{postId}
GET /social-media-posting/{locationId}/categories
GET /social-media-posting/{locationId}/categories/{id}
GET /social-media-posting/{locationId}/tags
POST /social-media-posting/{locationId}/tags/details
POST /social-media-posting/statistics
GET /social-media-posting/category/queues/available-categories
POST /social-media-posting/category/queues
POST /social-media-posting/category/queues/list
POST /social-media-posting/category/queues/list/calendar
GET /social-media-posting/category/queues/{queueId}
PUT /social-media-posting/category/queues/{queueId}
DELETE /social-media-posting/category/queues/{queueId}/active-post
POST /social-media-posting/category/queues/{queueId}/items
POST /social-media-posting/category/queues/{queueId}/create/item
DELETE /social-media-posting/category/queues/{queueId}/items/{itemId}
PUT /social-media-posting/category/queues/{queueId}/items/{itemId}
PUT /social-media-posting/category/queues/{queueId}/items/{itemId}/reset
POST /social-media-posting/category/queues/{queueId}/items/{itemId}/clone
POST /social-media-posting/category/queues/{queueId}/slots
POST /social-media-posting/category/queues/{queueId}/edit/start
POST /social-media-posting/category/queues/{queueId}/edit/save
POST /social-media-posting/category/queues/{queueId}/edit/discard
POST /social-media-posting/category/queues/{queueId}/edit/calendar
`);

/** The v3 Comments API (issue 4 adds it beyond the seed). */
export const COMMENT_ENDPOINTS = parse(`
POST /social-media-posting/comments/{platform}/list
POST /social-media-posting/comments/{platform}
POST /social-media-posting/comments/{platform}/{id}/like
DELETE /social-media-posting/comments/{platform}/{id}/like
`);

/** The media upload (issue 12): Media → Upload, and binary media of Post Create and Update. */
export const MEDIA_ENDPOINTS = parse(`
POST /medias/upload-file
`);

export const key = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

/** The agency endpoints of the OAuth spec (oauth.json) agency mode uses: its Location list and token exchange. */
export const AGENCY_ENDPOINTS = parse(`
GET /oauth/installedLocations
POST /oauth/locationToken
`);

/**
 * The Users API's location list (users.json; deprecated there for GET /users/search), which the
 * User dropdowns and an agency post's default creator read.
 */
export const USERS_ENDPOINTS = parse(`
GET /users/
`);
