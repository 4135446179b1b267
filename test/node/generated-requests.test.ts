import { afterAll, expect, it } from '@jest/globals';
import type { IDataObject, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { VARIED_TYPES, variantsOf, type Samples, type Variant } from '../helpers/description-variants';
import { actionNodeProperties } from '../helpers/node-description';
import { loadSpecs } from '../helpers/reference';
import { printFigures } from '../helpers/report';
import { itSentOnlyDocumentedRequests, locationOf, tokenCredentials, useSampleSimulator } from '../helpers/simulator';
import { describeWithSpec, specProblems } from '../helpers/spec-check';
import type { LoggedRequest } from '../simulator';
import { makeItem, placeItem, startSession } from '../simulator/queue-model';

/**
 * The class check for "requests that break the spec": every option of every field the node
 * offers — each network's Platform Options, Additional Fields, Update Fields, every dropdown of
 * every operation — is walked from the node's own description (so a new option is covered
 * without a new case), sent through n8n-core to the simulator, and each request validated
 * against the v3 spec, including those the simulator refuses.
 */
const specs = loadSpecs();
const V3 = 'social-planner-v3.json';
const LATER = '2030-06-01T09:30:00.000Z';
// The edit session the queue operations' samples name (opened under this ID when a run needs it).
const SESSION = '65f0c0de00000000000e5510';
// The node's own media rules (validatePost.ts): these networks' posts carry a video here.
const NEEDS_VIDEO = ['instagram', 'tiktok', 'youtube', 'pinterest'];

type Schema = { properties?: Record<string, IDataObject>; required?: string[] };

/** The fields the v3 spec requires in a `…PostDetails` object of the create/edit body. */
function requiredDetails(detailsKey: string): string[] {
	const schemas = specs![V3].components.schemas as Record<string, Schema>;
	const property = schemas.CreatePostDTO.properties![detailsKey] as { allOf?: Array<{ $ref: string }> };
	const name = property.allOf![0].$ref.replace('#/components/schemas/', '');
	return schemas[name].required ?? [];
}

/** Plain objects merge (a variant's Additional Fields join the base's); anything else replaces. */
function merge(base: IDataObject, extra: IDataObject): IDataObject {
	const out: IDataObject = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const current = out[key];
		const bothObjects = [current, value].every((item) => item && typeof item === 'object' && !Array.isArray(item));
		out[key] = bothObjects ? merge(current as IDataObject, value as IDataObject) : value;
	}
	return out;
}

describeWithSpec('generated from the node description: every option makes requests the v3 spec accepts', () => {
	// Hundreds of runs in a few seconds: lift the burst limit (its own tests are elsewhere).
	const sim = useSampleSimulator((started) => started.control.setRateLimit({ max: 1_000_000 }));
	const figures: Record<string, number> = {};
	afterAll(() => {
		const bodies = Object.entries(figures).filter(([name]) => name.endsWith('bodies validated'));
		figures['all: bodies validated'] = bodies.reduce((sum, [, count]) => sum + count, 0);
		printFigures('Requests generated from the node description, validated against the v3 spec', figures);
	});

	const location = () => locationOf(sim());
	const account = (platform: string) =>
		location().accounts.find((candidate: IDataObject) => candidate.platform === platform) as IDataObject;
	const samples = (): Samples => ({
		loadOptions: {
			getAccounts: [account('facebook').id],
			getCategories: location().categories[0]._id,
			getTags: [location().tags[0]._id],
			getUsers: sim().userId,
			getProfiles: [account('facebook').profileId],
			getCommentAccounts: [account('facebook').originId],
			getTimezones: 'Europe/Berlin',
		},
		text: {
			'items.url': 'https://cdn.example.com/sample.mp4',
			// Media from a binary field needs an input binary (test/node/media.test.ts): by URL here.
			'items.binaryPropertyName': '',
			url: 'https://example.com/offer',
			link: 'https://example.com/pin',
			metaLink: 'https://example.com/article',
			metaImage: 'https://cdn.example.com/og.jpg',
			redeemOnlineUrl: 'https://example.com/redeem',
			termsConditions: 'https://example.com/terms',
			thumbnail: 'https://cdn.example.com/cover.jpg',
			collaborators: 'partner_one, partner_two',
			pollOptions: 'Yes, No',
			boards: '1234567890',
			textFormatPresetId: '303063890126415',
			time: '09:00',
			sessionId: SESSION,
			startDate: '2030-06-01T10:00:00',
			endDate: '2030-06-08T18:00:00',
			scheduleDate: '2030-07-01T10:00:00',
			fromDate: '2030-01-01T00:00:00Z',
			toDate: '2030-12-31T00:00:00Z',
			// IDs are checked before sending (test/node/bad-inputs.test.ts): these must look like IDs.
			parentId: String((location().comments as IDataObject[])[0]._id),
			userId: sim().userId,
			companyId: 'Cmp1EI6YIgQYMQi0ytFXv',
			// CSV Import (issue 13): its files, output field and file timezone.
			fileName: 'posts.csv',
			binaryPropertyName: 'data',
			fileTimezone: 'Europe/Berlin',
		},
		// Media with Source Binary File need an input binary (test/node/media.test.ts): by URL here.
		options: { 'items.source': ['url'] },
	});

	/** The properties an operation shows, with the extra display conditions each needs. */
	async function propertiesOf(resource: string, operation: string): Promise<INodeProperties[]> {
		return (await actionNodeProperties()).filter((property) => {
			const show = property.displayOptions?.show;
			return (
				!['resource', 'operation'].includes(property.name) &&
				VARIED_TYPES.includes(property.type) &&
				(show?.resource ?? []).includes(resource) &&
				(!show?.operation || show.operation.includes(operation))
			);
		});
	}

	/** What the variant's property needs shown (e.g. Compare needs Period = Custom). */
	function displayConditions(property: INodeProperties): INodeParameters {
		const show = property.displayOptions?.show ?? {};
		return Object.fromEntries(
			Object.entries(show)
				.filter(([name]) => !['resource', 'operation'].includes(name))
				.map(([name, values]) => [name, (values as INodeParameters[])[0]]),
		) as INodeParameters;
	}

	interface Run {
		label: string;
		variant: Variant;
		sent: LoggedRequest[];
		error?: { name?: string; message?: string };
	}

	/** Runs every variant of every property of an operation; `base` gives the rest of the parameters. */
	async function runAll(resource: string, operation: string, base: (variant: Variant) => INodeParameters): Promise<Run[]> {
		const runs: Run[] = [];
		for (const property of await propertiesOf(resource, operation)) {
			for (const variant of variantsOf(property, samples())) {
				const parameters = merge(merge(base(variant), displayConditions(property) as IDataObject), {
					[property.name]: variant.value,
				} as IDataObject);
				const before = sim().control.requests().length;
				const { error } = await runNode({
					parameters: { resource, operation, ...parameters } as INodeParameters,
					credentials: tokenCredentials(sim()),
				});
				runs.push({ label: `${resource} → ${operation}: ${variant.label}`, variant, sent: sim().control.requests().slice(before), error });
			}
		}
		return runs;
	}

	/** Every request of the runs against the spec; counts them (and those with a body) in the figures. */
	function specProblemsOf(runs: Run[], name: string): string[] {
		const requests = runs.flatMap((run) => run.sent.map((request) => ({ run, request })));
		figures[`${name}: runs`] = runs.length;
		figures[`${name}: requests validated`] = requests.length;
		figures[`${name}: bodies validated`] = requests.filter(({ request }) => request.body !== undefined).length;
		return requests.flatMap(({ run, request }) => specProblems(request).map((problem) => `${run.label}: ${problem}`));
	}

	/** Field values that no accepted run sent (a sample to add, or a rule that refuses it everywhere). */
	function uncovered(runs: Run[], accepted: (run: Run) => boolean): string[] {
		const covered = new Set(runs.filter(accepted).flatMap((run) => run.variant.leaves));
		return [...new Set(runs.flatMap((run) => run.variant.leaves))].filter((value) => !covered.has(value));
	}

	/**
	 * The checks of post bodies: the node either sends one body the API accepts or stops with a
	 * NodeOperationError before sending; a network added with nothing set sends only what the
	 * spec requires, and one option set adds at most one field to its details.
	 */
	function postBodyProblems(runs: Run[], write: (request: LoggedRequest) => boolean, name: string): string[] {
		const problems = specProblemsOf(runs, name);
		let refused = 0;
		for (const run of runs) {
			const writes = run.sent.filter(write);
			if (run.error) {
				refused += 1;
				// Refused by the node itself: nothing written, and no API answer behind the error.
				const answered = run.sent.some((request) => Number(request.status) >= 300);
				if (run.error.name !== 'NodeOperationError' || writes.length || answered)
					problems.push(`${run.label}: ${run.error.name} ${run.error.message}`);
				continue;
			}
			const body = writes[0]?.body as IDataObject;
			if (writes.length !== 1 || Number(writes[0].status) >= 300) {
				problems.push(`${run.label}: expected one accepted write, got ${writes.map((request) => request.status).join(', ')}`);
				continue;
			}
			if (run.variant.groups.length !== 1 || run.variant.kind === 'together' || !run.variant.label.includes('platformOptions')) continue;
			const detailsKey = Object.keys(body).find((key) => key.endsWith('PostDetails'))!;
			const required = requiredDetails(detailsKey);
			const extra = Object.keys(body[detailsKey] as IDataObject).filter(
				(key) => !required.includes(key) && !(run.variant.conditions ?? []).includes(key),
			);
			if (run.variant.kind === 'untouched' ? extra.length > 0 : extra.length > 1) {
				problems.push(`${run.label}: ${detailsKey} sends ${extra.join(', ')}, which the user did not set`);
			}
		}
		figures[`${name}: refused before sending (NodeOperationError)`] = refused;
		const notSent = uncovered(runs, (run) => !run.error);
		return [...problems, ...notSent.map((value) => `${name}: no accepted body carried ${value}`)];
	}

	/** The accounts a variant posts to: those of the networks it sets options for, else Facebook. */
	const networksOf = (variant: Variant) =>
		variant.groups.length && variant.label.includes('platformOptions') ? variant.groups : ['facebook'];
	const videoFor = (networks: string[]) => networks.some((network) => NEEDS_VIDEO.includes(network));

	it('Post → Create: every option of every network and field, alone and together', async () => {
		const runs = await runAll('post', 'create', (variant) => {
			const networks = networksOf(variant);
			return {
				accountIds: networks.map((network) => account(network).id as string),
				status: 'scheduled',
				scheduleDate: '2030-06-01T09:30:00',
				timezone: 'UTC',
				summary: 'Fresh roast on Monday',
				...(videoFor(networks) ? { media: { items: [{ url: 'https://cdn.example.com/clip.mp4' }] } } : {}),
				additionalFields: { approval: { details: { approver: sim().userId } } },
			};
		});
		const problems = postBodyProblems(runs, (request) => request.method === 'POST' && request.path.endsWith('/posts'), 'Post → Create');
		expect(problems).toEqual([]);
	}, 180_000);

	it('Post → Update: every Update Field, alone and together', async () => {
		const runs = await runAll('post', 'update', (variant) => {
			const networks = networksOf(variant);
			const [post] = sim().control.seed({
				posts: [
					{
						status: 'scheduled',
						accountIds: networks.map((network) => account(network).id),
						summary: 'Fresh roast on Monday',
						scheduleDate: LATER,
						media: videoFor(networks) ? [{ url: 'https://cdn.example.com/clip.mp4', type: 'video/mp4' }] : [],
						postApprovalDetails: { approver: sim().userId, approvalStatus: 'pending' },
					},
				],
			}).posts as IDataObject[];
			return { postId: { __rl: true, mode: 'id', value: String(post._id) } };
		});
		const problems = postBodyProblems(runs, (request) => request.method === 'PUT', 'Post → Update');
		expect(problems).toEqual([]);
	}, 180_000);

	it('every other operation: each value of each dropdown, toggle and filter', async () => {
		const [comment] = location().comments as IDataObject[];
		// Category queues: the seeded queue, a new item for each change, the sample session opened when used.
		const queue = () => location().queues[0];
		const queueRef = () => ({ __rl: true, mode: 'id', value: String(queue()._id) });
		const newCategory = () => String((sim().control.seed({ categories: [{ name: 'Evergreen' }] }).categories as IDataObject[])[0]._id);
		const calendar = { calendarStartDate: '2030-06-01T00:00:00', calendarEndDate: '2030-06-08T00:00:00' };
		const openSession = () => {
			location().sessions.clear();
			startSession(sim(), location(), queue()).session.sessionId = SESSION;
			return {};
		};
		const itemChange = (variant: Variant): INodeParameters => {
			const item = makeItem(sim(), location(), queue(), { variations: [{ content: 'Spare tip' }] });
			location().queueItems.push(item);
			placeItem(
				location().queueItems.filter((candidate: IDataObject) => candidate.queueId === queue()._id && !candidate.deleted),
				item,
				'bottom',
			);
			location().sessions.clear();
			if (variant.leaves.some((leaf) => leaf.endsWith('sessionMode="existing"'))) openSession();
			return { queueId: queueRef(), itemId: String(item._id), editSessionId: SESSION, queueItemOptions: { editSessionId: SESSION } };
		};
		const bases: Record<string, (variant: Variant) => INodeParameters> = {
			'account.delete': () => {
				const [created] = sim().control.seed({ accounts: [{ platform: 'facebook', name: 'Spare page' }] }).accounts as IDataObject[];
				return { accountId: { __rl: true, mode: 'id', value: String(created.id) } };
			},
			'account.getAll': () => ({}),
			'post.get': () => ({ postId: { __rl: true, mode: 'id', value: String(location().posts[0]._id) } }),
			'post.getAll': () => ({}),
			'category.getAll': () => ({}),
			'tag.getAll': () => ({}),
			'tag.getByIds': () => ({}),
			'statistics.get': () => ({
				profileIds: location()
					.accounts.filter((candidate: IDataObject) => !candidate.isExpired)
					.map((candidate: IDataObject) => candidate.profileId),
				startDate: '2030-01-01T00:00:00Z',
				endDate: '2030-01-08T00:00:00Z',
			}),
			'comment.create': () => ({ parentId: String(comment._id), isParentThread: false, content: 'Thanks!' }),
			'comment.getAll': () => ({ originIds: [String(account('facebook').originId)] }),
			'comment.like': () => ({ commentId: String(comment._id) }),
			'comment.unlike': () => ({ commentId: String(comment._id) }),
			'categoryQueue.create': () => ({
				queueCategory: { __rl: true, mode: 'id', value: newCategory() },
				timeSlots: { slots: [{ dayOfWeek: 1, time: '09:00' }] },
			}),
			'categoryQueue.getCalendar': () => ({ ...calendar }),
			'categoryQueue.update': () => ({ queue: queueRef() }),
			'queueItem.clone': (variant) => ({ ...itemChange(variant), cloneOrder: 1 }),
			'queueItem.create': (variant) => ({ ...itemChange(variant), queueContent: 'Evergreen tip' }),
			'queueItem.delete': (variant) => itemChange(variant),
			'queueItem.getAll': () => ({ queueId: queueRef(), ...openSession() }),
			'queueItem.reset': (variant) => itemChange(variant),
			'queueItem.update': (variant) => ({ ...itemChange(variant), queueContent: 'Spare tip, again' }),
			'queueSlot.getAll': () => ({ queueId: queueRef(), ...openSession() }),
			'queueEditSession.discard': () => ({ queueId: queueRef(), sessionId: SESSION, ...openSession() }),
			'queueEditSession.getCalendar': () => ({ queueId: queueRef(), sessionId: SESSION, ...calendar, ...openSession() }),
			'queueEditSession.save': () => ({ queueId: queueRef(), sessionId: SESSION, ...openSession() }),
			'accountConnection.getAvailableAccounts': (variant) => {
				// A login of the network the variant lists (Bluesky's start is refused: an unknown login, 404).
				const platform = /availablePlatform="([^"]+)"/.exec(variant.leaves.join(' '))?.[1] ?? 'facebook';
				const url = `${sim().url}/social-media-posting/oauth/${platform}/start?locationId=${sim().locationId}&userId=${sim().userId}`;
				const oauthAccountId = platform === 'bluesky' ? '65f0c0de00000000000000ff' : sim().control.completeConnect(url).accountId;
				return { loginFrom: 'fields', availablePlatform: platform, oauthAccountId };
			},
		};
		// Sent nothing or need input items, so checked in their own tests: Get Connect URL and Build
		// Connect Page only build a URL or a page, Attach Accounts takes the previous node's items,
		// Media → Upload a binary field (test/node/account-connection.test.ts,
		// test/node/connect-page.test.ts, test/node/media.test.ts).
		const ownTests = [
			'accountConnection.getConnectUrl',
			'accountConnection.buildConnectPage',
			'accountConnection.attachAccounts',
			'media.upload',
		];
		// Values that read the login from the input item (a connect page's callback): test/node/connect-page.test.ts.
		const fromInputItem = ['loginFrom="connectPage"'];
		const operations = (await actionNodeProperties())
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ value: string }>).map(
					(option) => `${String(property.displayOptions!.show!.resource![0])}.${option.value}`,
				),
			)
			.filter((operation) => !['post.create', 'post.update', ...ownTests].includes(operation))
			// CSV Import reads files and makes imports first: its own case below.
			.filter((operation) => !operation.startsWith('csvImport.'));
		const problems: string[] = [];
		const runs: Run[] = [];
		for (const operation of operations) {
			const [resource, name] = operation.split('.');
			if ((await propertiesOf(resource, name)).length === 0) continue;
			if (!bases[operation]) {
				problems.push(`${operation}: add a base for this operation`);
				continue;
			}
			runs.push(...(await runAll(resource, name, bases[operation])));
		}
		problems.push(...specProblemsOf(runs, 'Other operations'));
		// The sample IDs are Facebook's, so other networks may answer 404; a 400 or 422 means a bad request.
		const refused = runs.flatMap((run) =>
			run.sent
				.filter((request) => [400, 422].includes(Number(request.status)))
				.map((request) => `${run.label}: answered ${request.status}`),
		);
		problems.push(...refused);
		problems.push(
			...uncovered(runs, (run) => run.sent.length > 0)
				.filter((value) => !fromInputItem.includes(value))
				.map((value) => `no request was sent with ${value}`),
		);
		expect(problems).toEqual([]);
	}, 180_000);

	it('CSV Import: each value of each dropdown, toggle and option, with a file where one is read', async () => {
		const csvFile = (): INodeExecutionData => {
			const text =
				'postAtSpecificTime (YYYY-MM-DD HH:mm:ss),content,link (OGmetaUrl),imageUrls,gifUrl,videoUrls\n2030-06-01 10:00:00,Fresh roast,,https://cdn.example.com/a.jpg,,\n';
			return { json: {}, binary: { data: { data: Buffer.from(text).toString('base64'), mimeType: 'text/csv', fileName: 'posts.csv' } } };
		};
		const node = async (parameters: INodeParameters, inputItems?: INodeExecutionData[]) =>
			await runNode({ parameters: { resource: 'csvImport', ...parameters }, credentials: tokenCredentials(sim()), inputItems });
		/** An import waiting for review (Import Posts with Review Before Scheduling). */
		const pendingImport = async () => {
			const { items } = await node({ operation: 'importPosts', csvAccountIds: [account('facebook').id as string], review: true }, [
				csvFile(),
			]);
			return String(items[0].json.csvId);
		};
		const facebook = () => [account('facebook').id as string];
		const bases: Record<string, () => Promise<{ parameters: INodeParameters; inputItems?: INodeExecutionData[] }>> = {
			buildCsv: async () => ({ parameters: { dateTime: '2030-06-01 10:00', csvText: 'Fresh roast' } }),
			upload: async () => ({ parameters: {}, inputItems: [csvFile()] }),
			importPosts: async () => ({ parameters: { csvAccountIds: facebook() }, inputItems: [csvFile()] }),
			setAccounts: async () => {
				const { items } = await node({ operation: 'upload' }, [csvFile()]);
				return { parameters: { csvAccountIds: facebook(), filePath: String(items[0].json.filePath), fileName: 'posts.csv', rowsCount: 1 } };
			},
			getAll: async () => ({ parameters: {} }),
			get: async () => ({ parameters: { csvId: await pendingImport() } }),
			finalize: async () => ({ parameters: { csvId: await pendingImport() } }),
		};
		const runs: Run[] = [];
		const problems: string[] = [];
		const operations = (await actionNodeProperties())
			.filter((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'csvImport')
			.flatMap((property) => (property.options as Array<{ value: string }>).map((option) => option.value));
		for (const operation of operations) {
			const properties = await propertiesOf('csvImport', operation);
			if (properties.length === 0) continue;
			if (!bases[operation]) {
				problems.push(`csvImport.${operation}: add a base for this operation`);
				continue;
			}
			for (const property of properties) {
				for (const variant of variantsOf(property, samples())) {
					const base = await bases[operation]();
					const parameters = merge(merge(base.parameters as IDataObject, displayConditions(property) as IDataObject), {
						[property.name]: variant.value,
					} as IDataObject);
					const before = sim().control.requests().length;
					const { error } = await node({ operation, ...parameters } as INodeParameters, base.inputItems);
					const sent = sim().control.requests().slice(before);
					runs.push({ label: `csvImport → ${operation}: ${variant.label}`, variant, sent, error });
					if (error) problems.push(`csvImport → ${operation}: ${variant.label}: ${error.message}`);
				}
			}
		}
		problems.push(...specProblemsOf(runs, 'CSV Import'));
		problems.push(
			...runs.flatMap((run) =>
				run.sent.filter((request) => Number(request.status) >= 400).map((request) => `${run.label}: answered ${request.status}`),
			),
		);
		problems.push(...uncovered(runs, (run) => !run.error).map((value) => `no run went through with ${value}`));
		expect(problems).toEqual([]);
	}, 180_000);

	itSentOnlyDocumentedRequests(sim);
});
