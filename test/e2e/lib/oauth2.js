'use strict';
// OAuth2 end-to-end, in a real n8n against the simulator's Marketplace. In headless Chromium (as
// screenshot.js launches it) the owner creates the HoopAI OAuth2 credential in the editor with
// the simulator's client ID and secret, clicks Connect, chooses a sub-account on the simulator's
// authorization page and allows it; n8n saves the token (read back with `n8n export:credentials
// --decrypted`, kept in memory, never printed). A published webhook workflow's node then uses it;
// the access token expires (the simulator's token clock moves a day on) and n8n refreshes it and
// keeps the rotated refresh token, three times over. A refresh token another copy already used
// fails with the node's message, and reconnecting in the editor mends it. An agency install is
// connected too: its test lists the installed sub-accounts; the node refuses it without a Location,
// and with one lists that sub-account's accounts, exchanging the agency token once for two runs.
// queueRefreshRace (run by queue-mode.js): two workers meet one expired token at once.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { log, seconds, freePort, makeN8n, startServer, ownerLogin, request, callWebhook } = require('./n8n');
const { waitFor, executionsOf, runDataOf, FINISHED } = require('./executions');
const { browserReady, loadPlaywright, CHROMIUM, FLAGS } = require('./screenshot');

const ACTION_TYPE = 'n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner';
const DAY_MS = 24 * 60 * 60 * 1000;
const CYCLES = 3;
const AGENCY_SCOPES = ' oauth.readonly oauth.write';
const REFRESH_LATENCY_MS = 4000;

/** The browser context of the logged-in owner. */
async function ownerContext(browser, baseUrl, cookie) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const [name, ...rest] = cookie.split(';')[0].split('=');
	await context.addCookies([{ name, value: rest.join('='), url: baseUrl }]);
	return context;
}

/**
 * Consents on the simulator's authorization page that Connect opened: `target` is the radio of
 * one sub-account (`location:<id>`) or of the agency (`company:<id>`). Resolves once the page
 * has gone back to n8n's callback and the window closed.
 */
async function consent(popup, target) {
	await popup.waitForURL(/\/v2\/oauth\/chooselocation\?/, { timeout: 30000 });
	await popup.locator(`input[name="target"][value="${target}"]`).check();
	const closed = popup.waitForEvent('close', { timeout: 30000 });
	await popup.click('#allow');
	await closed;
}

/**
 * Creates the HoopAI OAuth2 credential in the editor as a user would (type, name, client ID and
 * secret, Marketplace → Other Address with the simulator's URL, Base URL), clicks Connect and
 * consents for `target`. Returns the credential's ID once the editor says "Account connected".
 */
async function connectInEditor(browser, { baseUrl, cookie, sim, name, target, extraScopes = '' }) {
	const context = await ownerContext(browser, baseUrl, cookie);
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}/home/credentials/create`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		const type = page.locator('[data-test-id="new-credential-type-select"] input').first();
		await type.waitFor({ timeout: 60000 });
		await type.click();
		await page.keyboard.type('HoopAI OAuth2');
		await page.locator('[data-test-id="new-credential-type-select-option"]').filter({ hasText: 'HoopAI OAuth2 API' }).first().click();
		await page.locator('[data-test-id="new-credential-type-button"]').click();
		const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
		await page.locator('[data-test-id="credential-name"] [data-test-id="inline-edit-preview"]').click();
		await page.locator('[data-test-id="credential-name"] [data-test-id="inline-edit-input"]').fill(name);
		await page.keyboard.press('Enter');
		const field = (parameter) => dialog.locator(`[data-test-id="parameter-input-${parameter}"] input`).first();
		await field('clientId').fill(sim.clientId);
		await field('clientSecret').fill(sim.clientSecret);
		await field('marketplace').click();
		await page.locator('.el-select-dropdown__item:visible').filter({ hasText: 'Other Address' }).click();
		await field('marketplaceUrl').fill(sim.url);
		await field('baseUrl').fill(sim.url);
		if (extraScopes) await field('scope').fill(`${await field('scope').inputValue()}${extraScopes}`);
		const [popup] = await Promise.all([
			context.waitForEvent('page', { timeout: 30000 }),
			dialog.locator('[data-test-id="quick-connect-button"]').click(),
		]);
		await consent(popup, target);
		await dialog.locator('[data-test-id="oauth-connect-success-banner"]').waitFor({ state: 'visible', timeout: 30000 });
		return await credentialId(baseUrl, cookie, name);
	} finally {
		await context.close();
	}
}

/** Opens a connected credential and connects it again ("Switch account" in n8n 2.x), for `target`. */
async function reconnectInEditor(browser, { baseUrl, cookie, id, target }) {
	const context = await ownerContext(browser, baseUrl, cookie);
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}/home/credentials/${id}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
		const again = dialog.locator('[data-test-id="oauth-switch-account-button"]');
		await again.waitFor({ state: 'visible', timeout: 60000 });
		const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 30000 }), again.click()]);
		await consent(popup, target);
		await dialog.locator('[data-test-id="oauth-connect-success-banner"]').waitFor({ state: 'visible', timeout: 30000 });
	} finally {
		await context.close();
	}
}

async function credentialId(baseUrl, cookie, name) {
	const r = await request('GET', `${baseUrl}/rest/credentials`, { cookie });
	const named = (r.json?.data ?? []).filter((credential) => credential.name === name && credential.type === 'hoopAiOAuth2Api');
	// Found by name: another credential of that name (an example's) would be taken for this one.
	assert.strictEqual(named.length, 1, `one credential named "${name}" (found ${named.length})`);
	return named[0].id;
}

/** The credential's data as n8n stored it (decrypted by `n8n export:credentials`): never printed. */
async function storedCredential(n8n, work, id) {
	const file = path.join(work, `credential-${crypto.randomBytes(4).toString('hex')}.json`);
	try {
		await n8n.cli(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
		return JSON.parse(fs.readFileSync(file, 'utf8'))[0].data;
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** A published workflow: a webhook answering with the output of Account → Get Many over the credential. */
async function publishAccountsWebhook(baseUrl, cookie, { name, webhookPath, credential, location }) {
	const body = {
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: crypto.randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: crypto.randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: crypto.randomUUID(),
				name: 'Accounts',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					authentication: 'oAuth2',
					resource: 'account',
					operation: 'getAll',
					returnAll: true,
					...(location ? { location } : {}),
				},
				credentials: { hoopAiOAuth2Api: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Accounts', type: 'main', index: 0 }]] } },
	};
	const created = await request('POST', `${baseUrl}/rest/workflows`, { cookie, body });
	if (created.status !== 200) throw new Error(`POST /rest/workflows: ${created.status} ${created.text.slice(0, 300)}`);
	const { id } = created.json.data ?? created.json;
	const { versionId } = (await request('GET', `${baseUrl}/rest/workflows/${id}`, { cookie })).json?.data ?? {};
	const activated = await request('POST', `${baseUrl}/rest/workflows/${id}/activate`, { cookie, body: { versionId } });
	if (activated.status !== 200) throw new Error(`activate ${id}: ${activated.status} ${activated.text.slice(0, 300)}`);
	return { id, url: `${baseUrl}/webhook/${webhookPath}` };
}

/** What the simulator saw since `from`: method, path and status of each request. */
function seenSince(sim, from) {
	return sim.control
		.requests()
		.slice(from)
		.map((r) => `${r.method} ${r.path} ${r.status}`);
}

/** The newest execution of a workflow, once finished, with the error n8n stored for it. */
async function lastExecution(server, cookie, install, workflowId) {
	const execution = await waitFor(
		'the execution to finish',
		async () => {
			const [newest] = await executionsOf(server, cookie, workflowId);
			return newest && FINISHED.has(newest.status) ? newest : undefined;
		},
		60000,
		500,
	);
	const { run } = await runDataOf(server, cookie, install, execution.id);
	return { execution, error: run.resultData?.error };
}

async function oauth2Tier({ check, n8n, sim, work }) {
	if (!(await browserReady(check, '[oauth2] headless Chromium'))) return;
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	// The editor's address is the one the browser and HoopAI's redirect use (the OAuth callback).
	const server = makeN8n(n8n.install, n8n.userFolder, {
		port,
		brokerPort: await freePort(),
		extra: { N8N_EDITOR_BASE_URL: `${baseUrl}/`, WEBHOOK_URL: `${baseUrl}/` },
	});
	sim.control.reset('agency');
	sim.control.setOAuth({ redirectUris: [`${baseUrl}/rest/oauth2-credential/callback`] });
	const { chromium } = loadPlaywright();
	let running;
	let browser;
	try {
		running = await startServer(server);
		log(`n8n ready on ${server.url} in ${seconds(running.readyMs)}`);
		const cookie = await ownerLogin(server.url);
		browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
		const subAccount = { name: 'HoopAI sub-account (simulator OAuth2)' };

		const connected = await check(
			'[oauth2] created in the editor, Connect → HoopAI’s page → a sub-account allowed: n8n saves the Location token',
			async () => {
				const t0 = Date.now();
				subAccount.id = await connectInEditor(browser, {
					baseUrl,
					cookie,
					sim,
					name: subAccount.name,
					target: `location:${sim.locationId}`,
				});
				const stored = await storedCredential(n8n, work, subAccount.id);
				const token = stored.oauthTokenData;
				assert.strictEqual(token.userType, 'Location');
				assert.strictEqual(token.locationId, sim.locationId);
				assert.ok(sim.control.isCurrentRefreshToken(token.refresh_token), 'n8n holds the refresh token HoopAI issued');
				assert.deepStrictEqual(
					sim.control.grants().map((grant) => `${grant.userType} ${grant.via}`),
					['Location consent'],
				);
				return `credential ${subAccount.id}: userType Location, locationId ${token.locationId}; the connect took ${seconds(Date.now() - t0)}`;
			},
		);
		if (!connected) return;

		const webhook = await publishAccountsWebhook(baseUrl, cookie, {
			name: 'OAuth2: the sub-account’s accounts',
			webhookPath: 'hoopai-oauth2-accounts',
			credential: { id: subAccount.id, name: subAccount.name },
		});
		const callAccounts = async () => await callWebhook('POST', webhook.url, { body: {} });

		await check('[oauth2] a workflow’s node call succeeds with the saved token', async () => {
			const from = sim.control.requests().length;
			const answer = await callAccounts();
			assert.strictEqual(answer.status, 200, `webhook answered ${answer.status} ${answer.text.slice(0, 300)}`);
			assert.ok(Array.isArray(answer.json) && answer.json.some((account) => account.name === 'Hoop Coffee Roasters'));
			assert.deepStrictEqual(seenSince(sim, from), [`GET /social-media-posting/${sim.locationId}/accounts 200`]);
			return `${answer.json.length} accounts, no refresh`;
		});

		const figures = { refreshes: 0, kept: 0, failures: 0 };
		await check(
			`[oauth2] ${CYCLES} expiries: each time n8n refreshes on the 401, saves the rotated refresh token and uses it next time`,
			async () => {
				const t0 = Date.now();
				let previous = (await storedCredential(n8n, work, subAccount.id)).oauthTokenData.refresh_token;
				for (let cycle = 1; cycle <= CYCLES; cycle++) {
					sim.control.advanceTokenClock(DAY_MS);
					const from = sim.control.requests().length;
					const answer = await callAccounts();
					if (answer.status !== 200) figures.failures += 1;
					assert.strictEqual(answer.status, 200, `cycle ${cycle}: webhook answered ${answer.status} ${answer.text.slice(0, 300)}`);
					assert.deepStrictEqual(seenSince(sim, from), [
						`GET /social-media-posting/${sim.locationId}/accounts 401`,
						'POST /oauth/token 200',
						`GET /social-media-posting/${sim.locationId}/accounts 200`,
					]);
					figures.refreshes += 1;
					const saved = (await storedCredential(n8n, work, subAccount.id)).oauthTokenData.refresh_token;
					assert.notStrictEqual(saved, previous, `cycle ${cycle}: the stored refresh token changed`);
					if (sim.control.isCurrentRefreshToken(saved)) figures.kept += 1;
					previous = saved;
				}
				const [grant] = sim.control.grants();
				assert.deepStrictEqual({ refreshes: grant.refreshes, refused: grant.refusedRefreshes }, { refreshes: CYCLES, refused: 0 });
				assert.deepStrictEqual(figures, { refreshes: CYCLES, kept: CYCLES, failures: 0 });
				return `refreshes ${figures.refreshes}, rotated refresh tokens kept ${figures.kept}/${CYCLES}, failures ${figures.failures} [${seconds(Date.now() - t0)}]`;
			},
		);

		await check(
			'[oauth2] a refresh token another copy already used: the execution fails saying to reconnect the credential; reconnecting in the editor mends it',
			async () => {
				sim.control.refreshElsewhere({ userType: 'Location' });
				sim.control.advanceTokenClock(DAY_MS);
				const answer = await callAccounts();
				assert.notStrictEqual(answer.status, 200);
				const { execution, error } = await lastExecution(server, cookie, n8n.install, webhook.id);
				assert.strictEqual(execution.status, 'error');
				assert.ok(error.message.startsWith(`HoopAI refused to refresh the OAuth2 token of "${subAccount.name}" (`), error.message);
				assert.ok(error.message.includes(': open the credential, click Reconnect'), error.message);
				await reconnectInEditor(browser, { baseUrl, cookie, id: subAccount.id, target: `location:${sim.locationId}` });
				const mended = await callAccounts();
				assert.strictEqual(mended.status, 200, `after reconnecting: ${mended.status} ${mended.text.slice(0, 300)}`);
				return `"${error.message.slice(0, 150)}…"; after Reconnect the webhook answers ${mended.json.length} accounts`;
			},
		);

		await check(
			'[oauth2] an agency install: n8n saves the Company token, its test lists the installed sub-accounts; the node needs a Location, then works in that sub-account with one exchange for two executions',
			async () => {
				const name = 'HoopAI agency (connected in the editor)';
				const id = await connectInEditor(browser, {
					baseUrl,
					cookie,
					sim,
					name,
					target: `company:${sim.companyId}`,
					extraScopes: AGENCY_SCOPES,
				});
				const data = await storedCredential(n8n, work, id);
				assert.strictEqual(data.oauthTokenData.userType, 'Company');
				const approved = data.oauthTokenData.approvedLocations.length;
				const from = sim.control.requests().length;
				const tested = await request('POST', `${baseUrl}/rest/credentials/test`, {
					cookie,
					body: { credentials: { id, name, type: 'hoopAiOAuth2Api', data } },
				});
				assert.deepStrictEqual(tested.json?.data, { status: 'OK', message: 'Connection successful!' });
				assert.deepStrictEqual(seenSince(sim, from), ['GET /oauth/installedLocations 200']);
				// The sub-account comes with each call, as one item per client would bring it.
				const agencyWebhook = await publishAccountsWebhook(baseUrl, cookie, {
					name: 'OAuth2: an agency credential',
					webhookPath: 'hoopai-oauth2-agency',
					credential: { id, name },
					location: { __rl: true, mode: 'id', value: '={{ $json.body.location }}' },
				});
				const before = sim.control.requests().length;
				await callWebhook('POST', agencyWebhook.url, { body: {} });
				const { error } = await lastExecution(server, cookie, n8n.install, agencyWebhook.id);
				assert.match(error.message, /^Location: this OAuth2 credential is an agency install, so each item needs a sub-account/);
				assert.deepStrictEqual(seenSince(sim, before), [], 'nothing was sent');
				const [client] = data.oauthTokenData.approvedLocations;
				const own = sim.state.locations
					.get(client)
					.accounts.map((account) => account.id)
					.sort();
				const exchanged = sim.control.requests().length;
				const served = [];
				for (let call = 1; call <= 2; call++) {
					const answer = await callWebhook('POST', agencyWebhook.url, { body: { location: client } });
					assert.strictEqual(answer.status, 200, `call ${call} with Location ${client}: ${answer.status} ${answer.text.slice(0, 300)}`);
					served.push(answer.json.map((account) => account.id).sort());
				}
				assert.deepStrictEqual(served, [own, own], "both calls list that sub-account's own accounts");
				const seen = seenSince(sim, exchanged);
				assert.deepStrictEqual(
					seen.filter((line) => line.startsWith('POST /oauth/locationToken')),
					['POST /oauth/locationToken 200'],
					'one exchange for the two executions (the token is held in the process)',
				);
				return (
					`Company token, ${approved} approved sub-accounts; test: GET /oauth/installedLocations → "Connection successful!"; ` +
					`no Location: "${error.message.slice(0, 80)}…", nothing sent; Location ${client}: ${own.length} accounts twice, ` +
					`${seen.length} requests (${seen.join(', ')})`
				);
			},
		);
	} finally {
		if (browser) await browser.close();
		if (running) await running.stop();
		sim.control.reset('sample');
	}
}

/**
 * Queue mode: one OAuth2 credential (a sub-account install's token, imported), a published
 * webhook workflow over it, the token expired, and `calls` executions started at once so both
 * workers meet the 401 together. Returns what happened: refreshes HoopAI accepted and refused,
 * whether the refresh token n8n stored is the live one, and the executions' statuses.
 */
async function queueRefreshRace({ cli, main, cookie, workers, sim, work, calls = 10 }) {
	sim.control.reset('agency');
	const name = 'HoopAI sub-account (queue OAuth2)';
	const id = 'hoopQueueOAuth2001';
	const token = sim.control.connect();
	const file = path.join(work, 'queue-oauth2-credential.json');
	const data = {
		clientId: sim.clientId,
		clientSecret: sim.clientSecret,
		marketplace: 'custom',
		marketplaceUrl: sim.url,
		baseUrl: sim.url,
		oauthTokenData: token,
	};
	fs.writeFileSync(file, JSON.stringify([{ id, name, type: 'hoopAiOAuth2Api', data }]));
	try {
		await cli.cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	const webhook = await publishAccountsWebhook(main.url, cookie, {
		name: 'Queue: OAuth2 race',
		webhookPath: 'hoopai-queue-oauth2',
		credential: { id, name },
	});
	// Registered on main (this call, before the expiry, refreshes nothing).
	assert.strictEqual((await callWebhook('POST', webhook.url, { body: {} })).status, 200);
	sim.control.advanceTokenClock(DAY_MS);
	// The token endpoint answers after 4 s, so executions of both workers meet the 401 before the
	// first refresh is done (with a fast answer one worker's refresh lands before the other starts).
	sim.control.injectFaults({ latencyMs: REFRESH_LATENCY_MS, pathIncludes: '/oauth/token' });
	const known = new Set((await executionsOf(main, cookie, webhook.id)).map((e) => String(e.id)));
	const from = sim.control.requests().length;
	const t0 = Date.now();
	const answers = await Promise.all(Array.from({ length: calls }, () => request('POST', webhook.url, { body: {} })));
	const done = await waitFor(
		`${calls} finished executions`,
		async () => {
			const fresh = (await executionsOf(main, cookie, webhook.id)).filter((e) => !known.has(String(e.id)));
			return fresh.length >= calls && fresh.every((e) => FINISHED.has(e.status)) ? fresh : undefined;
		},
		120000,
		500,
	);
	sim.control.clearFaults();
	const statuses = done.reduce((counts, e) => ({ ...counts, [e.status]: (counts[e.status] ?? 0) + 1 }), {});
	const perWorker = workers.map((worker) => done.filter((e) => worker.executions().has(String(e.id))).length);
	const seen = sim.control.requests().slice(from);
	const tokenCalls = seen.filter((r) => r.path === '/oauth/token');
	const stored = await storedCredential(cli, work, id);
	return {
		ms: Date.now() - t0,
		calls,
		webhookStatuses: answers.map((a) => a.status),
		statuses,
		perWorker,
		refreshes: tokenCalls.filter((r) => r.status === 200).length,
		refused: tokenCalls.filter((r) => r.status !== 200).length,
		unauthorized: seen.filter((r) => r.status === 401).length,
		refreshLatencyMs: REFRESH_LATENCY_MS,
		keptCurrent: sim.control.isCurrentRefreshToken(stored.oauthTokenData.refresh_token),
	};
}

module.exports = { oauth2Tier, queueRefreshRace };
