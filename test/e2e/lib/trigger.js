'use strict';
// Trigger end-to-end: publish the "notify when a post fails" example, run `n8n start`, let the
// activation poll seed the trigger's state, advance the simulator's clock so a post fails, and expect
// exactly one execution; restart n8n and expect no duplicate (activation poll + one cron tick).
const assert = require('assert');
const path = require('path');
const { log, seconds, freePort, makeN8n, startServer, ownerLogin, importCredentials } = require('./n8n');
const { sleep, waitFor, executionsOf, runDataOf, listRequestsSince, FINISHED } = require('./executions');
const { EXAMPLES_DIR, loadExample, location, agencyCredential } = require('./examples');
const { CLIENT_LOCATIONS } = require('../../simulator');

const FILE = '05-notify-when-a-post-fails.json';
const AGENCY_FILE = '14-alert-when-any-clients-post-fails.json';
const AGENCY_TRIGGER = "When any client's post fails";
const AGENCY_ALERT = 'Alert (stand-in for Slack)';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The trigger's items of an execution, and the alert its Set node composed. */
async function triggerItems(server, cookie, install, executionId) {
	const { execution, run } = await runDataOf(server, cookie, install, executionId);
	const runs = run.resultData.runData['When a post fails'];
	return {
		mode: execution.mode,
		status: execution.status,
		items: runs[0].data.main[0].map((i) => i.json),
		alert: run.resultData.runData['Alert (stand-in for Slack)']?.[0]?.data?.main?.[0]?.map((i) => i.json),
	};
}

async function triggerTier({ check, n8n, sim }) {
	const workflow = loadExample(FILE);
	const published = await check(`[trigger] import + publish:workflow ${FILE}`, async () => {
		await n8n.cli(['import:workflow', `--input=${path.join(EXAMPLES_DIR, FILE)}`]);
		const r = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		return `published ${workflow.id} [${seconds(r.ms)}]`;
	});
	if (!published) return;

	sim.control.reset('sample');
	const server = makeN8n(n8n.install, n8n.userFolder, { port: await freePort(), brokerPort: await freePort() });
	let running;
	try {
		let failing;
		const first = await check('[trigger] n8n start: activation poll, then one execution when a post fails', async () => {
			const before = sim.control.requests().length;
			running = await startServer(server);
			log(`n8n ready on ${server.url} in ${seconds(running.readyMs)}`);
			await waitFor('the activation poll', () => listRequestsSince(sim, before).length > 0, 60000, 500);
			await sleep(1000);
			const cookie = await ownerLogin(server.url);
			assert.strictEqual((await executionsOf(server, cookie, workflow.id)).length, 0, 'the activation poll emits nothing');
			// The expired TikTok account's post (due in 3 h) fails; others publish.
			failing = location(sim).posts.filter((p) => p.status === 'scheduled' && Date.parse(p.displayDate) < Date.now() + 4 * HOUR);
			sim.control.advanceClock(4 * HOUR);
			const found = await waitFor(
				'an execution',
				async () => {
					const list = await executionsOf(server, cookie, workflow.id);
					return list.length ? list : undefined;
				},
				90000,
			);
			await sleep(3000);
			const list = await executionsOf(server, cookie, workflow.id);
			assert.strictEqual(list.length, 1, `exactly one execution (got ${list.length})`);
			const { items, alert, mode } = await triggerItems(server, cookie, server.install, found[0].id);
			const failed = location(sim).posts.filter((p) => failing.some((f) => f._id === p._id) && p.status === 'failed');
			assert.strictEqual(failed.length, 1, 'one post failed in the simulator');
			assert.strictEqual(items.length, 1, `one event (got ${items.length})`);
			assert.strictEqual(items[0].event, 'statusChanged');
			assert.strictEqual(items[0].status, 'failed');
			assert.strictEqual(items[0].postId, failed[0]._id);
			assert.ok(alert && /^:warning: A post failed on /.test(alert[0].text), 'the alert text was composed');
			return { cookie, summary: `execution ${found[0].id} (${mode}): ${alert[0].text}` };
		});
		if (!first) return;

		await check('[trigger] restart n8n: no duplicate after the activation poll and the next tick', async () => {
			await running.stop();
			running = await startServer(server);
			const readyAt = Date.now();
			const cookie = await ownerLogin(server.url);
			const before = sim.control.requests().length;
			// The next cron tick comes at the top of a minute; wait for a poll after it.
			await sleep(Math.max(0, 62000 - (Date.now() - readyAt)));
			await waitFor('a poll after the restart', () => listRequestsSince(sim, before).length > 0, 30000, 1000);
			await sleep(3000);
			const list = await executionsOf(server, cookie, workflow.id);
			assert.strictEqual(list.length, 1, `still exactly one execution after the restart (got ${list.length})`);
			return `still 1 execution after restart and ${listRequestsSince(sim, before).length} more poll(s)`;
		});
	} finally {
		if (running) await running.stop();
	}
}

/**
 * Example 14's world: the 'agency' seed, the agency's app installed in three clients (not in the
 * sample location, whose expired TikTok account's post fails too: no client of this install); two
 * failures to come, in two clients, a day apart: the first client's Facebook page expires (its
 * post due in 2 days fails), and the second gets a post due in 3 days on an expired page. Imports
 * the agency credential with this install's token. Returns the clients and the failures, in order.
 */
async function agencyTriggerWorld(sim, importTo) {
	sim.control.reset('agency');
	const clients = CLIENT_LOCATIONS.slice(0, 3).map((client) => sim.control.state.locations.get(client.id));
	const token = sim.control.connect({ userType: 'Company', approvedLocations: clients.map((client) => client.id) });
	await importTo([agencyCredential(sim, token)]);
	const [first, second] = clients;
	const page = first.accounts.find((a) => a.platform === 'facebook');
	page.isExpired = true;
	const due = first.posts.find((p) => p.status === 'scheduled');
	const {
		accounts: [expired],
	} = sim.control.seed({ locationId: second.id, accounts: [{ platform: 'facebook', name: 'Peak Fitness (old page)', isExpired: true }] });
	const {
		posts: [later],
	} = sim.control.seed({
		locationId: second.id,
		posts: [
			{
				status: 'scheduled',
				accountIds: [expired.id],
				summary: 'Peak Fitness: new spin classes on Monday.',
				scheduleDate: new Date(Date.parse(sim.control.now()) + 3 * DAY).toISOString(),
				createdBy: second.users[0].id,
			},
		],
	});
	const failures = [
		{ client: first, postId: due._id, advanceMs: 2 * DAY + HOUR },
		{ client: second, postId: later._id, advanceMs: DAY },
	];
	// The sample location's posts that have failed already (those failing later are not a client's).
	const failedInSample = new Set(
		location(sim)
			.posts.filter((p) => p.status === 'failed')
			.map((p) => p._id),
	);
	return { clients, failures, failedInSample };
}

/** The post-list requests (polls) to these clients' sub-accounts since a request-log index (not example 05's). */
function clientPollsSince(sim, index, clients) {
	return listRequestsSince(sim, index).filter((r) => clients.some((client) => r.path.includes(`/${client.id}/`)));
}

/** The trigger's items of one execution of example 14 and its alerts. */
async function agencyItems(server, cookie, install, executionId) {
	const { run } = await runDataOf(server, cookie, install, executionId);
	return {
		items: run.resultData.runData[AGENCY_TRIGGER][0].data.main[0].map((i) => i.json),
		alerts: run.resultData.runData[AGENCY_ALERT]?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [],
	};
}

/**
 * Makes each failure happen in turn (the simulator's clock moved on) and expects one execution
 * for it, naming its client, before the next. `executions()` lists the workflow's executions, newest first.
 */
async function failInTurn({ sim, failures, executions, itemsOf, known = 0 }) {
	const seen = [];
	for (const [index, failure] of failures.entries()) {
		sim.control.advanceClock(failure.advanceMs);
		const post = failure.client.posts.find((p) => p._id === failure.postId);
		assert.strictEqual(post.status, 'failed', `${failure.client.name}: the post failed in the simulator`);
		const list = await waitFor(
			`an execution for ${failure.client.name}'s failed post`,
			async () => {
				const all = await executions();
				return all.length >= known + index + 1 && all.every((e) => FINISHED.has(e.status)) ? all : undefined;
			},
			90000,
		);
		await sleep(3000);
		const all = await executions();
		assert.strictEqual(all.length, known + index + 1, `one execution per failed post so far (got ${all.length - known})`);
		const newest = list[0];
		const { items, alerts } = await itemsOf(newest.id);
		assert.deepStrictEqual(
			items.map((i) => [i.event, i.status, i.postId, i.locationId, i.locationName]),
			[['statusChanged', 'failed', failure.postId, failure.client.id, failure.client.name]],
			`execution ${newest.id}: the failed post of ${failure.client.name}, named`,
		);
		assert.ok(
			alerts.length === 1 && alerts[0].text.startsWith(`:warning: ${failure.client.name}: a post failed on `),
			'the alert names the client',
		);
		seen.push({ execution: newest, alert: alerts[0].text });
	}
	return seen;
}

/**
 * Example 14 in one n8n process: published with the agency credential (Locations: All Installed
 * Locations); two clients' posts fail a minute apart, each gives one execution naming its client;
 * the failure in the sample location (not installed) gives none; a restart repeats nothing.
 */
async function agencyTriggerTier({ check, n8n, sim, work }) {
	const workflow = loadExample(AGENCY_FILE);
	let world;
	const published = await check(`[trigger] agency: import + publish:workflow ${AGENCY_FILE} with the agency credential`, async () => {
		world = await agencyTriggerWorld(sim, (records) => importCredentials(n8n, work, records));
		await n8n.cli(['import:workflow', `--input=${path.join(EXAMPLES_DIR, AGENCY_FILE)}`]);
		const r = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		return `published ${workflow.id}; installed in ${world.clients.map((c) => c.name).join(', ')} [${seconds(r.ms)}]`;
	});
	if (!published) return;
	const server = makeN8n(n8n.install, n8n.userFolder, { port: await freePort(), brokerPort: await freePort() });
	let running;
	try {
		let cookie;
		const executions = async () => await executionsOf(server, cookie, workflow.id);
		const first = await check(
			'[trigger] agency: activation poll, then one execution per failed post in two clients, each naming its client; none for a sub-account not installed',
			async () => {
				const t0 = Date.now();
				const before = sim.control.requests().length;
				running = await startServer(server);
				await waitFor('the activation poll', () => clientPollsSince(sim, before, world.clients).length >= world.clients.length, 60000, 500);
				await sleep(1000);
				cookie = await ownerLogin(server.url);
				assert.deepStrictEqual(await executions(), [], 'the activation poll emits nothing');
				const activation = sim.control
					.requests()
					.slice(before)
					.filter((r) => !r.path.includes(`/${sim.locationId}/`));
				const seen = await failInTurn({
					sim,
					failures: world.failures,
					executions,
					itemsOf: async (id) => await agencyItems(server, cookie, server.install, id),
				});
				const sampleFailed = location(sim).posts.filter((p) => p.status === 'failed' && !world.failedInSample.has(p._id)).length;
				assert.ok(sampleFailed > 0, 'a post failed in the sample location meanwhile (not installed: no event)');
				const exchanges = sim.control.requests().filter((r) => r.path === '/oauth/locationToken').length;
				const count = (test) => activation.filter(test).length;
				const alerts = seen.map((s) => `"${s.alert.slice(0, s.alert.indexOf(': a post failed'))}"`);
				return (
					`${seen.length} executions for ${world.failures.length} failed posts, alerts for ${alerts.join(', ')}; ` +
					`0 for the ${sampleFailed} failed in the sample location (not installed); activation poll ${activation.length} requests ` +
					`(${count((r) => r.path === '/oauth/installedLocations')} installed list, ${count((r) => r.path === '/oauth/locationToken')} exchanges, ` +
					`${count((r) => r.path.endsWith('/posts/list'))} post lists); ${exchanges} exchanges in all [${seconds(Date.now() - t0)}]`
				);
			},
		);
		if (!first) return;

		await check('[trigger] agency: restart n8n: no duplicate after the activation poll and the next tick', async () => {
			await running.stop();
			running = await startServer(server);
			const readyAt = Date.now();
			cookie = await ownerLogin(server.url);
			const before = sim.control.requests().length;
			await sleep(Math.max(0, 62000 - (Date.now() - readyAt)));
			const polls = () => clientPollsSince(sim, before, world.clients).length;
			await waitFor('a poll after the restart', () => polls() > world.clients.length, 30000, 1000);
			await sleep(3000);
			const list = await executions();
			assert.strictEqual(
				list.length,
				world.failures.length,
				`still ${world.failures.length} executions after the restart (got ${list.length})`,
			);
			return `still ${list.length} executions after the restart and ${polls()} post-list requests to the clients (${world.clients.length} per poll)`;
		});
	} finally {
		if (running) await running.stop();
		sim.control.reset('sample');
	}
}

module.exports = { triggerTier, agencyTriggerTier, agencyTriggerWorld, failInTurn, agencyItems, clientPollsSince, AGENCY_FILE };
