'use strict';
// The operations `npm run bench:n8n` measures, and the workflows it generates for them.
//
// Every operation is a section of a workflow:
//   <op> items (Set, one constant JSON array) → <op> split items (Split Out: N items, each $json
//   carrying what the request needs) → our node, and → the HTTP Request side (one or more nodes
//   in a chain) making the same call(s) with our credential type as its predefined credential.
// Both sides hang off the same Split Out; n8n's v1 execution order runs the higher node's branch
// completely first, so the order of the two sides is set by their canvas positions.
// Neither the item source nor the Split Out evaluates an expression; they are not measured.

const PACKAGE_NAME = 'n8n-nodes-hoopai-social-planner';
const OUR_TYPE = `${PACKAGE_NAME}.hoopAiSocialPlanner`;
const HTTP_TYPE = 'n8n-nodes-base.httpRequest';
const HTTP_VERSION = 4.5; // the node's defaultVersion (latest) in n8n 2.41.1
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Posts the benchmark adds to the sample data: with the sample's 13, Get Many returns 2 pages of 100. */
const BENCH_POSTS = 150;
const LIST_PAGE = 100;

/** Adds the benchmark's posts to the simulator (after a reset to 'sample'); returns the IDs it needs. */
function seedBenchData(sim) {
	const location = sim.control.state.locations.get(sim.locationId);
	const facebook = location.accounts.find((account) => account.platform === 'facebook' && !account.isExpired);
	const now = Date.parse(sim.control.now());
	const created = sim.control.seed({
		posts: Array.from({ length: BENCH_POSTS }, (_value, index) => ({
			status: 'scheduled',
			accountIds: [facebook.id],
			summary: `Benchmark post ${index + 1}`,
			scheduleDate: new Date(now + (index + 1) * HOUR).toISOString(),
		})),
	});
	return {
		now,
		facebookAccountId: facebook.id,
		postIds: created.posts.map((post) => post._id),
		categoryIds: location.categories.map((category) => category._id),
		totalPosts: location.posts.length,
	};
}

/**
 * The operations. Each: key, label, what the comparison is, the input items, our node's
 * parameters and the HTTP Request side (a chain of nodes: its time is their sum, its last node's
 * output must hold as many items as ours).
 */
function operations(ctx) {
	const { baseUrl, locationId, userId, refs, items, listItems } = ctx;
	const api = `${baseUrl}/social-media-posting/${locationId}`;
	const cycle = (list, index) => list[index % list.length];
	const credentialHttp = { authentication: 'predefinedCredentialType', nodeCredentialType: 'hoopAiApi' };
	const http = (name, parameters) => ({
		name,
		type: HTTP_TYPE,
		typeVersion: HTTP_VERSION,
		credentials: true,
		parameters: { ...credentialHttp, ...parameters, options: parameters.options ?? {} },
	});
	const splitOut = (name, field) => ({
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} },
	});
	const byId = (expression) => ({ __rl: true, mode: 'id', value: expression });
	const fromDate = new Date(refs.now - 30 * DAY).toISOString();
	const toDate = new Date(refs.now + 90 * DAY).toISOString();

	return [
		{
			key: 'post.get',
			label: 'Post → Get',
			singleRequest: true,
			comparison:
				'one GET /posts/{id} per item. Ours: Post ID = {{ $json.postId }}, outputs results.post. HTTP Request: URL with one expression ({{ $json.postId }}), outputs the whole body.',
			input: Array.from({ length: items }, (_v, i) => ({ postId: cycle(refs.postIds, i) })),
			// Simplify off on our side: the HTTP Request side outputs the API's post as it is.
			ours: { resource: 'post', operation: 'get', simple: false, postId: byId('={{ $json.postId }}') },
			http: [http('HTTP Request', { method: 'GET', url: `=${api}/posts/{{ $json.postId }}` })],
		},
		{
			key: 'post.getAll',
			label: 'Post → Get Many',
			singleRequest: false,
			comparison: `Return All of the location's posts (${refs.totalPosts} stored; pages of ${LIST_PAGE}, POST /posts/list with skip/limit in the body) for each of ${listItems} input items. HTTP Request: the same body, n8n's pagination (Update a Parameter: body skip = {{ String($pageCount * ${LIST_PAGE}) }}; complete when {{ $pageCount * ${LIST_PAGE} >= $response.body.results.count }}), then Split Out results.posts: the same items.`,
			input: Array.from({ length: listItems }, (_v, i) => ({ run: i + 1 })),
			ours: { resource: 'post', operation: 'getAll', returnAll: true, simple: false, filters: { fromDate, toDate } },
			http: [
				http('HTTP Request (paginated)', {
					method: 'POST',
					url: `${api}/posts/list`,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: JSON.stringify({ skip: '0', limit: String(LIST_PAGE), fromDate, toDate, includeUsers: 'false', type: 'all' }),
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'body', name: 'skip', value: `={{ String($pageCount * ${LIST_PAGE}) }}` }] },
								paginationCompleteWhen: 'other',
								completeExpression: `={{ $pageCount * ${LIST_PAGE} >= $response.body.results.count }}`,
							},
						},
					},
				}),
				splitOut('Split Out posts', 'results.posts'),
			],
		},
		{
			key: 'account.getAll',
			label: 'Account → Get Many',
			singleRequest: true,
			comparison:
				'one GET /accounts per item (defaults: accounts, Limit 50). HTTP Request: the same GET, then Split Out results.accounts: the same items.',
			input: Array.from({ length: items }, (_v, i) => ({ run: i + 1 })),
			ours: { resource: 'account', operation: 'getAll' },
			http: [http('HTTP Request', { method: 'GET', url: `${api}/accounts` }), splitOut('Split Out accounts', 'results.accounts')],
		},
		{
			key: 'category.get',
			label: 'Category → Get',
			singleRequest: true,
			comparison:
				'one GET /categories/{id} per item. Ours: Category = {{ $json.categoryId }}, outputs results.category. HTTP Request: URL with one expression, outputs the whole body.',
			input: Array.from({ length: items }, (_v, i) => ({ categoryId: cycle(refs.categoryIds, i) })),
			ours: { resource: 'category', operation: 'get', categoryId: byId('={{ $json.categoryId }}') },
			http: [http('HTTP Request', { method: 'GET', url: `=${api}/categories/{{ $json.categoryId }}` })],
		},
		{
			key: 'tag.getAll',
			label: 'Tag → Get Many',
			singleRequest: true,
			comparison:
				'one GET /tags?skip=0&limit=50 per item (defaults: Limit 50). HTTP Request: the same GET and query, then Split Out results.tags: the same items.',
			input: Array.from({ length: items }, (_v, i) => ({ run: i + 1 })),
			ours: { resource: 'tag', operation: 'getAll' },
			http: [
				http('HTTP Request', {
					method: 'GET',
					url: `${api}/tags`,
					sendQuery: true,
					specifyQuery: 'keypair',
					queryParameters: {
						parameters: [
							{ name: 'skip', value: '0' },
							{ name: 'limit', value: '50' },
						],
					},
				}),
				splitOut('Split Out tags', 'results.tags'),
			],
		},
		{
			key: 'post.create',
			label: 'Post → Create',
			singleRequest: false,
			comparison:
				'one POST /posts per item (scheduled Facebook text post). Ours: Accounts, Content and Schedule Date from $json, and one GET /accounts per run to check the post before sending it. HTTP Request: the same POST, the body one expression building the same JSON. Ours sends the items one after another (a custom operation); HTTP Request (like our routed operations) sends them all at once.',
			input: Array.from({ length: items }, (_v, i) => ({
				accountIds: [refs.facebookAccountId],
				summary: `Created by the benchmark, item ${i + 1}`,
				scheduleDate: new Date(refs.now + 2 * DAY + i * 60 * 1000).toISOString(),
			})),
			ours: {
				resource: 'post',
				operation: 'create',
				simple: false,
				accountIds: '={{ $json.accountIds }}',
				status: 'scheduled',
				scheduleDate: '={{ $json.scheduleDate }}',
				summary: '={{ $json.summary }}',
			},
			http: [
				http('HTTP Request', {
					method: 'POST',
					url: `${api}/posts`,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: `={{ { accountIds: $json.accountIds, type: "post", status: "scheduled", summary: $json.summary, scheduleDate: $json.scheduleDate, userId: ${JSON.stringify(userId)}, createdBy: ${JSON.stringify(userId)} } }}`,
				}),
			],
		},
		{
			key: 'post.update',
			label: 'Post → Update',
			singleRequest: false,
			comparison:
				"per item GET /posts/{id}, PUT /posts/{id} (whole post, new Content), GET /posts/{id}. Ours: Post ID and Content from $json, plus one GET /accounts per run. HTTP Request: three nodes (GET; PUT whose URL and body are one expression each, the body built from the GET answer and the item's new Content; GET), their times added. Ours runs the items one after another; each HTTP node sends its requests all at once.",
			input: Array.from({ length: items }, (_v, i) => ({
				postId: cycle(refs.postIds, i),
				summary: `Updated by the benchmark, item ${i + 1}`,
			})),
			ours: {
				resource: 'post',
				operation: 'update',
				simple: false,
				postId: byId('={{ $json.postId }}'),
				updateFields: { summary: '={{ $json.summary }}' },
			},
			http: [
				http('HTTP GET', { method: 'GET', url: `=${api}/posts/{{ $json.postId }}` }),
				http('HTTP PUT', {
					method: 'PUT',
					url: `=${api}/posts/{{ $json.results.post._id }}`,
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					// The writable part of the post as our node sends it back (see writablePost), new Content.
					jsonBody: `={{ (p => ({ accountIds: p.accountIds, type: p.type, status: p.status, summary: $("{SPLIT}").item.json.summary, media: p.media, tags: p.tags, userId: p.createdBy, createdBy: p.createdBy, scheduleDate: p.displayDate }))($json.results.post) }}`,
				}),
				http('HTTP GET again', { method: 'GET', url: `=${api}/posts/{{ $("{SPLIT}").item.json.postId }}` }),
			],
		},
	];
}

/**
 * The counter's check: an HTTP Request node without credential whose URL holds exactly one
 * expression, so the counter must see exactly one evaluation per item. It calls the simulator's
 * control surface (GET /__sim/clock: no auth, not in the request log).
 */
function counterCheck({ baseUrl, items }) {
	return {
		key: 'counter-check',
		label: 'expression counter check',
		input: Array.from({ length: items }, (_v, i) => ({ item: i + 1 })),
		ours: null,
		http: [
			{
				name: 'HTTP Request (no credential)',
				type: HTTP_TYPE,
				typeVersion: HTTP_VERSION,
				parameters: { method: 'GET', url: `=${baseUrl}/__sim/clock?item={{ $json.item }}`, options: {} },
			},
		],
	};
}

/** Node names of one section: prefixed with the operation key so a workflow can hold several. */
function sectionNames(op) {
	const prefix = `[${op.key}]`;
	return {
		items: `${prefix} items`,
		split: `${prefix} split items`,
		ours: op.ours ? `${prefix} HoopAI node` : null,
		http: op.http.map((node) => `${prefix} ${node.name}`),
	};
}

/**
 * A workflow running `sections` (operations) one after another, each side in `order`
 * ('ours-first' | 'http-first'). `before` are sections run first and not measured (warm-up, the
 * counter's check).
 */
function buildWorkflow({ id, name, sections, order, before = [], credential }) {
	const nodes = [];
	const connections = {};
	const connect = (from, to) => {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	let uuid = 0;
	const nodeId = () => `b0000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`;
	const trigger = 'Start';
	nodes.push({ id: nodeId(), name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} });
	const all = [...before, ...sections];
	all.forEach((op, sectionIndex) => {
		const names = op.names;
		// Sections run top to bottom (v1 order: the trigger's higher child first, depth first).
		const y = sectionIndex * 600;
		const credentials = { hoopAiApi: { id: credential.id, name: credential.name } };
		nodes.push({
			id: nodeId(),
			name: names.items,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, y],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items: op.input }), options: {} },
		});
		nodes.push({
			id: nodeId(),
			name: names.split,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, y],
			parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
		});
		connect(trigger, names.items);
		connect(names.items, names.split);
		const oursY = order === 'ours-first' ? y : y + 250;
		const httpY = order === 'ours-first' ? y + 250 : y;
		if (op.ours) {
			nodes.push({
				id: nodeId(),
				name: names.ours,
				type: OUR_TYPE,
				typeVersion: 1,
				position: [660, oursY],
				parameters: { authentication: 'accessToken', ...op.ours },
				credentials,
			});
			connect(names.split, names.ours);
		}
		let previous = names.split;
		op.http.forEach((node, index) => {
			const parameters = JSON.parse(JSON.stringify(node.parameters).split('{SPLIT}').join(names.split.replace(/"/g, '\\"')));
			nodes.push({
				id: nodeId(),
				name: names.http[index],
				type: node.type,
				typeVersion: node.typeVersion,
				position: [660 + index * 220, httpY],
				parameters,
				...(node.credentials ? { credentials } : {}),
			});
			connect(previous, names.http[index]);
			previous = names.http[index];
		});
	});
	return { id, name, nodes, connections, active: false, pinData: {}, settings: { executionOrder: 'v1' }, tags: [] };
}

module.exports = {
	operations,
	counterCheck,
	sectionNames,
	buildWorkflow,
	seedBenchData,
	OUR_TYPE,
	HTTP_TYPE,
	HTTP_VERSION,
	BENCH_POSTS,
	LIST_PAGE,
};
