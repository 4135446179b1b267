// The trigger with an agency install of the OAuth2 credential, through n8n-core's PollContext
// against the simulator's agency (5 sub-accounts): one location, a list, or every installed one;
// events name their location; each location is polled in its own scan, with its token exchanged
// once; new installs are recorded first, uninstalled ones dropped, and one location failing keeps
// the others' events whole.
import { describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { Poller } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { agencyCredentials, describeWithSimulator, requestsSince, tokenCredentials, type Simulator } from '../helpers/simulator';
import { restoreSendSettings, tuneSendSettings } from '../harness/send-path';

const EXCHANGE = 'POST /oauth/locationToken';
const INSTALLED = 'GET /oauth/installedLocations';
const HOUR = 60 * 60 * 1000;
const POSTS_PER_LOCATION = 3;

type Post = IDataObject & { _id: string; status: string };

/** Scheduled posts in each location, inside the watched window, on its first account. */
function seedPosts(sim: Simulator, locationIds: string[], count = POSTS_PER_LOCATION): Record<string, Post[]> {
	const posts: Record<string, Post[]> = {};
	for (const locationId of locationIds) {
		const location = sim.control.state.locations.get(locationId)!;
		if (location.accounts.length === 0)
			sim.control.seed({ locationId, accounts: [{ platform: 'facebook', name: `${location.name} Page` }] });
		const at = (index: number) => new Date(Date.now() + (index + 1) * HOUR).toISOString();
		posts[locationId] = sim.control.seed({
			locationId,
			posts: Array.from({ length: count }, (_value, index) => ({
				status: 'scheduled',
				accountIds: [location.accounts[0].id],
				summary: `Post ${index} of ${location.name}`,
				createdAt: new Date(Date.now() - 24 * HOUR).toISOString(),
				displayDate: at(index),
				scheduleDate: at(index),
			})),
		}).posts as Post[];
	}
	return posts;
}

/** The trigger node's own static data, as n8n would save it. */
const stateOf = (poller: Poller) => (poller.staticData()['node:HoopAI'] ?? {}) as IDataObject;
const emitted = (result: Awaited<ReturnType<Poller['poll']>>) => (result?.[0] ?? []).map((item) => item.json);

describeWithSimulator(
	'trigger with an agency install: every client’s posts from one credential',
	(sim) => {
		// The agency's five sub-accounts with social accounts (the sixth, without any, is left uninstalled).
		const installed = () =>
			[...sim().control.state.locations.values()].map((location) => String(location.id)).filter((id) => id !== sim().otherLocationId);
		const nameOf = (locationId: string) => sim().control.state.locations.get(locationId)!.name;
		const agency = () => {
			const credentials = agencyCredentials(sim(), { userType: 'Company', approvedLocations: installed() });
			sim().control.uninstallApp(sim().otherLocationId);
			return credentials;
		};
		const trigger = async (parameters: INodeParameters = {}, credentials = agency()) =>
			await Poller.create({
				parameters: { authentication: 'oAuth2', locations: 'all', events: ['statusChanged'], toStatuses: ['failed'], ...parameters },
				credentials,
			});

		it('All Installed Locations: one scan per location, one exchange each, events carry the location’s ID and name', async () => {
			const locations = installed();
			expect(locations).toHaveLength(5);
			const posts = seedPosts(sim(), locations);
			const poller = await trigger();
			let from = sim().control.requests().length;
			expect(await poller.activate()).toBeNull();
			const activation = requestsSince(sim(), from);
			expect(activation.filter((request) => request === EXCHANGE)).toHaveLength(5);

			const [first, second] = [locations[1], locations[3]];
			posts[first][0].status = 'failed';
			posts[second][2].status = 'failed';
			from = sim().control.requests().length;
			const events = emitted(await poller.poll());
			const poll = requestsSince(sim(), from);
			const byLocation = [...events].sort((a, b) => String(a.locationId).localeCompare(String(b.locationId)));
			const expected = [
				[first, nameOf(first), posts[first][0]._id, 'scheduled', 'failed'],
				[second, nameOf(second), posts[second][2]._id, 'scheduled', 'failed'],
			].sort((a, b) => a[0].localeCompare(b[0]));
			expect(byLocation.map((event) => [event.locationId, event.locationName, event.postId, event.previousStatus, event.status])).toEqual(
				expected,
			);
			// Simplify names the post's account from its own location.
			const firstEvent = events.find((event) => event.locationId === first)!;
			expect((firstEvent.post as IDataObject).accounts).toContain(sim().control.state.locations.get(first)!.accounts[0].name);
			const lists = poll.filter((request) => request.endsWith('/posts/list'));
			expect(lists).toHaveLength(5);
			expect(poll.filter((request) => request === EXCHANGE)).toHaveLength(0);

			from = sim().control.requests().length;
			expect(await poller.poll()).toBeNull();
			const quiet = requestsSince(sim(), from);
			expect(quiet.filter((request) => request === INSTALLED)).toHaveLength(1);
			expect(quiet.filter((request) => request.endsWith('/posts/list'))).toHaveLength(5);

			const states = Object.values(stateOf(poller).locations as Record<string, IDataObject>);
			const watchedPosts = states.reduce((sum, location) => sum + Object.keys(location.posts as IDataObject).length, 0);
			const recordBytes = states.reduce((sum, location) => sum + JSON.stringify(location.posts).length, 0);
			const locationsBytes = JSON.stringify(stateOf(poller).locations).length;
			printFigures('Agency trigger at 5 locations', {
				exchangesOnActivation: activation.filter((request) => request === EXCHANGE).length,
				exchangesPerPollAfter: poll.filter((request) => request === EXCHANGE).length,
				requestsPerQuietPoll: quiet.length,
				installedListRequests: quiet.filter((request) => request === INSTALLED).length,
				listRequests: quiet.filter((request) => request.endsWith('/posts/list')).length,
				watchedPosts,
				bytesPerPostRecord: Math.round(recordBytes / watchedPosts),
				bytesPerLocationBesidesPosts: Math.round((locationsBytes - recordBytes) / states.length),
			});
			expect(recordBytes / watchedPosts).toBeLessThan(60);
		});

		it('a tight poll budget still moves every location on: each sends its first page, and every scan completes in turn', async () => {
			const locations = installed();
			const posts = seedPosts(sim(), locations, 250);
			const credentials = agency();
			const poller = await Poller.create({
				parameters: { authentication: 'oAuth2', locations: 'all', events: ['statusChanged'], toStatuses: ['failed'] },
				credentials,
				pollBudgetMs: 1,
			});
			const listsPerLocation = async () => {
				const from = sim().control.requests().length;
				const result = await poller.poll();
				const lists = requestsSince(sim(), from).filter((request) => request.endsWith('/posts/list'));
				return { events: emitted(result), perLocation: locations.map((id) => lists.filter((request) => request.includes(id)).length) };
			};
			const baseline: number[][] = [];
			const baselined = () =>
				Object.values((stateOf(poller).locations ?? {}) as Record<string, IDataObject>).filter((state) => state.baselined).length;
			while (baselined() < 5 && baseline.length < 10) baseline.push((await listsPerLocation()).perLocation);
			// 250 posts: three pages per location, one per poll within this budget.
			expect(baseline).toEqual([
				[1, 1, 1, 1, 1],
				[1, 1, 1, 1, 1],
				[1, 1, 1, 1, 1],
			]);
			for (const locationId of locations) posts[locationId][249].status = 'failed';
			const found: IDataObject[] = [];
			for (let poll = 0; poll < 3; poll++) found.push(...(await listsPerLocation()).events);
			expect(found.map((event) => event.locationId).sort()).toEqual([...locations].sort());
		});

		it('a sub-account installed later is recorded on its first poll (nothing emitted), then watched; an uninstalled one is dropped', async () => {
			seedPosts(sim(), installed());
			const poller = await trigger();
			await poller.activate();
			const added = sim().control.addLocation({ name: 'Harbor Yoga' });
			sim().control.installApp(added);
			const addedPosts = seedPosts(sim(), [added])[added];
			addedPosts[0].status = 'failed';
			expect(await poller.poll()).toBeNull();
			expect(Object.keys(stateOf(poller).locations as IDataObject)).toContain(added);

			addedPosts[1].status = 'failed';
			const events = emitted(await poller.poll());
			expect(events.map((event) => [event.locationName, event.postId])).toEqual([['Harbor Yoga', addedPosts[1]._id]]);

			sim().control.uninstallApp(added);
			expect(await poller.poll()).toBeNull();
			expect(Object.keys(stateOf(poller).locations as IDataObject)).not.toContain(added);
		});

		it('one location failing: the others’ events go out, its own come once it recovers; a poll with nothing else to emit fails naming it', async () => {
			tuneSendSettings({ backoffMs: 1 });
			try {
				const locations = installed();
				const posts = seedPosts(sim(), locations);
				const poller = await trigger();
				await poller.activate();
				const [broken, working] = [locations[2], locations[4]];
				posts[broken][0].status = 'failed';
				posts[working][0].status = 'failed';
				sim().control.injectFaults({ pathIncludes: `/social-media-posting/${broken}/`, errorRate: 1, errorStatus: 500 });
				expect(emitted(await poller.poll()).map((event) => event.locationId)).toEqual([working]);
				await expect(poller.poll()).rejects.toThrow(
					new RegExp(`^Locations: 1 of 5 sub-accounts could not be polled — ${nameOf(broken)} \\(${broken}\\): `),
				);
				// n8n restarts meanwhile: the saved state still holds what the broken location knew.
				const restarted = await poller.restart();
				sim().control.clearFaults();
				expect(emitted(await restarted.poll()).map((event) => [event.locationId, event.postId])).toEqual([[broken, posts[broken][0]._id]]);
				expect(await restarted.poll()).toBeNull();
			} finally {
				restoreSendSettings();
			}
		});

		it('One Location and Several Locations watch only those; Fetch Test Event names the location with all three choices', async () => {
			const locations = installed();
			const posts = seedPosts(sim(), locations);
			const one = await trigger({ locations: 'one', location: { __rl: true, mode: 'id', value: locations[1] } });
			const list = await trigger({ locations: 'list', locationIds: [locations[2], locations[3]] });
			for (const poller of [one, list]) await poller.activate();
			for (const locationId of locations) posts[locationId][1].status = 'failed';
			expect(emitted(await one.poll()).map((event) => event.locationId)).toEqual([locations[1]]);
			const listed = emitted(await list.poll()).map((event) => String(event.locationId));
			expect(listed.sort()).toEqual([locations[2], locations[3]].sort());

			const all = await trigger();
			// The last event emitted; with no event yet, a failed post of a watched location.
			for (const [poller, watched] of [
				[one, [locations[1]]],
				[list, [listed.at(-1)]],
				[all, locations],
			] as const) {
				const [sample] = emitted(await poller.poll('manual'));
				expect(watched).toContain(sample.locationId);
				expect([sample.locationName, sample.status]).toEqual([nameOf(String(sample.locationId)), 'failed']);
			}
		});

		it('a sub-account install keeps one location’s state and names the location by ID', async () => {
			const post = seedPosts(sim(), [sim().locationId])[sim().locationId][0];
			const poller = await trigger({ authentication: 'accessToken', locations: 'all' }, tokenCredentials(sim()));
			await poller.activate();
			post.status = 'failed';
			const [event] = emitted(await poller.poll());
			expect([event.locationId, event.locationName, event.postId]).toEqual([sim().locationId, null, post._id]);
			expect(stateOf(poller)).toEqual(expect.objectContaining({ baselined: true, posts: expect.any(Object) }));
			expect(stateOf(poller).locations).toBeUndefined();
		});

		describe('bad settings are refused before anything is sent to the Social Planner', () => {
			const refused = async (parameters: INodeParameters) => {
				const poller = await trigger(parameters);
				const from = sim().control.requests().length;
				const error = await poller.activate().then(
					() => undefined,
					(failure: Error) => failure,
				);
				const sent = requestsSince(sim(), from);
				expect(sent.filter((request) => request.includes('/social-media-posting/'))).toEqual([]);
				return { message: error?.message ?? 'no error', sent };
			};

			it('a malformed ID in the list', async () => {
				const { message, sent } = await refused({ locations: 'list', locationIds: [installed()[0], 'not a location!'] });
				expect(message).toBe(
					'Location Names or IDs: "not a location!" is not a location ID; choose the sub-account from the list, or give its ID (e.g. {{ $json._id }} from Location → Get Many; in HoopAI, Settings → Business Profile)',
				);
				expect(sent).toEqual([]);
			});

			it('an empty list', async () => {
				const { message, sent } = await refused({ locations: 'list', locationIds: [] });
				expect(message).toMatch(/^Location Names or IDs: choose at least one sub-account to watch/);
				expect(sent).toEqual([]);
			});

			it('a sub-account the app is not installed in', async () => {
				const { message, sent } = await refused({ locations: 'list', locationIds: ['hpSimLocNotOurs00000'] });
				expect(message).toMatch(/^Location Names or IDs: the agency’s app is not installed in hpSimLocNotOurs00000; choose installed/);
				expect(sent).toEqual([INSTALLED]);
			});

			it('One Location left empty', async () => {
				const { message, sent } = await refused({ locations: 'one' });
				expect(message).toMatch(/^Location: this OAuth2 credential is an agency install, so each item needs a sub-account/);
				expect(sent).toEqual([]);
			});

			it('account names with several locations', async () => {
				const { message } = await refused({ filters: { accounts: ['Bright Smile Dental'] } });
				expect(message).toMatch(/^Filters → Account Names or IDs: "Bright Smile Dental" is not an account ID of a watched location/);
			});
		});
	},
	{ afterReset: (sim) => sim.control.reset('agency') },
);
