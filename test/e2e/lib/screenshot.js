'use strict';
// Screenshot in a real browser: headless Chromium (Debian `chromium`) driven by playwright-core logs
// into a running n8n, opens an example workflow and our node, checks the parameter panel rendered
// our fields (DOM) and saves a PNG under test/artifacts/.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO_ROOT, log, seconds, freePort, makeN8n, startServer, ownerLogin } = require('./n8n');
const { loadExample } = require('./examples');

const CHROMIUM = process.env.HOOPAI_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const WORKFLOW_FILE = '01-schedule-post-to-several-accounts.json';
const NODE_NAME = 'Schedule post';

/** Installs Debian's chromium if it is missing (CI machines are fresh); returns a reason when it cannot. */
function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return undefined;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
	if (!root && !sudo) return `${CHROMIUM} is missing and apt-get needs root (install the Debian package chromium)`;
	const prefix = root ? [] : ['sudo', '-n'];
	const run = (args) => {
		const [cmd, ...rest] = [...prefix, ...args];
		return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	};
	log('installing the Debian package chromium (apt-get) …');
	if (run(['apt-get', 'update', '-qq']).status !== 0) return 'apt-get update failed';
	if (run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']).status !== 0) return 'apt-get install chromium failed';
	return fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} still missing after apt-get install`;
}

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch {
		return undefined;
	}
}

/** Logs in, opens the workflow and our node, asserts the panel, saves the PNG. Returns the PNG path. */
async function capture({ baseUrl, cookie, workflowId, nodeName, file }) {
	const { chromium } = loadPlaywright();
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		const [name, ...rest] = cookie.split(';')[0].split('=');
		await context.addCookies([{ name, value: rest.join('='), url: baseUrl }]);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: nodeName }).first();
		await node.waitFor({ state: 'visible', timeout: 60000 });
		await page.keyboard.press('Escape');
		await node.dblclick();
		const ndv = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
		await ndv.waitFor({ state: 'visible', timeout: 30000 });
		const resource = page.locator('[data-test-id="parameter-input-resource"]').first();
		const operation = page.locator('[data-test-id="parameter-input-operation"]').first();
		await resource.waitFor({ state: 'visible', timeout: 30000 });
		await operation.waitFor({ state: 'visible', timeout: 30000 });
		// Let icons and the dropdown values settle.
		await page.waitForTimeout(1500);
		const resourceValue = await resource.locator('input').first().inputValue().catch(() => '');
		const operationValue = await operation.locator('input').first().inputValue().catch(() => '');
		const labels = await page.locator('[data-test-id="node-parameters"] [data-test-id="parameter-item"], [data-test-id="node-parameters"] label').allInnerTexts();
		// Our icon (served by n8n from the installed package) loaded in the page.
		const icons = await page.evaluate(() =>
			[...document.images].filter((img) => img.src.includes('hoopai') && img.complete && img.naturalWidth > 0).map((img) => img.src),
		);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await page.screenshot({ path: file, fullPage: false });
		return { resourceValue, operationValue, icons, labels: labels.map((l) => l.split('\n')[0].trim()).filter(Boolean) };
	} finally {
		await browser.close();
	}
}

async function screenshotTier({ check, n8n }) {
	const workflow = loadExample(WORKFLOW_FILE);
	await check('screenshot: n8n editor shows our node’s parameter panel (headless Chromium)', async () => {
		if (!loadPlaywright()) return { skipped: 'playwright-core is not installed (npm install)' };
		const reason = ensureChromium();
		if (reason) return { skipped: reason };
		const server = makeN8n(n8n.install, n8n.userFolder, { port: await freePort(), brokerPort: await freePort() });
		const running = await startServer(server);
		try {
			const cookie = await ownerLogin(server.url);
			const file = path.join(ARTIFACTS, 'hoopai-node-panel.png');
			const t0 = Date.now();
			const seen = await capture({ baseUrl: server.url, cookie, workflowId: workflow.id, nodeName: NODE_NAME, file });
			assert.strictEqual(seen.resourceValue, 'Post', `Resource dropdown shows Post (got "${seen.resourceValue}")`);
			assert.strictEqual(seen.operationValue, 'Create', `Operation dropdown shows Create (got "${seen.operationValue}")`);
			assert.ok(seen.icons.length > 0, 'the HoopAI icon loaded from the installed package');
			assert.ok(fs.statSync(file).size > 10000, 'PNG written');
			return `${path.relative(REPO_ROOT, file)}: Resource=${seen.resourceValue}, Operation=${seen.operationValue}, icon ${new URL(seen.icons[0]).pathname} [${seconds(Date.now() - t0)}]`;
		} finally {
			await running.stop();
		}
	});
}

module.exports = { screenshotTier, capture, ensureChromium, CHROMIUM, FLAGS };
