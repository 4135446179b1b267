'use strict';
// Screenshots in a real browser: headless Chromium (Debian `chromium`) driven by playwright-core logs
// into a running n8n and opens our nodes' parameter panels, checks them from the DOM and saves PNGs
// under test/artifacts/:
//  (a) Post → Create with every collection open: each Additional Field added through its "Add
//      Field" list, each network through the Platform Options list, one Media row through "Add
//      Media" (its URL typed in). The labels the editor shows, in DOM order, must be those the node
//      description gives (as n8n serves it, walked with n8n's own display rules), the "Add" lists
//      must offer their options in the description's order, no label may be cut short, no field
//      may be marked red (empty optional dropdowns included) and typing "new york" in the Timezone
//      dropdown must find America/New York.
//  (b) the trigger's parameter panel: labels from its description, none cut, none red.
//  (c) the screens of the marketer's walk (issue 21): Queue Item → Create, Category Queue →
//      Create, CSV Import → Import Posts and Build CSV, Account Connection's three steps, and
//      Post → Create's Media rows by Source. Besides (a)'s checks, each shows none of the walk's
//      frictions: the canvas subtitle is the operation's action words; no text field's
//      description says "Choose … from the list"; Queue Item shows Content and Media first and
//      its session and order settings only under Options; Time Slots name the time zone; the
//      Platform dropdowns list no Bluesky or X; Media shows Source and one field or the other.
// HOOPAI_E2E_UPDATE_DOCS=1 also copies them to docs/node-panel.png and docs/trigger-panel.png, the
// README's pictures.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { NodeHelpers } = require('n8n-workflow');
const { REPO_ROOT, PACKAGE_NAME, log, seconds, freePort, makeN8n, startServer, ownerLogin, request } = require('./n8n');
const { loadExample, location } = require('./examples');

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
const DOCS = path.join(REPO_ROOT, 'docs');
const VIEWPORT = { width: 1440, height: 900 };
const ACTION_TYPE = `${PACKAGE_NAME}.hoopAiSocialPlanner`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.hoopAiSocialPlannerTrigger`;
const CREDENTIAL = { id: 'hoopAiSimulator01', name: 'HoopAI Social Planner (simulator)' };

/** The action node as a workflow holds it, after the manual trigger, with the simulator's credential. */
function actionNode(id, name, parameters) {
	return { id, name, type: ACTION_TYPE, typeVersion: 1, position: [300, 0], credentials: { hoopAiApi: CREDENTIAL }, parameters };
}

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
	if (run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']).status !== 0)
		return 'apt-get install chromium failed';
	return fs.existsSync(CHROMIUM) ? undefined : `${CHROMIUM} still missing after apt-get install`;
}

function loadPlaywright() {
	try {
		return require('playwright-core');
	} catch {
		return undefined;
	}
}

/** A check that playwright-core and Chromium are there (skipped, with the reason, when not); true when they are. */
async function browserReady(check, name) {
	return await check(name, async () => {
		if (!loadPlaywright()) return { skipped: 'playwright-core is not installed (npm install)' };
		const reason = ensureChromium();
		return reason ? { skipped: reason } : 'playwright-core + chromium';
	});
}

// ------------------------------------------------------------------------------------------------
// What the editor should show, from the node description as n8n serves it to the editor.

/** The node types as n8n loaded them (pollTimes and Request Options included). */
async function servedDescriptions(baseUrl, cookie) {
	const r = await request('GET', `${baseUrl}/types/nodes.json`, { cookie });
	if (r.status !== 200) throw new Error(`GET /types/nodes.json: ${r.status}`);
	return Object.fromEntries(r.json.filter((type) => type.name.startsWith(PACKAGE_NAME)).map((type) => [type.name, type]));
}

/** A field's value as the editor holds it: what is set, else the field's default. */
function withDefaults(fields, values = {}) {
	const filled = { ...values };
	for (const field of fields) if (!(field.name in filled) && 'default' in field) filled[field.name] = field.default;
	return filled;
}

/**
 * The labels of the parameter panel, in order, for a node's parameters: the displayed properties
 * (n8n's NodeHelpers.displayParameter), into each collection the fields it holds (in the order they
 * were added) and each fixedCollection's groups and their displayed fields. Left out as the editor
 * leaves them out of the Parameters tab: the Authentication field (shown with the credential) and
 * n8n's Request Options (Settings tab).
 */
function expectedLabels(description, parameters) {
	const node = { typeVersion: 1 };
	// Defaults of the fields shown (the operation's is its resource's: n8n leaves it out when saved).
	const root = { ...parameters };
	for (const field of description.properties)
		if (!(field.name in root) && 'default' in field && NodeHelpers.displayParameter(root, field, node, description, root))
			root[field.name] = field.default;
	const labels = [];
	const visit = (fields, values, depth) => {
		for (const field of fields) {
			// Neither has a label: a hidden field is not shown, a notice is a box of text.
			if (field.type === 'hidden' || field.type === 'notice') continue;
			if (!NodeHelpers.displayParameter(values, field, node, description, root)) continue;
			labels.push({ label: field.displayName, depth });
			const value = values[field.name];
			if (field.type === 'collection') {
				for (const name of Object.keys(value ?? {})) {
					const option = field.options.find((candidate) => candidate.name === name);
					if (option) visit([option], withDefaults([option], value), depth + 1);
				}
			}
			if (field.type === 'fixedCollection') {
				for (const name of Object.keys(value ?? {})) {
					const group = field.options.find((candidate) => candidate.name === name);
					if (!group) continue;
					if (field.options.length !== 1 && group.displayName) labels.push({ label: group.displayName, depth: depth + 1 });
					const entries = field.typeOptions?.multipleValues ? value[name] : [value[name]];
					for (const entry of entries) visit(group.values, withDefaults(group.values, entry), depth + 2);
				}
			}
		}
	};
	visit(
		description.properties.filter((field) => !['authentication', 'requestOptions'].includes(field.name)),
		root,
		0,
	);
	return labels;
}

// ------------------------------------------------------------------------------------------------
// The editor in the browser.

async function openNode(browser, { baseUrl, cookie, workflowId, nodeName, viewport = VIEWPORT }) {
	const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
	const [name, ...rest] = cookie.split(';')[0].split('=');
	await context.addCookies([{ name, value: rest.join('='), url: baseUrl }]);
	const page = await context.newPage();
	await page.goto(`${baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
	const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: nodeName }).first();
	await node.waitFor({ state: 'visible', timeout: 60000 });
	await page.keyboard.press('Escape');
	// The subtitle under the node's name on the canvas (n8n 2.x: a div of class _subtitle_…).
	const subtitleBox = node.locator('[class*="_subtitle_"]').first();
	const subtitle = (await subtitleBox.count()) ? (await subtitleBox.innerText()).trim() : '';
	await node.dblclick();
	const panel = page.locator('[data-test-id="node-parameters"]').first();
	await panel.waitFor({ state: 'visible', timeout: 30000 });
	// Let icons, dropdown values and the options loaded from the API settle.
	await page.waitForTimeout(2500);
	return { context, page, panel, subtitle };
}

/** The parameter item of a field (its own label's `for` is the field's name). */
function parameterItem(page, panel, name) {
	return panel
		.locator('[data-test-id="parameter-item"]')
		.filter({ has: page.locator(`label[for="${name}"]`) })
		.first();
}

/** The innermost parameter item of a field inside a collection row (the row's own item holds it too). */
function rowItem(page, panel, name) {
	return panel
		.locator('[data-test-id="parameter-item"]')
		.filter({ has: page.locator(`label[for="${name}"]`) })
		.last();
}

/**
 * Opens a list with `opener()` and picks its first entry until the list is gone (everything added);
 * returns the entries as first offered.
 */
async function addEveryChoice(page, opener, entries) {
	let offered;
	for (;;) {
		const open = opener();
		if (!(await open.count())) break;
		await open.click();
		const options = page.locator(entries);
		await options.first().waitFor({ state: 'visible', timeout: 5000 });
		offered ??= (await options.allInnerTexts()).map((text) => text.trim());
		await options.first().click();
		await page.waitForTimeout(300);
	}
	return offered ?? [];
}

/** Adds every option of a collection through its "Add Field" list; returns the list as first offered. */
async function addEveryOption(page, panel, name) {
	const add = () => parameterItem(page, panel, name).locator('[data-test-id="collection-parameter-add"]').last();
	return await addEveryChoice(page, add, '[data-test-id="collection-parameter-option"]:visible');
}

/** Adds every group of a fixedCollection through its "Add …" list (`placeholder`); returns the list as first offered. */
async function addEveryGroup(page, panel, name, placeholder) {
	const select = () => panel.locator(`[data-test-id="fixed-collection-${name}"] input[placeholder="${placeholder}"]`).last();
	return await addEveryChoice(page, select, '.el-select-dropdown__item:visible');
}

/**
 * The labels the Parameters tab shows, in DOM order: text, depth (parameter items around it),
 * whether the editor cut it short (its text is wider than its box), and the labels of the fields
 * marked with an issue (red).
 */
async function readPanel(panel) {
	return await panel.evaluate((root) => {
		const visible = (element) => element.offsetParent !== null;
		const depthOf = (element) => {
			let depth = -1;
			for (let current = element; current && current !== root; current = current.parentElement) {
				if (current.getAttribute('data-test-id') === 'parameter-item') depth += 1;
			}
			return depth;
		};
		const labels = [...root.querySelectorAll('[data-test-id="input-label"] label')].filter(visible).map((label) => {
			const text = label.querySelector('[class*="_title_"] > span') ?? label;
			return {
				label: text.textContent.replace(/\*$/, '').trim(),
				name: label.getAttribute('for') ?? '',
				depth: depthOf(label),
				cut: text.scrollWidth > text.clientWidth + 1,
			};
		});
		const issues = [...root.querySelectorAll('[data-test-id="parameter-issues"]')].filter(visible).map((issue) => {
			const item = issue.closest('[data-test-id="parameter-item"]');
			return item?.querySelector('label [class*="_title_"] > span')?.textContent.trim() ?? '?';
		});
		return { labels, issues };
	});
}

/** The differences between two label lists, as readable lines (empty when they agree). */
function labelDiff(seen, expected) {
	const lines = [];
	for (let index = 0; index < Math.max(seen.length, expected.length); index++) {
		if (seen[index]?.label !== expected[index]?.label)
			lines.push(`#${index + 1}: editor "${seen[index]?.label ?? '—'}", description "${expected[index]?.label ?? '—'}"`);
	}
	return lines;
}

/**
 * Drags the parameter panel's two edges towards each other: n8n stops it at its narrowest, where
 * long labels are cut first. Returns the panel's width.
 */
async function narrowest(page, panel) {
	for (const [side, by] of [
		['right', -400],
		['left', 400],
	]) {
		const handle = page.locator(`[class*="_column_"] > [data-test-id="resize-handle"][class*="_${side}_"]`).first();
		const box = await handle.boundingBox();
		if (!box) continue;
		await page.mouse.move(box.x + box.width / 2, box.y + 300);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 + by, box.y + 300, { steps: 25 });
		await page.mouse.up();
		await page.waitForTimeout(300);
	}
	await page.mouse.move(5, 5);
	await page.waitForTimeout(500);
	return Math.round((await panel.boundingBox()).width);
}

/** Saves the workflow and reads the node's parameters back as n8n stored them. */
async function savedParameters(page, { baseUrl, cookie, workflowId, nodeName }) {
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+s');
	await page.waitForTimeout(1500);
	const r = await request('GET', `${baseUrl}/rest/workflows/${workflowId}`, { cookie });
	const workflow = r.json.data ?? r.json;
	return workflow.nodes.find((node) => node.name === nodeName).parameters;
}

async function scrollPanelTo(panel, top) {
	await panel.evaluate((root, to) => {
		let element = root;
		while (element && element.scrollHeight <= element.clientHeight + 1) element = element.parentElement;
		(element ?? root).scrollTop = to;
	}, top);
}

/** The page as tall as the panel's content, so one PNG shows every field (then back). */
async function fullPanelShot(page, panel, file) {
	const height = await panel.evaluate((root) => {
		let element = root;
		while (element && element.scrollHeight <= element.clientHeight + 1) element = element.parentElement;
		return (element ?? root).scrollHeight;
	});
	await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(height + 250, 16000) });
	await page.waitForTimeout(800);
	await page.screenshot({ path: file });
	await page.setViewportSize(VIEWPORT);
	await page.waitForTimeout(500);
}

async function createWorkflow(baseUrl, cookie, name, nodes) {
	const connections = { Start: { main: [[{ node: nodes[0].name, type: 'main', index: 0 }]] } };
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const body = {
		name,
		nodes: nodes[0].type === TRIGGER_TYPE ? nodes : [start, ...nodes],
		connections: nodes[0].type === TRIGGER_TYPE ? {} : connections,
		settings: {},
		active: false,
	};
	const r = await request('POST', `${baseUrl}/rest/workflows`, { cookie, body });
	if (r.status !== 200) throw new Error(`POST /rest/workflows: ${r.status} ${r.text.slice(0, 300)}`);
	return (r.json.data ?? r.json).id;
}

// ------------------------------------------------------------------------------------------------
// The panels.

/** The options a list offers: the description's, in its order, less those already there. */
function stillOffered(property, present) {
	return property.options.filter((option) => !(option.name in (present ?? {}))).map((option) => option.displayName);
}

// Values that show the fields some groups hide until asked: an offer's, Instagram's reminder,
// LinkedIn's PDF title, TikTok's brands (Update shows an event's and the button's instead).
const SHOW_HIDDEN_FIELDS = {
	google: { gmbEventType: 'OFFER' },
	instagram: { publishViaPushNotification: true },
	linkedin: { postAsPdf: true },
	tiktok: { videoDisclosure: true },
};

/**
 * Checks an opened panel from the DOM: the labels are the description's, in its order (from the
 * parameters as n8n saved them), none is marked red, and none is cut short at n8n's default panel
 * width. At n8n's narrowest panel, where n8n keeps ~190 px of each label row for its Fixed /
 * Expression controls, fields nested two levels deep (Review → Approver, Update Fields → Platform
 * Options → TikTok → …) have ~60–90 px left: no label but those is cut there; those are reported.
 */
async function checkPanel(page, panel, { baseUrl, cookie, workflowId, nodeName, description, reportNarrow = false }) {
	const seen = await readPanel(panel);
	const defaultWidth = Math.round((await panel.boundingBox()).width);
	const width = await narrowest(page, panel);
	const narrow = await readPanel(panel);
	// Saving closes the panel: read it first.
	const parameters = await savedParameters(page, { baseUrl, cookie, workflowId, nodeName });
	const expected = expectedLabels(description, parameters);
	const cut = (labels, deeperThan = -1) => labels.filter((label) => label.cut && label.depth > deeperThan).map((label) => label.label);
	assert.deepStrictEqual(labelDiff(seen.labels, expected), [], 'the editor shows the description’s fields, in its order');
	assert.deepStrictEqual(seen.issues, [], 'no field is marked red');
	assert.deepStrictEqual(cut(seen.labels), [], `no label is cut short at the default panel width (${defaultWidth} px)`);
	const shallow = narrow.labels.filter((label) => label.depth <= 1);
	// The walk's screens report what n8n cuts at its narrowest instead (a label to shorten, not one of the walk's frictions).
	if (!reportNarrow)
		assert.deepStrictEqual(cut(shallow), [], `no label of a field up to one level deep is cut short at the narrowest panel (${width} px)`);
	return {
		labels: seen.labels,
		width: defaultWidth,
		narrowest: width,
		cutWhenNarrowest: cut(narrow.labels, reportNarrow ? -1 : 1),
	};
}

/**
 * (a) Post → Create, who/what/when filled in as a marketer would, then every collection opened
 * through the editor's own "Add" controls.
 */
async function createPanel(browser, { baseUrl, cookie, accountIds, descriptions, files }) {
	const nodeName = 'Create post';
	const description = descriptions[ACTION_TYPE];
	const property = (name) =>
		description.properties.find((candidate) => candidate.name === name && candidate.displayOptions?.show?.operation?.includes('create'));
	const workflowId = await createWorkflow(baseUrl, cookie, 'Screenshot: Create post, every field', [
		actionNode('create', nodeName, {
			resource: 'post',
			operation: 'create',
			accountIds,
			summary: 'Fresh roast drops tomorrow morning ☕ Come by Main Street for a free tasting.',
			status: 'scheduled',
			scheduleDate: '2030-12-01T09:30:00',
			timezone: 'America/New_York',
			platformOptions: SHOW_HIDDEN_FIELDS,
		}),
	]);
	const { context, page, panel } = await openNode(browser, { baseUrl, cookie, workflowId, nodeName });
	try {
		// Our icon, served by n8n from the installed package.
		const icons = await page.evaluate(() =>
			[...document.images].filter((img) => img.src.includes('hoopai') && img.complete && img.naturalWidth > 0).map((img) => img.src),
		);
		assert.ok(icons.length > 0, 'the HoopAI icon loaded from the installed package');

		// Timezone: a searchable dropdown (type, read the list, leave the value as it is).
		await parameterItem(page, panel, 'timezone').locator('input').first().click();
		await page.keyboard.type('new york');
		await page.waitForTimeout(500);
		const found = (await page.locator('.el-select-dropdown__item:visible').allInnerTexts()).map((text) => text.trim());
		await page.keyboard.press('Escape');
		assert.ok(
			found.some((text) => /^America\/New York \(UTC-0[45]:00\)$/.test(text)),
			`typing "new york" in Timezone finds America/New York (got ${JSON.stringify(found)})`,
		);

		// One Media row, its URL typed in; every other network; every Additional Field.
		await panel.locator('[data-test-id="fixed-collection-media"] [data-test-id="fixed-collection-add"]').click();
		assert.ok(await parameterItem(page, panel, 'source').count(), 'a new Media row starts with its Source');
		await rowItem(page, panel, 'url').locator('input').first().fill('https://images.example.com/hoop/fresh-roast.jpg');
		const networks = await addEveryGroup(page, panel, 'platformOptions', property('platformOptions').placeholder);
		assert.deepStrictEqual(
			networks,
			stillOffered(property('platformOptions'), SHOW_HIDDEN_FIELDS),
			'Platform Options offers the networks in the description’s order',
		);
		const additional = await addEveryOption(page, panel, 'additionalFields');
		assert.deepStrictEqual(
			additional,
			stillOffered(property('additionalFields'), {}),
			'Add Field offers the Additional Fields in the description’s order',
		);
		await page.waitForTimeout(2500);

		await page.mouse.move(5, 5);
		await scrollPanelTo(panel, 0);
		await page.screenshot({ path: files.top });
		await fullPanelShot(page, panel, files.full);
		return {
			...(await checkPanel(page, panel, { baseUrl, cookie, workflowId, nodeName, description })),
			additional: additional.length,
			networks: Object.keys(SHOW_HIDDEN_FIELDS).length + networks.length,
		};
	} finally {
		await context.close();
	}
}

/** Post → Update with every Update Field open: the deepest nesting the node has. */
async function updatePanel(browser, { baseUrl, cookie, postId, descriptions, files }) {
	const nodeName = 'Update post';
	const description = descriptions[ACTION_TYPE];
	const updateFields = description.properties.find((candidate) => candidate.name === 'updateFields');
	const platformOptions = updateFields.options.find((option) => option.name === 'platformOptions');
	const preset = { ...SHOW_HIDDEN_FIELDS, google: { gmbEventType: 'EVENT', actionType: 'book' } };
	const workflowId = await createWorkflow(baseUrl, cookie, 'Screenshot: Update post, every field', [
		actionNode('update', nodeName, {
			resource: 'post',
			operation: 'update',
			postId: { __rl: true, mode: 'id', value: postId },
			updateFields: { platformOptions: preset },
		}),
	]);
	const { context, page, panel } = await openNode(browser, { baseUrl, cookie, workflowId, nodeName });
	try {
		const fields = await addEveryOption(page, panel, 'updateFields');
		assert.deepStrictEqual(
			fields,
			stillOffered(updateFields, { platformOptions: true }),
			'Add Field offers the Update Fields in the description’s order',
		);
		// Media added to Update Fields starts empty whatever its default (n8n inserts {} for a
		// multiple-values group): one "Add Media" click, no "Choose…" list.
		await panel.locator('[data-test-id="fixed-collection-media"] [data-test-id="fixed-collection-add"]').click();
		const networks = await addEveryGroup(page, panel, 'platformOptions', platformOptions.placeholder);
		assert.deepStrictEqual(
			networks,
			stillOffered(platformOptions, preset),
			'Platform Options offers the networks in the description’s order',
		);
		await page.waitForTimeout(2500);
		await page.mouse.move(5, 5);
		await fullPanelShot(page, panel, files.full);
		return { ...(await checkPanel(page, panel, { baseUrl, cookie, workflowId, nodeName, description })), fields: fields.length + 1 };
	} finally {
		await context.close();
	}
}

/** (b) The trigger as example 05 sets it up, with every Filter and Option added. */
async function triggerPanel(browser, { baseUrl, cookie, descriptions, files }) {
	const example = loadExample('05-notify-when-a-post-fails.json');
	const trigger = example.nodes.find((node) => node.type === TRIGGER_TYPE);
	const workflowId = await createWorkflow(baseUrl, cookie, 'Screenshot: trigger', [{ ...trigger, credentials: { hoopAiApi: CREDENTIAL } }]);
	const { context, page, panel } = await openNode(browser, { baseUrl, cookie, workflowId, nodeName: trigger.name });
	try {
		const description = descriptions[TRIGGER_TYPE];
		for (const name of ['filters', 'options']) {
			const offered = await addEveryOption(page, panel, name);
			assert.deepStrictEqual(
				offered,
				stillOffered(
					description.properties.find((property) => property.name === name),
					{},
				),
				`${name}: offered in the description’s order`,
			);
		}
		await page.waitForTimeout(2000);
		await page.mouse.move(5, 5);
		await scrollPanelTo(panel, 0);
		await page.screenshot({ path: files.top });
		return await checkPanel(page, panel, { baseUrl, cookie, workflowId, nodeName: trigger.name, description });
	} finally {
		await context.close();
	}
}

/**
 * (c) An output with Simplify, as a user sees it: Post → Get Many with its defaults (Simplify on)
 * executed in the editor; the OUTPUT table's columns are the flat row's, and every post names
 * its accounts with their networks (a post to several networks names each).
 */
async function outputPanel(browser, { baseUrl, cookie, files, sim }) {
	const nodeName = 'Scheduled posts';
	const workflowId = await createWorkflow(baseUrl, cookie, 'Screenshot: output with Simplify', [
		actionNode('list', nodeName, { resource: 'post', operation: 'getAll', limit: 5, filters: { status: 'scheduled' } }),
	]);
	const { context, page } = await openNode(browser, { baseUrl, cookie, workflowId, nodeName });
	try {
		await page.locator('[data-test-id="node-execute-button"]').first().click();
		const table = page.locator('[data-test-id="ndv-data-container"] table').first();
		await table.waitFor({ state: 'visible', timeout: 60000 });
		await page.waitForTimeout(1000);
		const columns = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
		for (const column of ['id', 'status', 'scheduledAt', 'accounts', 'content', 'media', 'postType']) {
			assert.ok(columns.includes(column), `the output has a ${column} column (columns: ${columns.join(', ')})`);
		}
		const networksAt = columns.indexOf('accounts');
		const rows = await table.locator('tbody tr').all();
		const networks = [];
		for (const row of rows) networks.push((await row.locator('td').nth(networksAt).innerText()).trim());
		assert.ok(
			networks.length > 0 && networks.every((cell) => /\(.+\)/.test(cell)),
			`every row names its accounts with their networks (${JSON.stringify(networks)})`,
		);
		const multi = location(sim).posts.filter((post) => post.status === 'scheduled' && post.accountIds.length > 1);
		if (multi.length)
			assert.ok(
				networks.some((cell) => cell.includes(', ')),
				`a post to several networks names each (${JSON.stringify(networks)})`,
			);
		await page.mouse.move(5, 5);
		await page.screenshot({ path: files.top });
		return { columns, rows: rows.length, networks };
	} finally {
		await context.close();
	}
}

// ------------------------------------------------------------------------------------------------
// (c) The marketer's walk of issue 21: the screens it went through, and none of its frictions.

/** The action words of an operation, as its dropdown option gives them (the subtitle n8n should show). */
function actionOf(description, resource, operation) {
	const property = description.properties.find(
		(candidate) => candidate.name === 'operation' && candidate.displayOptions?.show?.resource?.includes(resource),
	);
	return property?.options.find((option) => option.value === operation)?.action;
}

/** Every property of the description shown for a resource/operation, nested ones included, by name. */
function propertiesByName(description, resource, operation) {
	const node = { typeVersion: 1 };
	const byName = {};
	const walk = (fields) => {
		for (const field of fields ?? []) {
			(byName[field.name] ??= []).push(field);
			walk(
				field.type === 'fixedCollection'
					? field.options.flatMap((group) => group.values)
					: field.type === 'collection'
						? field.options
						: [],
			);
		}
	};
	walk(
		description.properties.filter((field) =>
			NodeHelpers.displayParameter({ resource, operation }, { ...field, displayOptions: onlyRouting(field) }, node, description),
		),
	);
	return byName;
}

/** A field's display conditions on resource and operation only (the others are the panel's to decide). */
function onlyRouting(field) {
	const show = field.displayOptions?.show;
	if (!show) return undefined;
	return { show: Object.fromEntries(Object.entries(show).filter(([key]) => ['resource', 'operation'].includes(key))) };
}

const TEXT_TYPES = ['string', 'number', 'dateTime', 'json'];

/**
 * The walk's frictions on an opened panel: the canvas subtitle is not the operation's action
 * words, or a text field the panel shows (by its label's `for`) is described "Choose … from the
 * list" although it has no list.
 */
function walkFrictions(description, { resource, operation }, seen, subtitle) {
	const problems = [];
	const action = actionOf(description, resource, operation);
	if (subtitle !== action) problems.push(`the canvas subtitle is "${subtitle}", not the action "${action}"`);
	const byName = propertiesByName(description, resource, operation);
	for (const { label, name } of seen.labels) {
		const fields = (byName[name] ?? []).filter((field) => field.displayName === label && TEXT_TYPES.includes(field.type));
		for (const field of fields) {
			if (/choose\b.*\bfrom the list/i.test(field.description ?? ''))
				problems.push(`${label} is a text field without a list, yet says "${field.description}"`);
		}
	}
	return problems;
}

/** The entries of a dropdown field as offered (opened, read, closed). */
async function dropdownEntries(page, panel, name) {
	await parameterItem(page, panel, name).locator('input').first().click();
	const entries = page.locator('.el-select-dropdown__item:visible');
	await entries.first().waitFor({ state: 'visible', timeout: 5000 });
	const texts = (await entries.allInnerTexts()).map((text) => text.split('\n')[0].trim());
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
	return texts;
}

/**
 * Opens one screen of the walk with `parameters`, lets `act` add what a marketer would add, checks
 * it as (a) does plus the walk's frictions, then `extra` (the screen's own checks, from the labels).
 */
async function walkScreen(browser, { baseUrl, cookie, descriptions }, { nodeName, parameters, files, act, extra }) {
	const description = descriptions[ACTION_TYPE];
	const workflowId = await createWorkflow(baseUrl, cookie, `Screenshot: ${nodeName}`, [actionNode('walk', nodeName, parameters)]);
	const { context, page, panel, subtitle } = await openNode(browser, { baseUrl, cookie, workflowId, nodeName });
	try {
		const acted = act ? await act(page, panel, description) : {};
		await page.waitForTimeout(1500);
		await page.mouse.move(5, 5);
		await scrollPanelTo(panel, 0);
		await fullPanelShot(page, panel, files.full);
		const seen = await readPanel(panel);
		const frictions = walkFrictions(description, parameters, seen, subtitle);
		const own = extra ? extra(seen.labels, { description, acted }) : [];
		// (a)'s checks and the walk's, all reported at once (a failure names every problem of the screen).
		let result;
		let panelProblem = [];
		try {
			result = await checkPanel(page, panel, { baseUrl, cookie, workflowId, nodeName, description, reportNarrow: true });
		} catch (error) {
			panelProblem = [String(error.message).replace(/\s+/g, ' ').slice(0, 400)];
		}
		assert.deepStrictEqual([...frictions, ...own, ...panelProblem], [], `${nodeName}: none of the walk’s frictions`);
		return { ...result, subtitle, acted };
	} finally {
		await context.close();
	}
}

/** The labels at the top level of the panel (not inside a collection), in order. */
const topLabels = (labels) => labels.filter((label) => label.depth === 0).map((label) => label.label);

/** Queue Item → Create: a Media row and every Option added. */
async function queueItemScreen(browser, ctx) {
	const queueId = String(location(ctx.sim).queues?.[0]?._id ?? '65f0c0de00000000000000a1');
	return await walkScreen(browser, ctx, {
		nodeName: 'Add to queue',
		parameters: { resource: 'queueItem', operation: 'create', queueId: { __rl: true, mode: 'id', value: queueId } },
		files: ctx.files,
		act: async (page, panel) => {
			await panel.locator('[data-test-id="fixed-collection-queueMedia"] [data-test-id="fixed-collection-add"]').click();
			await rowItem(page, panel, 'url').locator('input').first().fill('https://images.example.com/hoop/espresso.jpg');
			const options = await addEveryOption(page, panel, 'queueItemOptions');
			// One Variation with its text (an empty one is not saved, so the check could not expect it).
			await panel.locator('[data-test-id="fixed-collection-variations"] [data-test-id="fixed-collection-add"]').click();
			await rowItem(page, panel, 'content').locator('textarea').first().fill('Espresso, the way we pull it at the bar.');
			return { options };
		},
		extra: (labels, { description, acted }) => {
			const problems = [];
			const top = topLabels(labels);
			const first = top.filter((label) => !['Resource', 'Operation', 'Queue'].includes(label)).slice(0, 2);
			if (first.join(', ') !== 'Content, Media')
				problems.push(`the first fields after the Queue are ${first.join(', ')}, not Content, Media`);
			const options = description.properties.find((field) => field.name === 'queueItemOptions').options.map((option) => option.displayName);
			const outside = top.filter((label) => options.includes(label) && label !== 'Options');
			if (outside.length) problems.push(`session and order settings outside Options: ${outside.join(', ')}`);
			const inside = labels.filter((label) => label.depth > 0).map((label) => label.label);
			const missing = acted.options.filter((label) => !inside.includes(label));
			if (missing.length) problems.push(`added under Options but not shown there: ${missing.join(', ')}`);
			for (const label of ['Source', 'Input Binary Field']) if (inside.includes(label)) problems.push(`Queue Item media show ${label}`);
			return problems;
		},
	});
}

/** Category Queue → Create: Time Slots say in which time zone they publish. */
async function categoryQueueScreen(browser, ctx) {
	const category = location(ctx.sim).categories[0];
	return await walkScreen(browser, ctx, {
		nodeName: 'Start a queue',
		parameters: { resource: 'categoryQueue', operation: 'create', queueCategory: { __rl: true, mode: 'id', value: String(category._id) } },
		files: ctx.files,
		extra: (labels, { description }) => {
			const slots = description.properties.find((field) => field.name === 'timeSlots');
			const problems = [];
			if (!labels.some((label) => label.name === 'timeSlots')) problems.push('Time Slots are not shown');
			if (!/time zone/i.test(slots?.description ?? '')) problems.push(`Time Slots do not name their time zone ("${slots?.description}")`);
			return problems;
		},
	});
}

/** The option the csv-output branch adds to Import Posts (its check fails until it is merged). */
const FAIL_ON_REJECTED = { name: 'failWhenAnyRowRejected', label: 'Fail When Any Row Is Rejected' };

/** CSV Import → Import Posts with every Option added, and Fail When Any Row Is Rejected there. */
async function importPostsScreen(browser, ctx) {
	return await walkScreen(browser, ctx, {
		nodeName: 'Import the posts',
		parameters: { resource: 'csvImport', operation: 'importPosts', csvAccountIds: ctx.accountIds },
		files: ctx.files,
		act: async (page, panel) => ({ options: await addEveryOption(page, panel, 'importOptions') }),
		extra: (labels) =>
			labels.some((label) => label.name === FAIL_ON_REJECTED.name && label.label === FAIL_ON_REJECTED.label)
				? []
				: [`no "${FAIL_ON_REJECTED.label}" (${FAIL_ON_REJECTED.name}) on Import Posts`],
	});
}

/** CSV Import → Build CSV From Items with every Option added. */
async function buildCsvScreen(browser, ctx) {
	return await walkScreen(browser, ctx, {
		nodeName: 'Build the CSV',
		parameters: { resource: 'csvImport', operation: 'buildCsv', dateTime: '={{ $json.date }}' },
		files: ctx.files,
		act: async (page, panel) => ({ options: await addEveryOption(page, panel, 'buildOptions') }),
	});
}

const NOT_CONNECTABLE = ['Bluesky', 'X (Twitter)'];
// A login's accountId as the connect window posts it back (the required fields filled, none red).
const LOGIN = '65f0c0de0000000000000001';

/** Account Connection: each step's screen; its Platform dropdown offers only networks that connect. */
function connectScreen(operation, parameters, platformField) {
	return async (browser, ctx) =>
		await walkScreen(browser, ctx, {
			nodeName: `Connect: ${operation}`,
			parameters: { resource: 'accountConnection', operation, ...parameters },
			files: ctx.files,
			act: async (page, panel, description) => {
				const offered = await dropdownEntries(page, panel, platformField);
				const served = description.properties.find((field) => field.name === platformField).options.map((option) => option.name);
				return { offered, served };
			},
			extra: (labels, { acted }) => {
				const problems = [];
				const listed = acted.offered.filter((name) => NOT_CONNECTABLE.includes(name));
				if (listed.length) problems.push(`Platform lists ${listed.join(', ')}`);
				if (acted.offered.join('|') !== acted.served.join('|'))
					problems.push(`Platform offers ${acted.offered.join(', ')}; the description ${acted.served.join(', ')}`);
				return problems;
			},
		});
}

/**
 * Post → Create's Media by Source: a Binary File row shows Input Binary Field (no URL, no Type), a
 * URL row URL and Type, and a row saved before Source existed keeps its Input Binary Field.
 */
async function mediaSourceScreen(browser, ctx) {
	return await walkScreen(browser, ctx, {
		nodeName: 'Post a photo',
		parameters: {
			resource: 'post',
			operation: 'create',
			accountIds: ctx.accountIds,
			summary: 'Our new roast, straight from the roaster',
			status: 'draft',
			media: {
				items: [
					{ source: 'binary', binaryPropertyName: 'data' },
					{ source: 'url', url: 'https://images.example.com/hoop/fresh-roast.jpg' },
					{ binaryPropertyName: 'photo' },
				],
			},
		},
		files: ctx.files,
		act: async (page, panel) => ({
			notices: (await panel.locator('.n8n-notice, [class*="notice"]').allInnerTexts()).map((text) => text.trim()),
		}),
		extra: (labels, { acted }) => {
			const problems = [];
			const media = labels.filter((label) => label.depth >= 1);
			const rows = [];
			for (const label of media) {
				if (label.label === 'Source') rows.push([]);
				if (rows.length && label.label !== 'Source') rows.at(-1).push(label.label);
			}
			const got = rows.map((row) => row.filter((label) => label !== 'Options').join(', '));
			if (!acted.notices.some((text) => text.includes('also names an Input Binary Field')))
				problems.push('the row saved before Source has no notice of its binary field');
			const want = ['Input Binary Field', 'URL, Type', 'URL, Type'];
			if (got.join(' | ') !== want.join(' | ')) problems.push(`Media rows after Source show ${got.join(' | ')}; want ${want.join(' | ')}`);
			return problems;
		},
	});
}

/** What a walk screen prints: its subtitle and (a)'s summary. */
const walkSummary = (r, more = '') => `"${r.subtitle}"${more}; ${panelSummary(r)}`;

// Hook for more pictures (e.g. a node's OUTPUT with Simplify): add an entry to PANELS. `run`
// receives the browser and { baseUrl, cookie, accountIds, postId, descriptions, files }; it makes
// its workflow with createWorkflow(), opens the node with openNode() (then e.g. clicks "Execute
// step" and waits for the OUTPUT panel), writes each of `files` and returns what `summary` prints.
// `docs` names the PNGs that HOOPAI_E2E_UPDATE_DOCS=1 copies to docs/.
/** What a panel check prints: labels, nesting, widths, and what n8n cuts at its narrowest. */
function panelSummary(r) {
	const depth = Math.max(...r.labels.map((label) => label.depth));
	const narrow = r.cutWhenNarrowest.length
		? `; at ${r.narrowest} px n8n cuts ${r.cutWhenNarrowest.length} labels (${r.cutWhenNarrowest.join(', ')})`
		: `; none cut at ${r.narrowest} px`;
	return `${r.labels.length} labels, nesting depth ${depth}, none cut at ${r.width} px${narrow}`;
}

const PANELS = [
	{
		name: 'Post → Create with every collection open: the description’s fields, order and labels; none cut, none red',
		files: { top: 'hoopai-node-panel.png', full: 'hoopai-create-every-field.png' },
		docs: { top: 'node-panel.png' },
		run: createPanel,
		summary: (r) => `${r.additional} Additional Fields and ${r.networks} networks open; ${panelSummary(r)}`,
	},
	{
		name: 'Post → Update with every Update Field open (the deepest nesting): labels, none cut, none red',
		files: { full: 'hoopai-update-every-field.png' },
		run: updatePanel,
		summary: (r) => `${r.fields} Update Fields open; ${panelSummary(r)}`,
	},
	{
		name: 'the trigger’s parameter panel: labels from its description, none cut, none red',
		files: { top: 'hoopai-trigger-panel.png' },
		docs: { top: 'trigger-panel.png' },
		run: triggerPanel,
		summary: (r) => `${r.labels.map((label) => label.label).join(', ')}; ${panelSummary(r)}`,
	},
	{
		name: 'walk: Queue Item → Create shows Content and Media first, session and order settings only under Options, media without Source',
		files: { full: 'hoopai-walk-queue-item-create.png' },
		run: queueItemScreen,
		summary: (r) => walkSummary(r, `, ${r.acted.options.length} Options`),
	},
	{
		name: 'walk: Category Queue → Create, its Time Slots name the time zone',
		files: { full: 'hoopai-walk-category-queue-create.png' },
		run: categoryQueueScreen,
		summary: (r) => walkSummary(r),
	},
	{
		name: 'walk: CSV Import → Import Posts, with Fail When Any Row Is Rejected',
		files: { full: 'hoopai-walk-csv-import-posts.png' },
		run: importPostsScreen,
		summary: (r) => walkSummary(r, `, ${r.acted.options.length} Options`),
	},
	{
		name: 'walk: CSV Import → Build CSV From Items',
		files: { full: 'hoopai-walk-csv-build.png' },
		run: buildCsvScreen,
		summary: (r) => walkSummary(r, `, ${r.acted.options.length} Options`),
	},
	...[
		['getConnectUrl', {}, 'connectPlatform'],
		['getAvailableAccounts', { loginFrom: 'fields', oauthAccountId: LOGIN }, 'availablePlatform'],
		['attachAccounts', { attachFrom: 'id', attachOauthAccountId: LOGIN, attachIds: '104857600123' }, 'attachPlatform'],
	].map(([operation, parameters, field]) => ({
		name: `walk: Account Connection → ${operation}, its Platform lists no Bluesky or X`,
		files: { full: `hoopai-walk-connect-${operation}.png` },
		run: connectScreen(operation, parameters, field),
		summary: (r) => walkSummary(r, `, Platform: ${r.acted.offered.join(', ')}`),
	})),
	{
		name: 'walk: Post → Create Media rows by Source (Binary File, URL, a row saved before Source)',
		files: { full: 'hoopai-walk-media-source.png' },
		run: mediaSourceScreen,
		summary: (r) => walkSummary(r),
	},
	{
		name: 'an output with Simplify (on by default): the flat row’s columns, each post’s networks',
		files: { top: 'hoopai-output-simplified.png' },
		docs: { top: 'output-simplified.png' },
		run: outputPanel,
		summary: (r) => `${r.rows} rows; columns ${r.columns.join(', ')}; networks ${r.networks.join(' | ')}`,
	},
];

async function screenshotTier({ check, n8n, sim }) {
	if (!(await browserReady(check, 'screenshot: n8n editor in headless Chromium'))) return;
	const server = makeN8n(n8n.install, n8n.userFolder, { port: await freePort(), brokerPort: await freePort() });
	const running = await startServer(server);
	const { chromium } = loadPlaywright();
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
	try {
		const cookie = await ownerLogin(server.url);
		const descriptions = await servedDescriptions(server.url, cookie);
		const accounts = location(sim).accounts.filter((account) => !account.isExpired);
		const accountIds = ['facebook', 'instagram', 'linkedin'].map(
			(platform) => accounts.find((account) => account.platform === platform).id,
		);
		const postId = String(location(sim).posts.find((post) => post.status === 'scheduled')._id);
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		for (const panel of PANELS) {
			await check(`screenshot: ${panel.name}`, async () => {
				const t0 = Date.now();
				const files = Object.fromEntries(Object.entries(panel.files).map(([key, file]) => [key, path.join(ARTIFACTS, file)]));
				const result = await panel.run(browser, { baseUrl: server.url, cookie, accountIds, postId, descriptions, files, sim });
				for (const file of Object.values(files)) assert.ok(fs.statSync(file).size > 10000, `${file} written`);
				if (process.env.HOOPAI_E2E_UPDATE_DOCS === '1') {
					for (const [key, file] of Object.entries(panel.docs ?? {})) fs.copyFileSync(files[key], path.join(DOCS, file));
				}
				const written = Object.values(files)
					.map((file) => path.relative(REPO_ROOT, file))
					.join(', ');
				return `${written}: ${panel.summary(result)} [${seconds(Date.now() - t0)}]`;
			});
		}
	} finally {
		await browser.close();
		await running.stop();
	}
}

module.exports = {
	browserReady,
	screenshotTier,
	PANELS,
	servedDescriptions,
	expectedLabels,
	readPanel,
	openNode,
	loadPlaywright,
	CHROMIUM,
	FLAGS,
};
