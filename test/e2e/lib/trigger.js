'use strict';
// Trigger end-to-end: publish the "notify when a post fails" example, run `n8n start`, let the
// activation poll seed the trigger's state, advance the simulator's clock so a post fails, and expect
// exactly one execution; restart n8n and expect no duplicate (activation poll + one cron tick).
const assert = require('assert');
const path = require('path');
const { log, seconds, freePort, makeN8n, startServer, ownerLogin } = require('./n8n');
const { sleep, waitFor, executionsOf, runDataOf, listRequestsSince } = require('./executions');
const { EXAMPLES_DIR, loadExample, location } = require('./examples');

const FILE = '05-notify-when-a-post-fails.json';
const HOUR = 60 * 60 * 1000;

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

module.exports = { triggerTier };
