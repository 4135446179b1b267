import { describe, expect, it } from '@jest/globals';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { loadPackage } from '../harness/package-classes';
import { printFigures } from '../helpers/report';
import {
	AGENCY_ENDPOINTS,
	COMMENT_ENDPOINTS,
	key,
	MEDIA_ENDPOINTS,
	SEED_ENDPOINTS,
	USERS_ENDPOINTS,
	type Endpoint,
} from '../helpers/endpoints';

// How routing URLs name their path parameters (node parameter names), mapped to the spec's names.
const PATH_PARAMETERS: Record<string, string> = {
	locationId: '{locationId}',
	accountId: '{id}',
	postId: '{id}',
	categoryId: '{id}',
	commentId: '{id}',
	csvId: '{id}',
	platform: '{platform}',
	// Category queues: the sub-resources' queue, Category Queue's own Queue field, the item; the
	// active post is a post ID though the list names that segment {queueId} (the spec: {postId}).
	queueId: '{queueId}',
	queue: '{queueId}',
	itemId: '{itemId}',
	activePostId: '{queueId}',
	oauthAccountId: '{accountId}',
};

/** A routing URL as a spec path: each {parameter} placeholder becomes the spec's name for it. */
function specPath(url: string): string {
	expect(url.startsWith('=')).toBe(false); // an expression in a URL is evaluated for every item
	return url.replace(/\{(\w+)\}/g, (_whole, parameter: string) => PATH_PARAMETERS[parameter] ?? `{?${parameter}}`);
}

/** Every (resource, operation, method, path) the node can send, from its description and custom operations. */
function nodeRoutes(nodeType: INodeType): Array<Endpoint & { operation: string }> {
	const routes: Array<Endpoint & { operation: string }> = [];
	for (const property of nodeType.description.properties as INodeProperties[]) {
		if (property.name !== 'operation') continue;
		const resource = property.displayOptions?.show?.resource?.[0] as string;
		for (const option of property.options as INodePropertyOptions[]) {
			const operation = `${resource}.${String(option.value)}`;
			const custom = nodeType.customOperations?.[resource]?.[String(option.value)] as { routes?: Endpoint[] } | undefined;
			if (custom) {
				// Declared, and empty only for an operation that sends nothing (Build CSV from Items).
				expect(Array.isArray(custom.routes)).toBe(true);
				routes.push(...(custom.routes ?? []).map((route) => ({ ...route, operation })));
				continue;
			}
			const request = option.routing?.request;
			expect(request?.method && request.url).toBeTruthy();
			routes.push({ method: String(request!.method), path: specPath(String(request!.url)), operation });
			// A pagination function may send other requests than the operation's (it declares them).
			const pagination = option.routing?.operations?.pagination as { routes?: Endpoint[] } | undefined;
			routes.push(...(pagination?.routes ?? []).map((route) => ({ ...route, operation })));
		}
	}
	return routes;
}

describe('route coverage of the HoopAI Social Planner node', () => {
	// The Social Planner's own groups; the connect flow, CSV imports and category queues each have their own test below.
	// Anchored: the OAuth flow's `/oauth/{locationId}/{platform}/accounts/…` is not issue 4's accounts group.
	const plannerGroups = /^\/social-media-posting\/(\{locationId\}\/)?(posts|accounts|categories|tags|statistics|comments)(\/|$)/;
	const queueEndpoints = SEED_ENDPOINTS.filter((endpoint) => endpoint.path.startsWith('/social-media-posting/category/queues'));
	const documented = new Set(
		[...SEED_ENDPOINTS, ...COMMENT_ENDPOINTS, ...MEDIA_ENDPOINTS, ...AGENCY_ENDPOINTS, ...USERS_ENDPOINTS].map(key),
	);
	const expected = [...SEED_ENDPOINTS, ...COMMENT_ENDPOINTS].filter((endpoint) => plannerGroups.test(endpoint.path));

	it('sends only documented endpoints (none invented)', async () => {
		const { nodeTypes } = await loadPackage();
		const routes = nodeRoutes(nodeTypes['n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner']);
		const invented = routes.filter((route) => !documented.has(key(route)));
		expect(invented).toEqual([]);
	});

	it('covers every posts, accounts, categories, tags, statistics and comments endpoint', async () => {
		const { nodeTypes } = await loadPackage();
		const sent = new Set(nodeRoutes(nodeTypes['n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner']).map(key));
		expect(expected).toHaveLength(17);
		expect(expected.filter((endpoint) => !sent.has(key(endpoint)))).toEqual([]);
	});

	it('covers every CSV import endpoint', async () => {
		const { nodeTypes } = await loadPackage();
		const sent = new Set(nodeRoutes(nodeTypes['n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner']).map(key));
		const csvEndpoints = SEED_ENDPOINTS.filter((endpoint) => /\/(csv|set-accounts)(\/|$)/.test(endpoint.path));
		expect(csvEndpoints).toHaveLength(7);
		expect(csvEndpoints.filter((endpoint) => !sent.has(key(endpoint)))).toEqual([]);
	});

	it('covers all 18 category-queue endpoints', async () => {
		const { nodeTypes } = await loadPackage();
		const sent = new Set(nodeRoutes(nodeTypes['n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner']).map(key));
		expect(queueEndpoints).toHaveLength(18);
		expect(queueEndpoints.filter((endpoint) => !sent.has(key(endpoint)))).toEqual([]);
	});

	it('covers every endpoint of the OAuth connect flow (23) but X’s three, and the media upload', async () => {
		const { nodeTypes } = await loadPackage();
		const routes = nodeRoutes(nodeTypes['n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner']);
		const sent = new Set(routes.map(key));
		const connectFlow = SEED_ENDPOINTS.filter((endpoint) => endpoint.path.startsWith('/social-media-posting/oauth/'));
		expect(connectFlow).toHaveLength(23);
		const covered = [...connectFlow, ...MEDIA_ENDPOINTS].filter((endpoint) => sent.has(key(endpoint)));
		printFigures('Route coverage: Account Connection and Media', {
			covered: `${covered.length} of ${connectFlow.length + MEDIA_ENDPOINTS.length}`,
			...Object.fromEntries(covered.map((endpoint, index) => [`${index + 1}`, key(endpoint)])),
		});
		// X (Twitter)'s v2 paths are not sent: HighLevel stopped X on 2024-12-04, so the node does not offer it.
		expect(connectFlow.filter((endpoint) => !sent.has(key(endpoint))).map(key)).toEqual([
			'GET /social-media-posting/oauth/twitter/start',
			'GET /social-media-posting/oauth/{locationId}/twitter/accounts/{accountId}',
			'POST /social-media-posting/oauth/{locationId}/twitter/accounts/{accountId}',
		]);
		expect(covered).toHaveLength(21);
		// Each operation of the flow declares the routes it builds: start, list, attach.
		const byOperation = (operation: string) => routes.filter((route) => route.operation === operation).map(key);
		expect(byOperation('accountConnection.getConnectUrl').filter((route) => route.endsWith('/start'))).toHaveLength(7);
		expect(byOperation('accountConnection.getAvailableAccounts')).toHaveLength(7);
		expect(
			byOperation('accountConnection.attachAccounts').filter((route) => route.startsWith('POST /social-media-posting/oauth/')),
		).toHaveLength(6);
	});
});
