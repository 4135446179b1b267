import { describe, expect, it } from '@jest/globals';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';
import packageJson from '../../package.json';
import * as entry from '../../index';
import { fileExists, handPublish, packedFiles, releaseOutsideActions, REPO_ROOT } from '../helpers/package-files';

type PackageJson = typeof packageJson & {
	dependencies?: Record<string, string>;
	scripts: Record<string, string>;
};
const pkg = packageJson as PackageJson;

describe('package.json follows the n8n community-node rules', () => {
	it('has no runtime dependencies and n8n-workflow as a "*" peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('pins n8n-core and n8n-workflow exactly for the test harness', () => {
		const dev = pkg.devDependencies as Record<string, string>;
		expect(dev['n8n-core']).toMatch(/^\d+\.\d+\.\d+$/);
		expect(dev['n8n-workflow']).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('has no install lifecycle scripts', () => {
		for (const forbidden of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'prepack', 'postpack']) {
			expect(pkg.scripts[forbidden]).toBeUndefined();
		}
	});

	it('names itself, its licence, author and keywords as the card asks', () => {
		expect(pkg.name).toBe('n8n-nodes-hoopai-social-planner');
		expect(pkg.license).toBe('MIT');
		expect(pkg.author).toEqual({ name: expect.any(String), email: expect.stringMatching(/@/) });
		expect(pkg.homepage).toMatch(/^https:\/\//);
		expect(pkg.repository.url).toMatch(/github\.com/);
		expect(pkg.files).toEqual(['dist']);
		for (const keyword of ['n8n-community-node-package', 'highlevel', 'gohighlevel', 'leadconnector', 'social media', 'hoopai']) {
			expect(pkg.keywords).toContain(keyword);
		}
	});

	it('declares n8n API version 1, strict mode, and dist paths that exist after the build', () => {
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.strict).toBe(true);
		const paths = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		expect(paths.length).toBeGreaterThanOrEqual(3);
		for (const path of paths) {
			expect(path).toMatch(/^dist\//);
			expect(fileExists(path)).toBe(true);
		}
	});
});

describe('n8n loads the built package', () => {
	it('finds every node and credential of package.json, with their icons and codex', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();

		expect(loader.packageName).toBe(pkg.name);
		expect(Object.keys(loader.known.credentials).sort()).toEqual(['hoopAiApi', 'hoopAiOAuth2Api']);
		expect(Object.keys(loader.known.nodes).sort()).toEqual(['hoopAiSocialPlanner', 'hoopAiSocialPlannerTrigger']);

		const node = loader.types.nodes.find((type) => type.name === 'hoopAiSocialPlanner') as INodeTypeDescription & {
			codex?: { categories?: string[]; alias?: string[] };
		};
		expect(node).toBeDefined();
		expect(node.usableAsTool).toBe(true);
		expect(node.codex?.categories).toEqual(['Marketing', 'Communication']);
		const icons = node.iconUrl as { light: string; dark: string };
		expect(icons.light).not.toEqual(icons.dark);
		for (const icon of [icons.light, icons.dark]) {
			expect(fileExists(icon.replace(`icons/${pkg.name}/`, ''))).toBe(true);
		}
		for (const credential of loader.types.credentials) {
			const credentialIcons = credential.iconUrl as { light: string; dark: string };
			expect(fileExists(credentialIcons.light.replace(`icons/${pkg.name}/`, ''))).toBe(true);
		}
	});

	it('gives the nodes panel entry a description of both nodes', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		const byName = (name: string) => loader.types.nodes.find((type) => type.name === name)!;
		const trigger = byName('hoopAiSocialPlannerTrigger');
		// n8n 2.41's node creator folds a trigger into the action node whose name is the trigger's
		// without "Trigger", and shows the trigger's description for the pair.
		expect(byName(trigger.name.replace('Trigger', ''))).toBeDefined();
		expect(trigger.description).toMatch(/^Schedule and manage .*posts, and start workflows when a post is /);
	});

	it('exports from index.js the very classes n8n loads', async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		expect(entry.HoopAiSocialPlanner).toBe(loader.getNode('hoopAiSocialPlanner').type.constructor);
		expect(entry.HoopAiApi).toBe(loader.getCredential('hoopAiApi').type.constructor);
		expect(entry.HoopAiSocialPlannerTrigger).toBe(loader.getNode('hoopAiSocialPlannerTrigger').type.constructor);
		expect(entry.HoopAiOAuth2Api).toBe(loader.getCredential('hoopAiOAuth2Api').type.constructor);
		expect(
			Object.keys(entry)
				.filter((key) => key !== 'default')
				.sort(),
		).toEqual(['HoopAiApi', 'HoopAiOAuth2Api', 'HoopAiSocialPlanner', 'HoopAiSocialPlannerTrigger']);
	});
});

describe('npm pack', () => {
	it('ships the built node, credentials and icons, and no sources, tests or tooling', () => {
		const files = packedFiles();
		const outsideDist = files.filter((file) => !file.startsWith('dist/'));
		expect(outsideDist.sort()).toEqual(['LICENSE.md', 'README.md', 'index.js', 'package.json']);
		for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'dist/icons/hoopai.svg', 'dist/icons/hoopai.dark.svg']) {
			expect(files).toContain(path);
		}
		expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
		expect(files.filter((file) => file.includes('test'))).toEqual([]);
	});
});

describe('publishing happens only in GitHub Actions, with provenance', () => {
	it('a hand-run npm publish is refused before anything is sent, lifecycle scripts off (as .npmrc sets) or on', () => {
		// publishConfig.provenance: npm will not publish without a provenance statement, which only CI can sign.
		expect(pkg.publishConfig).toEqual({ provenance: true });
		const scriptsOff = handPublish(true);
		expect(scriptsOff.output).toMatch(/provenance generation not supported/);
		expect(scriptsOff.status).not.toBe(0);
		// n8n's guard, where scripts run: n8n-node prerelease.
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const scriptsOn = handPublish(false);
		expect(scriptsOn.output).toMatch(/Run `npm run release` to publish the package/);
		expect(scriptsOn.status).not.toBe(0);
	});

	it('npm run release outside GitHub Actions publishes nothing and says how to release', () => {
		const release = releaseOutsideActions();
		expect(release.status).toBe(1);
		expect(release.output).toMatch(/publishes only in GitHub Actions/);
		expect(release.output).toMatch(/RELEASING\.md/);
		expect(release.output).not.toMatch(/n8n-node release|Publishing to/);
	});
});
