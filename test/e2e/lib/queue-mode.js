'use strict';
// Queue mode (HOOPAI_E2E_QUEUE=1): n8n 2.41.1 as a main instance with PostgreSQL as its database
// and Redis as its job queue, plus two `n8n worker` processes, all sharing one user folder with the
// package installed from its tarball. Proves, against the simulator:
//   - every example workflow, started by a production webhook on main, is executed by a worker and
//     gives the same results as in the single-process tier;
//   - a burst of create executions spread over both workers creates every post exactly once, and
//     the simulator's 429s (its limit lowered) never fail an execution;
//   - the trigger, published on main, gives one execution per status change on the workers, and a
//     restart of main (workers running) neither repeats nor misses an event; its state is in Postgres;
//   - an OAuth2 credential whose access token expired, met by both workers at once (oauth2.js).
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { log, seconds, freePort, makeN8n, startServer, ownerLogin, request, credentialFile, importCredentials, tail } = require('./n8n');
const { installTarball } = require('./package');
const { EXAMPLES, EXAMPLES_DIR, loadExample, location, agencyCredential } = require('./examples');
const { ensureServerPackages, startPostgres, startRedis, psql } = require('./services');
const { sleep, waitFor, executionsOf, runDataOf, listRequestsSince, FINISHED } = require('./executions');
const { queueRefreshRace } = require('./oauth2');
const { agencyTriggerWorld, failInTurn, agencyItems, clientPollsSince, AGENCY_FILE } = require('./trigger');

const TRIGGER_FILE = '05-notify-when-a-post-fails.json';
const WORKERS = 2;
const WORKER_CONCURRENCY = 5;
const BURST = 60;
// The simulator's burst window for the burst test: a quarter of HighLevel's 100 per 10 s, so two
// workers that each pace themselves to it run into it together.
const BURST_RATE_LIMIT = { max: 25, intervalMs: 10000 };
const HOUR = 60 * 60 * 1000;

/** The environment every process of the deployment shares (database, queue, encryption key). */
function queueEnv(postgres, redis) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_DATABASE: postgres.database,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
		// Keep every execution's data: the checks read the workers' results back from main.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

/** Starts `n8n worker`; resolves once it says it is ready. Its log names the executions it runs. */
async function startWorker(n8n, name, { timeoutMs = 180000 } = {}) {
	const child = spawn(n8n.install.nodeBin, [n8n.install.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`], {
		cwd: n8n.userFolder,
		env: n8n.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const t0 = Date.now();
	while (!/n8n worker is now ready/.test(output)) {
		if (exited) throw new Error(`${name} exited early (${JSON.stringify(exited)})\n${tail(output)}`);
		if (Date.now() - t0 > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`${name} not ready after ${seconds(timeoutMs)}\n${tail(output)}`);
		}
		await sleep(250);
	}
	return {
		name,
		readyMs: Date.now() - t0,
		/** Execution IDs this worker started, from its log ("Worker started execution 12 (job 12)"). */
		executions: () => new Set([...output.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1])),
		logs: () => output,
		async stop() {
			if (exited) return;
			const done = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
			await done;
			clearTimeout(timer);
		},
	};
}

/** An example with its manual trigger replaced by a production webhook of the same name. */
function asWebhookWorkflow(workflow, webhookPath) {
	const manual = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (manual.length !== 1) throw new Error(`${workflow.name}: expected one manual trigger, found ${manual.length}`);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node === manual[0]
				? {
						...node,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						webhookId: crypto.randomUUID(),
						parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
					}
				: node,
		),
	};
}

/** The burst workflow: a webhook whose body names the post, and Post → Create. */
function burstWorkflow(credentials) {
	return {
		id: 'hoopQueueBurst0001',
		name: 'HoopAI queue mode: create one post per webhook call',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'b1000000-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
				parameters: { httpMethod: 'POST', path: 'hoopai-queue-burst', responseMode: 'onReceived', options: {} },
			},
			{
				id: 'b1000000-0000-4000-8000-000000000002',
				name: 'Create post',
				type: 'n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					authentication: 'accessToken',
					resource: 'post',
					operation: 'create',
					accountIds: '={{ $json.body.accountIds }}',
					status: 'scheduled',
					scheduleDate: '={{ $json.body.scheduleDate }}',
					timezone: 'UTC',
					summary: '={{ $json.body.marker }}',
					postType: 'post',
				},
				credentials,
			},
		],
		connections: { Webhook: { main: [[{ node: 'Create post', type: 'main', index: 0 }]] } },
	};
}

function workerOf(workers, executionId) {
	const ran = workers.filter((worker) => worker.executions().has(String(executionId)));
	return ran.length === 1 ? ran[0].name : `${ran.length} workers`;
}

async function queueModeTier({ check, install, tarball, sim, work, beside }) {
	const userFolder = path.join(work, 'queue-mode');
	fs.mkdirSync(userFolder, { recursive: true });
	const stops = [];
	let besideRun;
	try {
		const services = await check(
			'[queue] PostgreSQL and Redis (Debian packages) on loopback ports, data in temporary folders',
			async () => {
				const t0 = Date.now();
				const installed = await ensureServerPackages();
				const postgres = await startPostgres();
				stops.push(() => postgres.stop());
				const redis = await startRedis(userFolder);
				stops.push(() => redis.stop());
				const [[version]] = await psql(postgres, 'n8n', 'SHOW server_version');
				return {
					postgres,
					redis,
					summary: `PostgreSQL ${version} on ${postgres.port}, Redis on ${redis.port}${installed.length ? `; apt-get installed ${installed.join(', ')}` : ''} [${seconds(Date.now() - t0)}]`,
				};
			},
		);
		if (!services) return;
		const { postgres, redis } = services;
		const shared = queueEnv(postgres, redis);
		const cli = makeN8n(install, userFolder, { brokerPort: await freePort(), extra: shared });

		const workflows = EXAMPLES.map((example, index) => ({
			example,
			workflow: asWebhookWorkflow(loadExample(example.file), `hoopai-example-${index + 1}`),
		}));
		const trigger = loadExample(TRIGGER_FILE);
		const credentials = { hoopAiApi: { id: 'hoopAiSimulator01', name: 'HoopAI Social Planner (simulator)' } };
		const burst = burstWorkflow(credentials);
		const prepared = await check('[queue] tarball installed; credential and workflows imported into Postgres', async () => {
			const t0 = Date.now();
			await installTarball(userFolder, tarball);
			const dir = fs.mkdtempSync(path.join(work, 'queue-workflows-'));
			for (const workflow of [...workflows.map((w) => w.workflow), trigger, burst]) {
				fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
			}
			const token = credentialFile(work, { baseUrl: sim.url, token: sim.token, locationId: sim.locationId, userId: sim.userId });
			// And the agency OAuth2 credential of example 13, not connected yet (its check imports its token).
			await importCredentials(cli, work, [...JSON.parse(fs.readFileSync(token, 'utf8')), agencyCredential(sim, {})]);
			await cli.cli(['import:workflow', '--separate', `--input=${dir}`]);
			const [[count]] = await psql(postgres, 'n8n', 'SELECT count(*) FROM workflow_entity');
			assert.strictEqual(Number(count), workflows.length + 2, 'every workflow is in Postgres');
			return `${workflows.length} examples as webhooks, the trigger example, the burst workflow [${seconds(Date.now() - t0)}]`;
		});
		if (!prepared) return;

		sim.control.reset('sample');
		const main = makeN8n(install, userFolder, { port: await freePort(), brokerPort: await freePort(), extra: shared });
		let mainServer;
		const workers = [];
		const started = await check(`[queue] main (EXECUTIONS_MODE=queue) and ${WORKERS} workers start`, async () => {
			mainServer = await startServer(main);
			stops.unshift(() => mainServer.stop());
			for (let i = 1; i <= WORKERS; i++) {
				const worker = await startWorker(makeN8n(install, userFolder, { brokerPort: await freePort(), extra: shared }), `worker ${i}`);
				workers.push(worker);
				stops.unshift(() => worker.stop());
			}
			return `main ready in ${seconds(mainServer.readyMs)}; workers in ${workers.map((w) => seconds(w.readyMs)).join(', ')}`;
		});
		if (!started) return;
		const cookie = await ownerLogin(main.url);

		// Published through main's REST API, as the editor's Publish button does (one CLI process per
		// workflow would cost ~10 s each).
		const published = await check("[queue] workflows published on main; the trigger's activation poll runs on main", async () => {
			const before = sim.control.requests().length;
			for (const workflow of [...workflows.map((w) => w.workflow), trigger, burst]) {
				const got = await request('GET', `${main.url}/rest/workflows/${workflow.id}`, { cookie });
				const { versionId } = got.json?.data ?? {};
				const r = await request('POST', `${main.url}/rest/workflows/${workflow.id}/activate`, { cookie, body: { versionId } });
				assert.strictEqual(r.status, 200, `publish ${workflow.id}: ${r.status} ${r.text.slice(0, 300)}`);
			}
			// The activation poll seeds the trigger's state: no execution.
			await waitFor("the trigger's activation poll", () => listRequestsSince(sim, before).length > 0, 60000, 500);
			assert.deepStrictEqual(await executionsOf(main, cookie, trigger.id), [], 'the activation poll emits nothing');
			return `${workflows.length + 2} workflows published`;
		});
		if (!published) return;

		for (const { example, workflow } of workflows) {
			await check(`[queue] ${example.file} via webhook, executed by a worker`, async () => {
				sim.control.reset('sample');
				const ctx = {};
				if (example.before) await example.before(sim, ctx, { importCredentials: (records) => importCredentials(cli, work, records) });
				const known = new Set((await executionsOf(main, cookie, workflow.id)).map((e) => String(e.id)));
				ctx.startedAt = Date.now();
				const webhookPath = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook').parameters.path;
				const answer = await request('POST', `${main.url}/webhook/${webhookPath}`, { body: {} });
				assert.strictEqual(answer.status, 200, `webhook answered ${answer.status} ${answer.text.slice(0, 200)}`);
				const execution = await waitFor(
					'the execution to finish',
					async () => {
						const fresh = (await executionsOf(main, cookie, workflow.id)).filter((e) => !known.has(String(e.id)));
						return fresh.length && FINISHED.has(fresh[0].status) ? fresh[0] : undefined;
					},
					120000,
					500,
				);
				ctx.endedAt = Date.now();
				const { run } = await runDataOf(main, cookie, install, execution.id);
				const error = run.resultData?.error;
				if (error) throw new Error(`workflow error: ${JSON.stringify(error).slice(0, 1000)}`);
				assert.strictEqual(execution.status, 'success');
				const worker = workerOf(workers, execution.id);
				assert.match(worker, /^worker \d$/, `one worker ran execution ${execution.id}`);
				return `${example.check(run, sim, ctx)} [execution ${execution.id} on ${worker}]`;
			});
		}

		await check(
			`[queue] burst: ${BURST} create executions over ${WORKERS} workers, limit ${BURST_RATE_LIMIT.max}/${BURST_RATE_LIMIT.intervalMs / 1000} s: each post once, no 429 surfaces`,
			async () => {
				sim.control.reset('sample');
				sim.control.setRateLimit(BURST_RATE_LIMIT);
				const requestsBefore = sim.control.requests().length;
				const accountIds = location(sim)
					.accounts.filter((a) => ['facebook', 'linkedin'].includes(a.platform) && !a.isExpired)
					.map((a) => a.id);
				const scheduleDate = new Date(Date.now() + 48 * HOUR).toISOString().slice(0, 19);
				const run = crypto.randomBytes(3).toString('hex');
				const markers = Array.from({ length: BURST }, (_, i) => `Queue-mode burst ${run} #${i + 1}`);
				const t0 = Date.now();
				const answers = await Promise.all(
					markers.map((marker) =>
						request('POST', `${main.url}/webhook/hoopai-queue-burst`, { body: { marker, accountIds, scheduleDate } }),
					),
				);
				assert.deepStrictEqual(
					answers.filter((a) => a.status !== 200).map((a) => a.status),
					[],
					'every webhook call accepted',
				);
				const done = await waitFor(
					`${BURST} finished executions`,
					async () => {
						const list = await executionsOf(main, cookie, burst.id);
						return list.length >= BURST && list.every((e) => FINISHED.has(e.status)) ? list : undefined;
					},
					300000,
					1000,
				);
				const ms = Date.now() - t0;
				const statuses = done.reduce((counts, e) => ({ ...counts, [e.status]: (counts[e.status] ?? 0) + 1 }), {});
				assert.deepStrictEqual(statuses, { success: BURST }, 'every execution succeeded');
				const stored = location(sim).posts.map((p) => p.summary);
				const notOnce = markers.filter((marker) => stored.filter((summary) => summary === marker).length !== 1);
				assert.deepStrictEqual(notOnce, [], "the simulator holds each marker's post exactly once");
				const requests = sim.control.requests().slice(requestsBefore);
				sim.control.reset('sample');
				const perWorker = workers.map((w) => done.filter((e) => w.executions().has(String(e.id))).length);
				assert.ok(
					perWorker.every((n) => n > 0),
					`both workers ran executions (${perWorker.join(' + ')})`,
				);
				assert.strictEqual(
					perWorker.reduce((a, b) => a + b, 0),
					BURST,
					'each execution ran on exactly one worker',
				);
				const tooMany = requests.filter((r) => r.status === 429).length;
				// The issue's three figures: share answered 429, failed executions, rate as a share of the limit.
				const perSecond = (requests.length - tooMany) / (ms / 1000);
				const limitPerSecond = BURST_RATE_LIMIT.max / (BURST_RATE_LIMIT.intervalMs / 1000);
				return (
					`${BURST} executions in ${seconds(ms)}: ${perWorker.join(' + ')} per worker; ${requests.length} requests, ` +
					`${tooMany} answered 429 (${((tooMany / requests.length) * 100).toFixed(1)} %), 0 surfaced, 0 failed executions; ` +
					`${perSecond.toFixed(2)} requests/s = ${((perSecond / limitPerSecond) * 100).toFixed(0)} % of the limit; ${BURST} posts, none twice`
				);
			},
		);

		await check(
			'[queue] OAuth2: an expired access token met by both workers at once: one refresh, the rotated refresh token kept, no execution fails',
			async () => {
				const race = await queueRefreshRace({ cli, main, cookie, workers, sim, work });
				const figures = `${race.calls} executions (${race.perWorker.join(' + ')} per worker) in ${seconds(race.ms)}, token endpoint answering after ${race.refreshLatencyMs} ms: ${JSON.stringify(race.statuses)}; ${race.unauthorized} requests answered 401, ${race.refreshes} refreshes accepted, ${race.refused} refused; the stored refresh token is ${race.keptCurrent ? '' : 'NOT '}the live one`;
				log(`[queue] OAuth2 race: ${figures}`);
				assert.ok(
					race.perWorker.every((n) => n > 0),
					`both workers ran executions (${race.perWorker.join(' + ')})`,
				);
				assert.deepStrictEqual(race.statuses, { success: race.calls }, figures);
				assert.strictEqual(race.refused, 0, figures);
				assert.ok(race.keptCurrent, figures);
				return figures;
			},
		);

		// The trigger checks mostly wait for n8n's one-minute poll ticks: other tiers may run meanwhile.
		if (beside) besideRun = beside();
		await check(
			'[queue] trigger on main: one execution per failed post, on a worker; main restarted (workers running): none missed, none repeated',
			async () => {
				// The sample data again (same post IDs the activation poll saw); its TikTok account is
				// expired, so its post due in 3 h fails when the clock moves 4 h on.
				sim.control.reset('sample');
				const t0 = Date.now();
				const failedIds = () =>
					location(sim)
						.posts.filter((p) => p.status === 'failed')
						.map((p) => p._id);
				const failedBefore = new Set(failedIds());
				sim.control.advanceClock(4 * HOUR);
				const first = await waitFor(
					'an execution for the first failure',
					async () => {
						const list = await executionsOf(main, cookie, trigger.id);
						return list.length && list.every((e) => FINISHED.has(e.status)) ? list : undefined;
					},
					90000,
				);
				assert.strictEqual(first.length, 1, `one execution (got ${first.length})`);
				const firstFailed = failedIds().filter((id) => !failedBefore.has(id));
				assert.strictEqual(firstFailed.length, 1, 'one post failed in the simulator');
				const firstItems = (await runDataOf(main, cookie, install, first[0].id)).run.resultData.runData['When a post fails'][0].data
					.main[0];
				assert.deepStrictEqual(
					firstItems.map((i) => i.json.postId),
					firstFailed,
					'the execution names the failed post',
				);
				assert.match(workerOf(workers, first[0].id), /^worker \d$/);

				// Main goes down; a second post fails meanwhile (put on the expired TikTok account).
				await mainServer.stop();
				const [[staticData]] = await psql(postgres, 'n8n', `SELECT "staticData" FROM workflow_entity WHERE id = '${trigger.id}'`);
				assert.ok(staticData && staticData.length > 2, `the trigger's state is in Postgres (${String(staticData).slice(0, 80)}…)`);
				const tiktok = location(sim).accounts.find((a) => a.isExpired);
				const later = location(sim).posts.find((p) => p.status === 'scheduled');
				later.accountIds = [...later.accountIds, tiktok.id];
				sim.control.advanceClock(Date.parse(later.displayDate) - Date.parse(sim.control.snapshot().now) + HOUR);
				assert.strictEqual(
					location(sim).posts.find((p) => p._id === later._id).status,
					'failed',
					'the second post failed while main was down',
				);

				const before = sim.control.requests().length;
				mainServer = await startServer(main);
				const readyAt = Date.now();
				// The activation poll, then the next cron tick (top of a minute), then a little more.
				await waitFor('the activation poll after the restart', () => listRequestsSince(sim, before).length > 0, 60000, 500);
				await sleep(Math.max(0, 62000 - (Date.now() - readyAt)));
				await waitFor('a tick after the restart', () => listRequestsSince(sim, before).length > 1, 30000, 1000);
				const all = await waitFor(
					'executions to finish',
					async () => {
						const list = await executionsOf(main, cookie, trigger.id);
						return list.every((e) => FINISHED.has(e.status)) ? list : undefined;
					},
					60000,
				);
				assert.strictEqual(all.length, 2, `two executions in all, one per failed post (got ${all.length})`);
				const second = all.find((e) => String(e.id) !== String(first[0].id));
				const secondItems = (await runDataOf(main, cookie, install, second.id)).run.resultData.runData['When a post fails'][0].data.main[0];
				assert.deepStrictEqual(
					secondItems.map((i) => i.json.postId),
					[later._id],
					'the restart reported the post that failed while main was down, once',
				);
				assert.match(workerOf(workers, second.id), /^worker \d$/);
				const polls = listRequestsSince(sim, before).length;
				return `2 executions for 2 failures (${workerOf(workers, first[0].id)}, ${workerOf(workers, second.id)}); state in Postgres; ${polls} polls after the restart [${seconds(Date.now() - t0)}]`;
			},
		);
		await check(
			'[queue] agency trigger (example 14) published on main: one execution per failed post in two clients, on a worker, each naming its client',
			async () => {
				const t0 = Date.now();
				const world = await agencyTriggerWorld(sim, (records) => importCredentials(cli, work, records));
				const workflow = loadExample(AGENCY_FILE);
				await cli.cli(['import:workflow', `--input=${path.join(EXAMPLES_DIR, AGENCY_FILE)}`]);
				const before = sim.control.requests().length;
				const { versionId } = (await request('GET', `${main.url}/rest/workflows/${workflow.id}`, { cookie })).json?.data ?? {};
				const r = await request('POST', `${main.url}/rest/workflows/${workflow.id}/activate`, { cookie, body: { versionId } });
				assert.strictEqual(r.status, 200, `publish ${workflow.id}: ${r.status} ${r.text.slice(0, 300)}`);
				await waitFor(
					"the agency trigger's activation poll",
					() => clientPollsSince(sim, before, world.clients).length >= world.clients.length,
					60000,
					500,
				);
				await sleep(1000);
				assert.deepStrictEqual(await executionsOf(main, cookie, workflow.id), [], 'the activation poll emits nothing');
				const seen = await failInTurn({
					sim,
					failures: world.failures,
					executions: async () => await executionsOf(main, cookie, workflow.id),
					itemsOf: async (id) => await agencyItems(main, cookie, install, id),
				});
				const ran = seen.map((s) => workerOf(workers, s.execution.id));
				for (const worker of ran) assert.match(worker, /^worker \d$/, 'a worker ran it');
				return `${seen.length} executions for ${world.failures.length} failed posts (${world.failures.map((f) => f.client.name).join(', ')}) on ${ran.join(', ')} [${seconds(Date.now() - t0)}]`;
			},
		);
	} finally {
		if (besideRun) await besideRun;
		for (const stop of stops) await stop().catch((error) => log(`stop: ${error.message}`));
		// A tier that stopped before its trigger checks still runs what was to run beside them.
		if (beside && !besideRun) await beside();
		// The tiers after this one expect the sample data (its clock was moved a day on here).
		sim.control.reset('sample');
	}
}

module.exports = { queueModeTier };
