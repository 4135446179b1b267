// Canary for agency mode: the agency (Company) token and every location token exchanged from it
// appear in no output item, error (message, description, JSON, stack), log line or static data —
// on success, on refusals, and when a gateway echoes the request back (Authorization unredacted).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { listSearch, loadOptions, Poller, runNode, type TestCredentials } from '../harness/n8n';
import { restoreSendSettings, tuneSendSettings } from '../harness/send-path';
import { printFigures } from '../helpers/report';
import { captureLogs, safeJson, secretForms } from '../helpers/secrets';
import { agencyCredentials, describeWithSimulator, type Simulator } from '../helpers/simulator';
import { CLIENT_LOCATIONS } from '../simulator';

type Place = { where: string; text: string };

function errorTexts(where: string, error: (Error & IDataObject) | undefined): Place[] {
	if (!error) return [];
	return [
		{ where: `${where}: message`, text: String(error.message) },
		{ where: `${where}: description`, text: String(error.description ?? '') },
		{ where: `${where}: JSON`, text: safeJson(error) },
		{ where: `${where}: as n8n stores it`, text: safeJson({ ...error, message: error.message, stack: error.stack }) },
		{ where: `${where}: stack`, text: String(error.stack ?? '') },
	];
}

describeWithSimulator(
	'secrets canary in agency mode: no agency token or location token in outputs, errors, logs or static data',
	(sim) => {
		let logs: ReturnType<typeof captureLogs>;
		const places: Place[] = [];
		const agencyTokens = new Set<string>();

		beforeAll(() => {
			tuneSendSettings({ backoffMs: 1, maxRateLimitWaitMs: 10 });
			logs = captureLogs();
		});
		afterAll(() => {
			restoreSendSettings();
			logs.stop();
		});

		const credentials = (started: Simulator): TestCredentials => {
			const connected = agencyCredentials(started);
			agencyTokens.add(String((connected.data.oauthTokenData as IDataObject).access_token));
			return connected;
		};
		/** Every access token the simulator ever issued the agency or exchanged for a location, of this test. */
		const issuedTokens = () =>
			[...sim().control.state.tokens.values()].filter((token) => token.kind === 'oauth').map((token) => String(token.token));

		const run = async (where: string, parameters: INodeParameters, input?: IDataObject[]) => {
			const logsBefore = logs.lines.length;
			const result = await runNode({ parameters: { authentication: 'oAuth2', ...parameters }, credentials: credentials(sim()), input });
			places.push({ where: `${where}: output`, text: safeJson(result.items) }, ...errorTexts(where, result.error as never));
			for (const line of logs.lines.slice(logsBefore)) places.push({ where: `${where}: log`, text: line });
			return result;
		};
		const location = (value: string) => ({ __rl: true, mode: 'id', value });
		const listAccounts = { resource: 'account', operation: 'getAll', returnAll: true };
		let secrets: string[] = [];
		const collect = () => (secrets = [...new Set([...secrets, ...issuedTokens(), ...agencyTokens])]);

		it('runs agency mode through success, refusals and echoing gateways', async () => {
			const clients = CLIENT_LOCATIONS.slice(0, 3).map((client) => client.id);
			const { items } = await run('Location → Get Many', { resource: 'location', operation: 'getAll', returnAll: true });
			expect(items.length).toBeGreaterThan(3);
			await run(
				'Account → Get Many per item',
				{ ...listAccounts, location: location('={{ $json.id }}') },
				clients.map((id) => ({ id })),
			);
			const search = await listSearch('searchLocations', { parameters: { authentication: 'oAuth2' }, credentials: credentials(sim()) });
			places.push({ where: 'Location list', text: safeJson(search) });
			const accounts = await loadOptions('getAccounts', {
				parameters: { authentication: 'oAuth2', resource: 'post', operation: 'create', location: location(clients[0]) },
				credentials: credentials(sim()),
			});
			places.push({ where: 'accounts dropdown', text: safeJson(accounts) });
			// A location token refused mid-run, then refused again.
			sim().control.advanceTokenClock(86400 * 1000);
			await run('expired location tokens (and agency token: n8n refreshes it)', { ...listAccounts, location: location(clients[1]) });
			// A gateway echoing the exchange (the agency token) and a Social Planner request (a location token).
			collect();
			sim().control.injectFaults({ next: { kind: 'echo', status: 400 }, pathIncludes: '/oauth/locationToken' });
			await run('echoed exchange', { ...listAccounts, location: location(clients[2]) }, [{}]);
			sim().control.clearFaults();
			sim().control.injectFaults({ next: { kind: 'echo', status: 401 }, pathIncludes: '/social-media-posting/' });
			await run('echoed 401 of a Social Planner request', { ...listAccounts, location: location(clients[0]) });
			sim().control.clearFaults();
			await run('a Location not installed', { ...listAccounts, location: location(sim().control.addLocation({ name: 'Not Installed' })) });
			// The agency trigger over every installed sub-account: activation, an event, an echoed 401.
			const poller = await Poller.create({
				parameters: { authentication: 'oAuth2', locations: 'all', events: ['statusChanged'], toStatuses: ['failed'] },
				credentials: credentials(sim()),
			});
			const triggerPoll = async (where: string, poll: () => Promise<unknown>) => {
				const logsBefore = logs.lines.length;
				await poll().then(
					(result) => places.push({ where: `${where}: output`, text: safeJson(result) }),
					(error: Error & IDataObject) => places.push(...errorTexts(where, error)),
				);
				for (const line of logs.lines.slice(logsBefore)) places.push({ where: `${where}: log`, text: line });
				places.push({ where: `${where}: static data`, text: safeJson(poller.staticData()) });
			};
			await triggerPoll('trigger activation', async () => await poller.activate());
			const post = sim()
				.control.state.locations.get(clients[0])!
				.posts.find((candidate: IDataObject) => candidate.status === 'scheduled');
			if (post) post.status = 'failed';
			await triggerPoll('trigger event', async () => await poller.poll());
			await triggerPoll('trigger Fetch Test Event', async () => await poller.poll('manual'));
			sim().control.injectFaults({ next: { kind: 'echo', status: 401, count: 4 }, pathIncludes: '/posts/list' });
			await triggerPoll('trigger with echoed 401s', async () => await poller.poll());
			sim().control.clearFaults();
			collect();
		});

		it('finds no agency or location token anywhere', () => {
			const forms = secrets.flatMap((secret) => secretForms(secret));
			const hits = places.flatMap((place) =>
				forms.filter((form) => place.text.includes(form.text)).map((form) => `${place.where} (${form.form})`),
			);
			printFigures('Agency secrets canary', {
				'tokens searched (agency and location)': secrets.length,
				'forms searched': forms.length,
				'places checked': places.length,
				hits: hits.length,
			});
			expect(secrets.length).toBeGreaterThanOrEqual(5);
			// The echoes did reach the errors (their credentials as ***): the search had something to find.
			expect(places.some((place) => place.where.startsWith('echoed exchange: message') && place.text.includes('authorization: ***'))).toBe(
				true,
			);
			expect(hits).toEqual([]);
		});
	},
	{ afterReset: (started) => started.control.reset('agency') },
);
