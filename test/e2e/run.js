#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: the package inside a real n8n (2.41.1 on Node 24, and optionally 1.123.x on
// the machine's Node 20), against the API simulator. Installs n8n once into a cache folder
// (HOOPAI_E2E_CACHE, default ~/.cache/hoopai-n8n-e2e), packs this package and installs the tarball
// the way the Community Nodes screen does, imports a credential and the example workflows, runs
// each with `n8n execute`, and checks the output and the simulator's state.
//
// Env: HOOPAI_E2E_CACHE      cache folder for Node 24 and n8n installs
//      HOOPAI_E2E_N8N1=1     also run the action examples on n8n 1.123.x under the machine's Node
//                            (CI sets it; a cold install takes ~7 min more)
//      HOOPAI_E2E_TRIGGER=0  skip the trigger section (it waits for n8n's one-minute poll ticks)
//      HOOPAI_E2E_QUEUE=1    also run n8n in queue mode: PostgreSQL + Redis (apt-get installs them when
//                            missing; needs root) + two workers (CI sets it; ~5 min)
//      HOOPAI_E2E_SCREENSHOT=0 skip the browser screenshot
//      HOOPAI_E2E_CONNECT=0  skip the connect page (examples 10 and 11 published, a client in Chromium)
//      HOOPAI_E2E_AGENT=0    skip the AI agent (example 12: n8n's AI Agent with a scripted OpenAI-compatible model)
//      HOOPAI_E2E_OAUTH2=0   skip the OAuth2 credential (connected in the editor in Chromium, refreshed)
//      HOOPAI_E2E_KEEP=1     keep the temporary user folders (printed) for inspection
const fs = require('fs');
const path = require('path');
const { ensureN8n, cacheDir, N8N_VERSION } = require('./lib/install');
const {
	REPO_ROOT,
	PACKAGE_NAME,
	log,
	seconds,
	freePort,
	makeN8n,
	parseRawOutput,
	credentialFile,
	importCredentials,
	tmpDir,
	tail,
} = require('./lib/n8n');
const { build, pack, installTarball } = require('./lib/package');
const { EXAMPLES, EXAMPLES_DIR, loadExample, agencyCredential } = require('./lib/examples');
const { startSimulator } = require('../simulator');

const N8N1_VERSION = process.env.HOOPAI_E2E_N8N1_VERSION || '1.123.81';
const results = [];

async function check(name, fn) {
	const t0 = Date.now();
	try {
		const detail = await fn();
		const ms = Date.now() - t0;
		if (detail && typeof detail === 'object' && detail.skipped) {
			results.push({ name, status: 'skipped', ms });
			log(`SKIP ${name}: ${detail.skipped}`);
			return undefined;
		}
		results.push({ name, status: 'passed', ms });
		const text = typeof detail === 'string' ? detail : detail && (detail.summary ?? JSON.stringify(detail));
		log(`PASS ${name} (${seconds(ms)})${text ? `: ${text}` : ''}`);
		return detail;
	} catch (error) {
		const ms = Date.now() - t0;
		results.push({ name, status: 'failed', ms, error });
		log(`FAIL ${name} (${seconds(ms)}): ${error && error.stack ? error.stack : error}`);
		return undefined;
	}
}

/** Imports the credential and the given workflow files (one `import:workflow --separate` call). */
async function importAll(n8n, sim, work, files) {
	const cred = credentialFile(work, {
		baseUrl: sim.url,
		token: sim.token,
		locationId: sim.locationId,
		userId: sim.userId,
	});
	// And the agency OAuth2 credential of example 13, not connected yet (its check imports its token).
	await importCredentials(n8n, work, [...JSON.parse(fs.readFileSync(cred, 'utf8')), agencyCredential(sim, {})]);
	const dir = fs.mkdtempSync(path.join(work, 'workflows-'));
	for (const file of files) fs.copyFileSync(path.join(EXAMPLES_DIR, file), path.join(dir, file));
	await n8n.cli(['import:workflow', '--separate', `--input=${dir}`]);
}

/** Runs one example with `n8n execute` and its checks; returns the check's summary. */
async function runExample(n8n, sim, work, example) {
	const workflow = loadExample(example.file);
	const ctx = {};
	if (example.before) await example.before(sim, ctx, { importCredentials: (records) => importCredentials(n8n, work, records) });
	ctx.startedAt = Date.now();
	const result = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput'], { allowFail: true });
	ctx.endedAt = Date.now();
	if (result.code !== 0) {
		const output = `${result.stdout}\n${result.stderr}`;
		const at = output.lastIndexOf('Execution error:');
		const reason = at >= 0 ? output.slice(at).split('\n').slice(2, 5).join(' | ') : tail(output);
		throw new Error(`n8n execute exited ${result.code}: ${reason}`);
	}
	const run = parseRawOutput(result.stdout);
	const error = run.resultData?.error ?? run.data?.resultData?.error;
	if (error) throw new Error(`workflow error: ${JSON.stringify(error).slice(0, 1000)}`);
	return `${example.check(run, sim, ctx)} [n8n execute ${seconds(result.ms)}]`;
}

function triggerInPackage() {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	return (pkg.n8n?.nodes ?? []).some((node) => /HoopAiSocialPlannerTrigger/.test(node));
}

/** Runs the action examples on one n8n install. */
async function actionTier(label, install, tarball, sim, work, extraEnv = {}) {
	const userFolder = path.join(work, label);
	fs.mkdirSync(userFolder, { recursive: true });
	const n8n = makeN8n(install, userFolder, { brokerPort: await freePort(), extra: extraEnv });
	const installed = await check(`[${label}] npm install of the tarball into .n8n/nodes`, async () => {
		const inst = await installTarball(userFolder, tarball);
		return { dir: inst.dir, summary: `${path.relative(userFolder, inst.dir)} (${seconds(inst.ms)})` };
	});
	if (!installed) return;

	await check(
		`[${label}] n8n export:nodes lists the node, its tool variant${triggerInPackage() ? ', the trigger' : ''} and icons`,
		async () => {
			const out = path.join(work, `${label}-nodes.json`);
			const r = await n8n.cli(['export:nodes', `--output=${out}`]);
			const nodes = JSON.parse(fs.readFileSync(out, 'utf8'));
			const names = [`${PACKAGE_NAME}.hoopAiSocialPlanner`, `${PACKAGE_NAME}.hoopAiSocialPlannerTool`];
			if (triggerInPackage()) names.push(`${PACKAGE_NAME}.hoopAiSocialPlannerTrigger`);
			const icons = [];
			for (const name of names) {
				const node = nodes.find((n) => n.name === name);
				if (!node)
					throw new Error(
						`${name} not in export:nodes (ours: ${
							nodes
								.filter((n) => n.name.startsWith(PACKAGE_NAME))
								.map((n) => n.name)
								.join(', ') || 'none'
						})`,
					);
				const urls = typeof node.iconUrl === 'string' ? [node.iconUrl] : Object.values(node.iconUrl || {});
				if (!urls.length) throw new Error(`${name} has no iconUrl (icon: ${JSON.stringify(node.icon)})`);
				for (const url of urls) {
					const prefix = `icons/${PACKAGE_NAME}/`;
					if (!url.startsWith(prefix)) throw new Error(`${name}: unexpected iconUrl ${url}`);
					const file = path.join(installed.dir, url.slice(prefix.length));
					if (!fs.existsSync(file)) throw new Error(`${name}: icon ${file} missing from the installed package`);
					icons.push(path.relative(installed.dir, file));
				}
			}
			return `${names.join(', ')}; icons ${[...new Set(icons)].join(', ')} [${seconds(r.ms)}]`;
		},
	);

	const files = EXAMPLES.map((e) => e.file);
	const imported = await check(`[${label}] n8n import:credentials + import:workflow (${files.length} examples)`, async () => {
		await importAll(n8n, sim, work, files);
		return `credential hoopAiApi → ${sim.url}`;
	});
	if (!imported) return;
	sim.control.reset('sample');
	for (const example of EXAMPLES) {
		await check(`[${label}] ${example.file}`, () => runExample(n8n, sim, work, example));
	}
	return n8n;
}

async function main() {
	const t0 = Date.now();
	log(`cache: ${cacheDir()}`);
	let install;
	await check(`Node 24 + n8n ${N8N_VERSION} in the cache (installed, or checked: sqlite3 opens a database)`, async () => {
		install = await ensureN8n(N8N_VERSION);
		return `${install.dir}`;
	});
	if (!install) return finish(t0);
	// n8n 1.x installs (mostly a download) while the 2.41.1 tiers run: it is awaited by its own tier.
	const wantN8n1 = process.env.HOOPAI_E2E_N8N1 === '1';
	const n8n1Install = wantN8n1 ? settled(ensureN8n(N8N1_VERSION, { node: 'system' })) : undefined;
	if (wantN8n1) log(`n8n ${N8N1_VERSION}: installing or checking in the background`);

	const work = tmpDir('hoopai-e2e-');
	log(`work folder: ${work}`);
	const packed = await check('npm run build + npm pack', async () => {
		const buildMs = await build();
		const p = await pack(work);
		for (const needed of [
			'package.json',
			'dist/nodes/HoopAiSocialPlanner/HoopAiSocialPlanner.node.js',
			'dist/credentials/HoopAiApi.credentials.js',
		]) {
			if (!p.files.includes(needed)) throw new Error(`${needed} missing from the tarball`);
		}
		return {
			tarball: p.tarball,
			summary: `${path.basename(p.tarball)}, ${p.files.length} files (build ${seconds(buildMs)}, pack ${seconds(p.ms)})`,
		};
	});
	if (!packed) return finish(t0, work);

	const sim = await startSimulator({ port: 0, seed: 'sample' });
	log(`simulator: ${sim.url} (sample data)`);
	// Tiers run beside others get a simulator of their own (the others reset and advance theirs).
	const ownSims = [];
	const ownSimulator = async () => {
		const own = await startSimulator({ port: 0, seed: 'sample' });
		ownSims.push(own);
		return own;
	};
	try {
		const n8n = await actionTier(`n8n-${N8N_VERSION}`, install, packed.tarball, sim, work);
		// Copies of that user folder (the package installed, nothing running yet) for the tiers run beside others.
		const shots =
			n8n && process.env.HOOPAI_E2E_SCREENSHOT !== '0' ? await besideCopy(n8n, work, 'screenshots', await ownSimulator()) : undefined;
		const browsers = n8n ? await besideCopy(n8n, work, 'browser-tiers', await ownSimulator()) : undefined;

		// The node as an AI Agent's tool (example 12): n8n's AI Agent and OpenAI Chat Model, a scripted model.
		if (process.env.HOOPAI_E2E_AGENT === '0') {
			await check('AI agent', () => ({ skipped: 'HOOPAI_E2E_AGENT=0' }));
		} else if (n8n) {
			const { aiAgentTier } = require('./lib/ai-agent');
			await aiAgentTier({ check, n8n, sim, work });
		}

		// The trigger tiers mostly wait for n8n's one-minute poll ticks: the screenshot tier and n8n 1.x
		// run beside them, each with its own n8n and simulator.
		const besideTriggers = [];
		if (process.env.HOOPAI_E2E_SCREENSHOT === '0') {
			await check('screenshot', () => ({ skipped: 'HOOPAI_E2E_SCREENSHOT=0' }));
		} else if (shots) {
			const { screenshotTier } = require('./lib/screenshot');
			besideTriggers.push(screenshotTier({ check, n8n: shots.n8n, sim: shots.sim, work }));
		}
		if (!wantN8n1) {
			await check(`n8n ${N8N1_VERSION} tier`, () => ({
				skipped: `set HOOPAI_E2E_N8N1=1 to install n8n@${N8N1_VERSION} (Node ${process.versions.node}) into the cache and run it`,
			}));
		} else {
			besideTriggers.push(n8n1Tier(n8n1Install, packed.tarball, await ownSimulator(), work));
		}

		// Trigger end-to-end (needs the trigger node in package.json "n8n.nodes").
		if (process.env.HOOPAI_E2E_TRIGGER === '0') {
			await check('trigger end-to-end', () => ({ skipped: 'HOOPAI_E2E_TRIGGER=0' }));
		} else if (!triggerInPackage()) {
			await check('trigger end-to-end', () => ({ skipped: 'the trigger node is not in package.json "n8n.nodes" yet' }));
		} else if (n8n) {
			const { triggerTier, agencyTriggerTier } = require('./lib/trigger');
			await triggerTier({ check, n8n, sim, work });
			// Example 14: the agency trigger (Locations: All Installed Locations) with the agency credential.
			await agencyTriggerTier({ check, n8n, sim, work });
		}
		await Promise.all(besideTriggers);

		// The connect page and the OAuth2 credential (headless Chromium) run beside the queue tier's
		// trigger checks (they wait for poll ticks), on their own copy of the user folder and simulator.
		const browserTiers = async (own) => {
			// A client connects Facebook from the connect page (examples 10 and 11) in headless Chromium.
			if (process.env.HOOPAI_E2E_CONNECT === '0') {
				await check('connect page', () => ({ skipped: 'HOOPAI_E2E_CONNECT=0' }));
			} else {
				const { connectPageTier } = require('./lib/connect-page');
				await connectPageTier({ check, n8n: own.n8n, sim: own.sim, work });
			}
			// The OAuth2 credential connected in the editor (headless Chromium), used, expired, refreshed.
			if (process.env.HOOPAI_E2E_OAUTH2 === '0') {
				await check('OAuth2 credential', () => ({ skipped: 'HOOPAI_E2E_OAUTH2=0' }));
			} else {
				const { oauth2Tier } = require('./lib/oauth2');
				await oauth2Tier({ check, n8n: own.n8n, sim: own.sim, work });
			}
		};
		const beside = browsers ? () => browserTiers(browsers) : undefined;

		// Queue mode: main + workers, Postgres, Redis.
		if (process.env.HOOPAI_E2E_QUEUE !== '1') {
			await check('queue mode', () => ({ skipped: 'set HOOPAI_E2E_QUEUE=1 to run n8n in queue mode (PostgreSQL, Redis, two workers)' }));
			if (beside) await beside();
		} else {
			const { queueModeTier } = require('./lib/queue-mode');
			await queueModeTier({ check, install, tarball: packed.tarball, sim, work, beside });
		}
	} finally {
		await sim.stop();
		for (const own of ownSims) await own.stop();
	}
	return finish(t0, work);
}

/**
 * A copy of an action tier's user folder (taken while no n8n runs on it) whose credential points
 * at another simulator, so that a tier can run beside the others without sharing their n8n or data.
 */
async function besideCopy(n8n, work, label, ownSim) {
	const userFolder = path.join(work, label);
	fs.cpSync(n8n.userFolder, userFolder, { recursive: true });
	const copy = makeN8n(n8n.install, userFolder, { brokerPort: await freePort() });
	const cred = credentialFile(userFolder, {
		baseUrl: ownSim.url,
		token: ownSim.token,
		locationId: ownSim.locationId,
		userId: ownSim.userId,
	});
	try {
		await copy.cli(['import:credentials', `--input=${cred}`]);
	} finally {
		fs.rmSync(cred, { force: true });
	}
	return { n8n: copy, sim: ownSim };
}

/** n8n 1.x on the machine's Node: the action examples, once its background install is done. */
async function n8n1Tier(n8n1Install, tarball, ownSim, work) {
	let install1;
	await check(`n8n ${N8N1_VERSION} (Node ${process.versions.node}) in the cache`, async () => {
		const t1 = Date.now();
		const outcome = await n8n1Install;
		if (outcome.error) throw outcome.error;
		install1 = outcome.value;
		return `${install1.dir} (waited ${seconds(Date.now() - t1)} for the background install)`;
	});
	if (!install1) return;
	// 1.123.x defaults to the `vm` expression engine (isolated-vm 6, which needs Node >= 22 and a
	// native build); on Node 20 only the legacy engine runs.
	const before = results.filter((r) => r.status === 'failed').length;
	await actionTier(`n8n-${N8N1_VERSION}`, install1, tarball, ownSim, work, { N8N_EXPRESSION_ENGINE: 'legacy' });
	if (results.filter((r) => r.status === 'failed').length > before) {
		log(
			'note: n8n 1.x evaluates an operation option\'s routing (url, qs) without $credentials (n8n-core 1.123 routing-node.js, getRequestOptionsFromParameters for type "options"), so the location ID from the credential is empty there',
		);
	}
}

/** A promise that never rejects: { value } or { error } (awaited later, after other work). */
function settled(promise) {
	return promise.then(
		(value) => ({ value }),
		(error) => ({ error }),
	);
}

function finish(t0, work) {
	const passed = results.filter((r) => r.status === 'passed').length;
	const failed = results.filter((r) => r.status === 'failed');
	const skipped = results.filter((r) => r.status === 'skipped').length;
	log(`total ${seconds(Date.now() - t0)}`);
	for (const r of failed) log(`failed: ${r.name}`);
	if (work && process.env.HOOPAI_E2E_KEEP !== '1' && failed.length === 0) {
		fs.rmSync(work, { recursive: true, force: true });
	} else if (work) {
		log(`kept ${work}`);
	}
	process.stdout.write(`${passed} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.stdout.write(
		`${results.filter((r) => r.status === 'passed').length} passed, ${results.filter((r) => r.status === 'failed').length + 1} failed\n`,
	);
	process.exit(1);
});
