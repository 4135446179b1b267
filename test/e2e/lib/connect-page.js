'use strict';
// Connect page end-to-end: examples 10 and 11 published in a real n8n, the page opened from n8n's
// production webhook in headless Chromium (playwright-core, as screenshot.js launches it). The
// client clicks Facebook; the simulator's login page (oauthStart: 'browser', no token) posts
// HighLevel's message to the page; the page posts it to example 11's webhook, which lists and
// attaches the pages and answers; the page shows them. Checked from the DOM, in the simulator's
// state and in what Account → Get Many's endpoint lists; screenshots before and after (test/artifacts,
// and docs/ with HOOPAI_E2E_UPDATE_DOCS=1). Then what the page and the callback must refuse.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, log, seconds, freePort, makeN8n, startServer, request } = require('./n8n');
const { EXAMPLES_DIR, loadExample, location } = require('./examples');
const { browserReady, loadPlaywright, CHROMIUM, FLAGS } = require('./screenshot');

const FILES = ['10-onboard-a-client-serve-the-connect-page.json', '11-onboard-a-client-attach-what-they-connect.json'];
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const DOCS = path.join(REPO_ROOT, 'docs');
const SHOTS = { before: 'connect-page.png', after: 'connect-page-attached.png' };
const VIEWPORT = { width: 760, height: 760 };

/** What the page shows: its texts and each button's network, name and state. */
async function readPage(page) {
	return await page.evaluate(() => ({
		title: document.title,
		heading: document.querySelector('h1').textContent,
		agency: document.querySelector('.brand span')?.textContent ?? '',
		buttons: [...document.querySelectorAll('button[data-platform]')].map((button) => ({
			platform: button.dataset.platform,
			name: button.querySelector('.name').textContent,
			state: button.querySelector('.state').textContent,
		})),
		status: document.getElementById('status').textContent,
		statusKind: document.getElementById('status').className,
		config: JSON.parse(document.getElementById('connect-config').textContent),
	}));
}

/** Waits until the page's status line is no longer "waiting" (the callback answered). */
async function settled(page) {
	await page.waitForFunction(
		() => {
			const status = document.getElementById('status');
			return status.textContent && !status.classList.contains('waiting');
		},
		null,
		{ timeout: 60000 },
	);
	return await readPage(page);
}

/** A client's browser on the connect page, counting what it posts to the callback. */
async function openConnectPage(browser, url) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	const page = await context.newPage();
	const posts = [];
	page.on('request', (sent) => {
		if (sent.method() === 'POST') posts.push(sent.url());
	});
	// n8n may still answer 404 while it registers the published workflows' webhooks.
	let response = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
	for (let tries = 1; response.status() === 404 && tries < 60; tries++) {
		await page.waitForTimeout(500);
		response = await page.goto(url, { waitUntil: 'load', timeout: 60000 });
		if (response.status() !== 404) log(`the connect page answered 404 ${tries} time(s) before ${response.status()}`);
	}
	return { context, page, posts, response };
}

/** Clicks a network's button; returns the login window it opened, loaded. */
async function clickNetwork(page, platform) {
	const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(`button[data-platform="${platform}"]`)]);
	await popup.waitForLoadState('load');
	return popup;
}

async function connectPageTier({ check, n8n, sim, work }) {
	if (!(await browserReady(check, '[connect page] headless Chromium'))) return;
	const [pageWorkflow, callbackWorkflow] = FILES.map(loadExample);
	const published = await check(`[connect page] import + publish:workflow ${FILES.join(', ')}`, async () => {
		const dir = fs.mkdtempSync(path.join(work, 'connect-page-'));
		for (const file of FILES) fs.copyFileSync(path.join(EXAMPLES_DIR, file), path.join(dir, file));
		await n8n.cli(['import:workflow', '--separate', `--input=${dir}`]);
		for (const workflow of [pageWorkflow, callbackWorkflow]) await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		return `published ${pageWorkflow.id}, ${callbackWorkflow.id}`;
	});
	if (!published) return;

	sim.control.reset('sample');
	sim.control.setOAuthStart('browser');
	const port = await freePort();
	// The page's Callback URL comes from the Webhook's own URL: the address the browser uses.
	const server = makeN8n(n8n.install, n8n.userFolder, {
		port,
		brokerPort: await freePort(),
		extra: { WEBHOOK_URL: `http://127.0.0.1:${port}/` },
	});
	const pageUrl = `${server.url}/webhook/hoopai-connect`;
	const callbackUrl = `${server.url}/webhook/hoopai-connect-callback`;
	const { chromium } = loadPlaywright();
	let running;
	let browser;
	try {
		running = await startServer(server);
		log(`n8n ready on ${server.url} in ${seconds(running.readyMs)}`);
		browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
		fs.mkdirSync(ARTIFACTS, { recursive: true });

		await check(
			'[connect page] the client clicks Facebook, allows access in the login window, and the page shows the pages attached',
			async () => {
				const t0 = Date.now();
				const { context, page, posts, response } = await openConnectPage(browser, pageUrl);
				try {
					assert.strictEqual(response.status(), 200);
					assert.match(response.headers()['content-type'], /^text\/html/);
					// n8n serves webhook HTML sandboxed (an opaque origin); popups may leave the sandbox.
					const sandbox = response.headers()['content-security-policy'].split(' ');
					assert.deepStrictEqual(
						['sandbox', 'allow-scripts', 'allow-popups', 'allow-popups-to-escape-sandbox'].filter((flag) => !sandbox.includes(flag)),
						[],
					);
					const html = await response.text();
					assert.ok(!html.includes(sim.token), 'the page holds no token');
					const shown = await readPage(page);
					assert.strictEqual(shown.heading, 'Connect your social accounts');
					assert.strictEqual(shown.agency, 'Hoop Marketing');
					assert.deepStrictEqual(
						shown.buttons.map((button) => button.name),
						['Facebook', 'Instagram', 'Google Business Profile', 'LinkedIn', 'TikTok', 'YouTube', 'Pinterest', 'Threads'],
					);
					assert.strictEqual(shown.config.callbackUrl, callbackUrl, 'the callback is example 11’s webhook');
					assert.strictEqual(shown.status, '');
					await page.screenshot({ path: path.join(ARTIFACTS, SHOTS.before), fullPage: true });

					const clickedAt = Date.now();
					const popup = await clickNetwork(page, 'facebook');
					assert.ok(
						popup.url().startsWith(`${sim.url}/social-media-posting/oauth/facebook/start?`),
						`the login window opens the connect link (${popup.url()})`,
					);
					const accountId = (await popup.textContent('#account-id')).trim();
					await popup.click('#allow');
					const after = await settled(page);
					const clickToAttached = Date.now() - clickedAt;

					const stored = location(sim).accounts.filter((account) => account.oauthId === accountId);
					assert.deepStrictEqual(stored.map((account) => account.name).sort(), ['Facebook Main Page', 'Facebook Second Page']);
					assert.strictEqual(after.statusKind, 'status success', `the page says: ${after.status}`);
					assert.strictEqual(after.status, `Attached: ${stored.map((account) => `${account.name} (Facebook page)`).join(', ')}`);
					assert.deepStrictEqual(after.buttons.find((button) => button.platform === 'facebook').state, 'Connected ✓');
					assert.deepStrictEqual(posts, [callbackUrl], 'one post, to the callback');
					// What Account → Get Many reads.
					const listed = await request('GET', `${sim.url}/social-media-posting/${sim.locationId}/accounts`, {
						headers: { authorization: `Bearer ${sim.token}`, version: '2021-07-28' },
					});
					const names = listed.json.results.accounts
						.filter((account) => account.oauthId === accountId)
						.map((account) => account.name)
						.sort();
					assert.deepStrictEqual(names, ['Facebook Main Page', 'Facebook Second Page']);
					await page.screenshot({ path: path.join(ARTIFACTS, SHOTS.after), fullPage: true });
					if (process.env.HOOPAI_E2E_UPDATE_DOCS === '1')
						for (const file of Object.values(SHOTS)) fs.copyFileSync(path.join(ARTIFACTS, file), path.join(DOCS, file));
					return `2 clicks (Facebook, then Allow in the login window) → "${after.status}" in ${seconds(clickToAttached)}; screenshots ${Object.values(
						SHOTS,
					)
						.map((file) => path.relative(REPO_ROOT, path.join(ARTIFACTS, file)))
						.join(', ')} [${seconds(Date.now() - t0)}]`;
				} finally {
					await context.close();
				}
			},
		);

		await check('[connect page] the page takes no answer but HighLevel’s, from its own login window, with one ID', async () => {
			const { context, page, posts } = await openConnectPage(browser, pageUrl);
			try {
				const popup = await clickNetwork(page, 'instagram');
				const accountId = (await popup.textContent('#account-id')).trim();
				const message = {
					actionType: 'close',
					page: 'social_media_posting',
					platform: 'instagram',
					placement: 'social_media_posting',
					accountId,
					reconnectAccounts: [],
				};
				// From the page itself (not its login window), and messages of another shape: ignored.
				await page.evaluate((forged) => window.postMessage(forged, '*'), message);
				await popup.evaluate((forged) => window.opener.postMessage(forged, '*'), { ...message, actionType: 'open' });
				await popup.evaluate((forged) => window.opener.postMessage(forged, '*'), { ...message, page: 'social-media-posting' });
				await popup.evaluate(() => window.opener.postMessage('close', '*'));
				await page.waitForTimeout(1000);
				const ignored = await readPage(page);
				assert.strictEqual(ignored.statusKind, 'status waiting', `still waiting: ${ignored.status}`);
				// HighLevel's shape, but an accountId that is not one ID: refused, nothing posted.
				await popup.evaluate((forged) => window.opener.postMessage(forged, '*'), { ...message, accountId: `${accountId}/../x` });
				const refused = await settled(page);
				assert.match(refused.status, /^The login window answered with something this page cannot use, so nothing was added/);
				// The right message from another origin (the same simulator as http://localhost): refused and named.
				// Navigated from inside the window (as a login's redirects are), so the page stays its opener.
				const elsewhere = popup.url().replace('127.0.0.1', 'localhost');
				await Promise.all([
					popup.waitForNavigation({ waitUntil: 'load' }),
					popup.evaluate((url) => window.location.assign(url), elsewhere),
				]);
				await popup.evaluate((forged) => window.opener.postMessage(forged, '*'), message);
				await page.waitForFunction(() => document.getElementById('status').textContent.includes('http://localhost'), null, {
					timeout: 10000,
				});
				const otherOrigin = await readPage(page);
				assert.match(
					otherOrigin.status,
					/^The login window answered from http:\/\/localhost:\d+, which this page does not take answers from\. Please tell Hoop Marketing\.$/,
				);
				// The window closing after it answered keeps that answer's message.
				await popup.close();
				await page.waitForTimeout(2500);
				assert.strictEqual((await readPage(page)).status, otherOrigin.status);
				// A window closed before it answered: the page says so.
				const unanswered = await clickNetwork(page, 'youtube');
				await unanswered.close();
				await page.waitForFunction(() => document.getElementById('status').textContent.includes('was closed'), null, { timeout: 10000 });
				assert.strictEqual(
					(await readPage(page)).status,
					'The YouTube window was closed before the login finished. Click YouTube to try again.',
				);
				assert.deepStrictEqual(posts, [], 'nothing posted to the callback');
				return `ignored: a message from the page itself and 3 of other shapes; refused: accountId "…/../x", origin ${new URL(elsewhere).origin}; a window closed unanswered named; 0 posts`;
			} finally {
				await context.close();
			}
		});

		await check(
			'[connect page] the callback refuses a wrong nonce, an accountId with a slash and a network the API cannot connect; nothing attached',
			async () => {
				const served = await request('GET', pageUrl);
				const nonce = JSON.parse(/<script type="application\/json" id="connect-config">(.*?)<\/script>/s.exec(served.text)[1]).nonce;
				const login = sim.control.completeConnect(
					`${sim.url}/social-media-posting/oauth/facebook/start?locationId=${sim.locationId}&userId=${sim.userId}`,
				);
				const good = { platform: 'facebook', accountId: login.accountId, reconnectAccounts: [], nonce };
				const cases = [
					[
						'a wrong nonce',
						{ ...good, nonce: `${nonce.slice(0, -10)}${nonce.at(-10) === 'A' ? 'B' : 'A'}${nonce.slice(-9)}` },
						/the nonce is not one this location's connect page gave/,
					],
					['an accountId with a slash', { ...good, accountId: `${login.accountId}/x` }, /is not one ID/],
					['Bluesky', { ...good, platform: 'bluesky' }, /the network "bluesky" cannot be connected through the API/],
					['another shape', { ...login, nonce }, /is not what the connect page posts/],
				];
				const before = sim.control.requests().length;
				const accountsBefore = location(sim).accounts.length;
				for (const [what, body, expected] of cases) {
					const answer = await request('POST', callbackUrl, { body });
					assert.strictEqual(answer.status, 200, `${what}: ${answer.status} ${answer.text}`);
					assert.strictEqual(answer.json.length, 1, `${what}: one error item`);
					assert.match(answer.json[0].error, expected, what);
				}
				assert.deepStrictEqual(
					sim.control
						.requests()
						.slice(before)
						.map((sent) => `${sent.method} ${sent.path}`),
					[],
					'no request to the API',
				);
				assert.strictEqual(location(sim).accounts.length, accountsBefore, 'nothing attached');
				return cases.map(([what]) => what).join(', ');
			},
		);
	} finally {
		if (browser) await browser.close();
		if (running) await running.stop();
		sim.control.setOAuthStart('bearer');
	}
}

module.exports = { connectPageTier };
