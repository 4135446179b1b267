import { describe, expect, it } from '@jest/globals';
import { sublimeSearch } from '@n8n/utils/search/sublime-search';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';
import { REPO_ROOT } from '../helpers/package-files';
import { printFigures } from '../helpers/report';

// The nodes panel of n8n 2.41 finds a node by fuzzy-matching what the user types against its
// display name (weight 1.3) and its codex aliases (weight 1), with @n8n/utils' sublimeSearch
// (1.48.0, the version n8n 2.41.1 ships). The word "trigger" is removed from the query first, and
// a trigger node is listed under its name without " Trigger", its full name kept as an alias.
// This runs that search over the package as n8n loads it (codex included).

type Codex = { categories?: string[]; alias?: string[] };
type PanelItem = { key: string; properties: { displayName: string; codex: Codex } };
const PANEL_KEYS = [
	{ key: 'properties.displayName', weight: 1.3 },
	{ key: 'properties.codex.alias', weight: 1 },
];

/** A few of n8n's own nodes a marketer meets in the same searches, by their display names. */
const BUILT_IN = [
	'HighLevel',
	'Facebook Graph API',
	'LinkedIn',
	'Schedule Trigger',
	'Google Business Profile',
	'X (Formerly Twitter)',
	'Google Sheets',
	'AI Agent',
];

async function panelItems(): Promise<PanelItem[]> {
	const loader = new PackageDirectoryLoader(REPO_ROOT);
	await loader.loadAll();
	const ours = (loader.types.nodes as Array<INodeTypeDescription & { codex?: Codex }>).map((node) => {
		const isTrigger = node.group.includes('trigger');
		const alias = [...(node.codex?.alias ?? []), ...(isTrigger ? [node.displayName] : [])];
		return {
			key: node.name,
			properties: { displayName: isTrigger ? node.displayName.replace(' Trigger', '') : node.displayName, codex: { ...node.codex, alias } },
		};
	});
	return [...ours, ...BUILT_IN.map((displayName) => ({ key: displayName, properties: { displayName, codex: {} } }))];
}

function search(query: string, items: PanelItem[]): string[] {
	const filter = query.toLowerCase().replace('trigger', '').trimEnd();
	return sublimeSearch(filter, items, PANEL_KEYS).map(({ item }) => item.key);
}

describe('The nodes panel finds the HoopAI nodes by the words marketers type', () => {
	const QUERIES = [
		'instagram',
		'facebook',
		'linkedin',
		'tiktok',
		'youtube',
		'pinterest',
		'threads',
		'google business',
		'schedule a post',
		'schedule post',
		'social media',
		'social planner',
		'queue',
		'csv import',
		'comments',
		'statistics',
		'HighLevel',
		'GoHighLevel',
		'GHL',
		'LeadConnector',
		'HoopAI',
	];

	it('every query lists the action node', async () => {
		const items = await panelItems();
		const ranks = QUERIES.map((query) => [query, search(query, items).indexOf('hoopAiSocialPlanner') + 1] as const);
		expect(ranks.filter(([, rank]) => rank === 0)).toEqual([]);
		printFigures(
			'Nodes panel search: rank of the action node among ours and 8 built-in nodes',
			Object.fromEntries(ranks.map(([query, rank]) => [query, String(rank)])),
		);
	});

	it('status words list the trigger, and "HighLevel trigger" finds it by its name', async () => {
		const items = await panelItems();
		for (const query of ['post failed', 'post published', 'highlevel trigger', 'social media trigger']) {
			expect({ query, found: search(query, items).includes('hoopAiSocialPlannerTrigger') }).toEqual({ query, found: true });
		}
	});

	it('both nodes are filed under Marketing and Communication', async () => {
		const items = await panelItems();
		for (const item of items.filter((candidate) => candidate.key.startsWith('hoopAi'))) {
			expect({ node: item.key, categories: item.properties.codex.categories }).toEqual({
				node: item.key,
				categories: ['Marketing', 'Communication'],
			});
		}
	});
});
