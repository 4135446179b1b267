// Agency mode through n8n-core against the simulator's Marketplace: one agency (Company) OAuth2
// credential drives every sub-account. Location → Get Many lists the installed sub-accounts; each
// item's Location chooses where it goes; the agency token is exchanged once per location and the
// location token reused (within a run and across runs), exchanged again once when refused; bad
// Locations are refused with nothing sent to the Social Planner.
import { describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, loadOptions, runNode } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { agencyCredentials as oauthCredentials, describeWithSimulator, requestsSince } from '../helpers/simulator';
import { CLIENT_LOCATIONS, type AuthorizeOptions } from '../simulator';

const EXCHANGE = 'POST /oauth/locationToken';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describeWithSimulator(
	'agency mode: one OAuth2 agency credential for every sub-account',
	(sim) => {
		const clients = () => CLIENT_LOCATIONS.slice(0, 3).map((client) => client.id);
		const stored = (locationId: string) => sim().control.state.locations.get(locationId)!;
		const exchanges = (from: number) => requestsSince(sim(), from).filter((request) => request === EXCHANGE).length;
		const plannerRequests = (from: number) => requestsSince(sim(), from).filter((request) => request.includes('/social-media-posting/'));

		describe('Location → Get Many', () => {
			it('lists the sub-accounts the app is installed in, with what the API says of each', async () => {
				const from = sim().control.requests().length;
				const { items, error } = await runNode({
					parameters: { authentication: 'oAuth2', resource: 'location', operation: 'getAll', returnAll: true },
					credentials: oauthCredentials(sim()),
				});
				expect(error).toBeUndefined();
				const names = items.map((item) => item.json.name).sort();
				expect(names).toEqual([...sim().control.state.locations.values()].map((location) => location.name).sort());
				expect(items[0].json).toEqual(
					expect.objectContaining({ _id: expect.any(String), isInstalled: true, installedAt: expect.any(String) }),
				);
				expect(requestsSince(sim(), from)).toEqual(['GET /oauth/installedLocations']);
				expect(sim().control.requests().at(-1)?.query).toEqual(
					expect.objectContaining({ companyId: sim().companyId, appId: sim().appId, isInstalled: 'true', skip: '0' }),
				);
			});

			it('Return All pages by skip and limit until the API’s count (126 installed: two pages, never the last twice)', async () => {
				for (let index = 0; index < 120; index++) sim().control.installApp(sim().control.addLocation({ name: `Client ${index}` }));
				const from = sim().control.requests().length;
				const { items } = await runNode({
					parameters: { authentication: 'oAuth2', resource: 'location', operation: 'getAll', returnAll: true },
					credentials: oauthCredentials(sim()),
				});
				expect(items).toHaveLength(126);
				expect(new Set(items.map((item) => item.json._id)).size).toBe(126);
				const pages = sim().control.requests().slice(from);
				expect(pages.map((page) => [page.path, page.query.skip, page.query.limit])).toEqual([
					['/oauth/installedLocations', '0', '100'],
					['/oauth/installedLocations', '100', '100'],
				]);
			});

			it('Limit asks for no more than it keeps', async () => {
				const from = sim().control.requests().length;
				const { items } = await runNode({
					parameters: { authentication: 'oAuth2', resource: 'location', operation: 'getAll', returnAll: false, limit: 5 },
					credentials: oauthCredentials(sim()),
				});
				expect(items).toHaveLength(5);
				expect(requestsSince(sim(), from)).toEqual(['GET /oauth/installedLocations']);
				expect(sim().control.requests().at(-1)?.query).toEqual(expect.objectContaining({ skip: '0', limit: '5' }));
			});

			it('with a sub-account credential: its own location, nothing sent', async () => {
				const from = sim().control.requests().length;
				const { items, error } = await runNode({
					parameters: { authentication: 'oAuth2', resource: 'location', operation: 'getAll', returnAll: true },
					credentials: oauthCredentials(sim(), { userType: 'Location' }),
				});
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json)).toEqual([{ _id: sim().locationId, isInstalled: true }]);
				expect(requestsSince(sim(), from)).toEqual([]);
			});
		});

		describe('Location per item', () => {
			const createIn = (locationIds: string[]) =>
				locationIds.map((locationId, index) => ({
					locationId,
					accountId: stored(locationId).accounts[0].id,
					// The token answer's user is the agency's; a post is made by a user of the sub-account.
					userId: stored(locationId).users[0].id,
					text: `Announcement ${index} for ${locationId}`,
				}));
			const createParameters: INodeParameters = {
				authentication: 'oAuth2',
				resource: 'post',
				operation: 'create',
				location: byId('={{ $json.locationId }}'),
				accountIds: '={{ [$json.accountId] }}',
				summary: '={{ $json.text }}',
				status: 'draft',
				additionalFields: { userId: '={{ $json.userId }}' },
			};

			it('one run with items for 3 locations makes each post in its own location, with 3 exchanges (not one per item); a second run makes none', async () => {
				const credentials = oauthCredentials(sim());
				const input = createIn([...clients(), ...clients()]);
				const before = new Map(clients().map((id) => [id, stored(id).posts.length]));
				const from = sim().control.requests().length;
				const first = await runNode({ parameters: createParameters, credentials, input });
				expect(first.error).toBeUndefined();
				expect(first.items).toHaveLength(6);
				const firstExchanges = exchanges(from);
				for (const locationId of clients()) {
					const made = stored(locationId).posts.slice(before.get(locationId));
					expect(made.map((post: IDataObject) => post.summary).sort()).toEqual(
						input.filter((item) => item.locationId === locationId).map((item) => item.text),
					);
					// Nothing of another location's.
					expect(made.every((post: IDataObject) => String(post.summary).endsWith(locationId))).toBe(true);
				}
				const second = sim().control.requests().length;
				const again = await runNode({ parameters: createParameters, credentials, input: createIn(clients()) });
				expect(again.error).toBeUndefined();
				printFigures('Agency mode: exchanges per run', {
					'run 1 (6 items, 3 locations)': firstExchanges,
					'run 2 (3 items, same process)': exchanges(second),
				});
				expect(firstExchanges).toBe(3);
				expect(exchanges(second)).toBe(0);
				expect(plannerRequests(second)).toHaveLength(3 + 3); // each location's accounts once, one create each
			});

			it('Account → Get Many over one item per client: each account is paired with its client’s item (what $(…).item follows)', async () => {
				const [first, second] = clients();
				const { items, error } = await runNode({
					parameters: {
						authentication: 'oAuth2',
						resource: 'account',
						operation: 'getAll',
						returnAll: true,
						location: byId('={{ $json._id }}'),
					},
					credentials: oauthCredentials(sim()),
					input: [{ _id: first }, { _id: second }],
				});
				expect(error).toBeUndefined();
				const own = (locationId: string) => stored(locationId).accounts.map((account: IDataObject) => account.id);
				expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
					...own(first).map((id: string) => [id, { item: 0 }]),
					...own(second).map((id: string) => [id, { item: 1 }]),
				]);
			});

			it('no User given: each post is made by a user of its own sub-account (the connecting user where listed, else the first admin, else the first user), users read once per location', async () => {
				const [first, second] = clients();
				const { users } = sim().control.seed({
					locationId: second,
					users: [{ firstName: 'Client', lastName: 'Admin', roles: { type: 'account', role: 'admin', locationIds: [second] } }],
				});
				const locations = [sim().locationId, first, second, first];
				const input = createIn(locations).map((item) => ({ locationId: item.locationId, accountId: item.accountId, text: item.text }));
				const from = sim().control.requests().length;
				const { error, items } = await runNode({
					parameters: { ...createParameters, additionalFields: {} },
					credentials: oauthCredentials(sim()),
					input,
				});
				expect(error).toBeUndefined();
				expect(items).toHaveLength(4);
				const creatorIn = (locationId: string) =>
					stored(locationId)
						.posts.filter((post: IDataObject) => String(post.summary).endsWith(locationId))
						.map((post: IDataObject) => post.createdBy);
				expect(creatorIn(sim().locationId)).toEqual([sim().userId]);
				expect(creatorIn(first)).toEqual([stored(first).users[0].id, stored(first).users[0].id]);
				expect(creatorIn(second)).toEqual([users[0].id]);
				const reads = requestsSince(sim(), from).filter((request) => request === 'GET /users/');
				printFigures('Agency mode: users read for the default creator', { 'items (3 locations)': 4, 'GET /users/': reads.length });
				expect(reads).toHaveLength(3);
			});

			it('no User given, the agency credential’s Default User ID set: used as given, no users read', async () => {
				const credentials = oauthCredentials(sim());
				const [first] = clients();
				const chosen = stored(first).users[0].id;
				credentials.data.userId = chosen;
				const from = sim().control.requests().length;
				const { error } = await runNode({
					parameters: { ...createParameters, additionalFields: {} },
					credentials,
					input: createIn([first]),
				});
				expect(error).toBeUndefined();
				expect(requestsSince(sim(), from)).not.toContain('GET /users/');
				expect(stored(first).posts.at(-1).createdBy).toBe(chosen);
			});

			it('a location token refused mid-run is exchanged again once, and the item goes through', async () => {
				sim().control.setOAuth({ locationTokenSeconds: 3600 });
				const credentials = oauthCredentials(sim());
				const [first] = clients();
				await runNode({ parameters: createParameters, credentials, input: createIn([first]) });
				// The simulator's location tokens expire; the node still holds its own (its clock has not moved).
				sim().control.advanceTokenClock(3601 * 1000);
				const from = sim().control.requests().length;
				const { error, items } = await runNode({ parameters: createParameters, credentials, input: createIn([first, first]) });
				expect(error).toBeUndefined();
				expect(items).toHaveLength(2);
				expect(exchanges(from)).toBe(1);
				expect(requestsSince(sim(), from).slice(0, 3)).toEqual([
					`GET /social-media-posting/${first}/accounts`,
					EXCHANGE,
					`GET /social-media-posting/${first}/accounts`,
				]);
			});

			it('a location token refused again right after a new exchange fails the item, naming the Location', async () => {
				const credentials = oauthCredentials(sim());
				const [first] = clients();
				await runNode({ parameters: createParameters, credentials, input: createIn([first]) });
				// The token held is revoked, and each new one is born expired: every one is refused.
				for (const grant of sim().control.state.marketplace.grants.values()) if (grant.locationId === first) grant.revoked = true;
				sim().control.setOAuth({ locationTokenSeconds: 0 });
				const from = sim().control.requests().length;
				const { error } = await runNode({ parameters: createParameters, credentials, input: createIn([first]) });
				expect(error?.message).toMatch(
					new RegExp(`^Location: HoopAI refused the token of sub-account "${first}" even after exchanging the agency token for a new one`),
				);
				expect(exchanges(from)).toBe(1);
			});
		});

		describe('dropdowns and list searches', () => {
			it('the Location list: installed sub-accounts by name, searched by the API', async () => {
				const credentials = oauthCredentials(sim());
				const all = await listSearch('searchLocations', { parameters: { authentication: 'oAuth2' }, credentials });
				expect(all.results.map((result) => result.name)).toEqual(expect.arrayContaining(CLIENT_LOCATIONS.map((client) => client.name)));
				const found = await listSearch('searchLocations', { parameters: { authentication: 'oAuth2' }, credentials, filter: 'dental' });
				expect(found.results).toEqual([{ name: 'Bright Smile Dental', value: CLIENT_LOCATIONS[0].id }]);
			});

			it('each location’s accounts, by the node’s Location', async () => {
				const credentials = oauthCredentials(sim());
				for (const locationId of clients()) {
					const options = await loadOptions('getAccounts', {
						parameters: { authentication: 'oAuth2', resource: 'post', operation: 'create', location: byId(locationId) },
						credentials,
					});
					expect(options.map((option) => option.value).sort()).toEqual(
						stored(locationId)
							.accounts.map((account: IDataObject) => account.id)
							.sort(),
					);
				}
			});
		});

		describe('bad input: refused, nothing sent to the Social Planner', () => {
			const listAccounts = (location: unknown): INodeParameters => ({
				authentication: 'oAuth2',
				resource: 'account',
				operation: 'getAll',
				returnAll: true,
				location: location as INodeParameters[string],
			});
			const refused = async (parameters: INodeParameters, install?: AuthorizeOptions) => {
				const credentials = oauthCredentials(sim(), install);
				const from = sim().control.requests().length;
				const { error } = await runNode({ parameters, credentials });
				expect(plannerRequests(from)).toEqual([]);
				return { message: error?.message ?? '', sent: requestsSince(sim(), from) };
			};

			it('an empty Location with an agency credential, also from an expression that finds nothing in the item', async () => {
				for (const location of [byId(''), byId('={{ $json.location }}')]) {
					const { message, sent } = await refused(listAccounts(location));
					expect(message).toMatch(
						/^Location: this OAuth2 credential is an agency install, so each item needs a sub-account; choose the sub-account/,
					);
					expect(sent).toEqual([]);
				}
			});

			it('a malformed location ID', async () => {
				const { message, sent } = await refused(listAccounts(byId('https://app.example.com/location/abc')));
				expect(message).toMatch(/^Location: "https:\/\/app.example.com\/location\/abc" is not a location ID; choose the sub-account/);
				expect(sent).toEqual([]);
			});

			it('a Location the app is not installed in', async () => {
				const credentials = oauthCredentials(sim());
				const newcomer = sim().control.addLocation({ name: 'Not Yet Client' });
				const from = sim().control.requests().length;
				const { error } = await runNode({ parameters: listAccounts(byId(newcomer)), credentials });
				const [message, sent] = [error?.message, requestsSince(sim(), from)];
				expect(message).toBe(
					`Location: HoopAI gave no token for sub-account "${newcomer}" (This app is not installed in this location): the Marketplace app is not installed in this sub-account. Install it there (agency view → Marketplace → the app), or choose an installed sub-account from the list`,
				);
				expect(sent).toEqual([EXCHANGE]);
			});

			it('an agency token without oauth.write', async () => {
				const { message, sent } = await refused(listAccounts(byId(clients()[0])), {
					userType: 'Company',
					scopes: ['socialplanner/account.readonly', 'oauth.readonly'],
				});
				expect(message).toMatch(
					/^Location: HoopAI gave no token for sub-account ".*" \(.*scope.*\): .*add oauth.write to the credential’s Scope, then reconnect/,
				);
				expect(sent).toEqual([EXCHANGE]);
			});

			it('a sub-account credential given another sub-account’s Location', async () => {
				const { message, sent } = await refused(listAccounts(byId(clients()[0])), { userType: 'Location' });
				expect(message).toMatch(/^Location: this credential is a sub-account install and works only in its own sub-account/);
				expect(sent).toEqual([]);
			});
		});
	},
	{ afterReset: (sim) => sim.control.reset('agency') },
);
