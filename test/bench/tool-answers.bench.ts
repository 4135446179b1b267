import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { locationOf, tokenCredentials, type Simulator } from '../helpers/simulator';
import { startSimulator } from '../simulator';
import { tokenCount } from './lib/tokens';

// What an AI agent receives from the node used as a tool: n8n sends the model the JSON of the
// output items (JSON.stringify of their `json`, as n8n-core's tool wrapper and the AI Agent's
// observation do). Sizes for the sample location (12 posts listed, 7 accounts), Simplify on and
// off, in characters and in tokens (o200k_base, GPT-4o and later; ~chars/4 beside it).
// Run: npm run bench:tool-answers
let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ port: 0, seed: 'sample' });
});
afterAll(async () => await sim.stop());

async function toolAnswer(parameters: INodeParameters): Promise<{ items: IDataObject[]; text: string }> {
	const { items, error } = await runNode({ parameters, credentials: tokenCredentials(sim), timezone: 'America/New_York' });
	expect(error).toBeUndefined();
	const json = items.map((item) => item.json);
	return { items: json, text: JSON.stringify(json) };
}

function size(text: string, count: number): string {
	const tokens = tokenCount(text);
	return `${text.length} chars, ${tokens} tokens (~${Math.round(text.length / 4)} by chars/4); per row ${Math.round(text.length / count)} chars, ${Math.round(tokens / count)} tokens`;
}

it('prints the size of the tool answers for 12 posts and for 7 accounts', async () => {
	const listed = locationOf(sim).posts.filter((post: IDataObject) => post.status !== 'deleted').length;
	const posts = { resource: 'post', operation: 'getAll', returnAll: true };
	const simplePosts = await toolAnswer({ ...posts, simple: true });
	const rawPosts = await toolAnswer({ ...posts, simple: false });
	expect(simplePosts.items).toHaveLength(listed);
	const accounts = { resource: 'account', operation: 'getAll', returnAll: true };
	const simpleAccounts = await toolAnswer({ ...accounts, simple: true });
	const rawAccounts = await toolAnswer({ ...accounts, simple: false });
	const facebook = locationOf(sim).accounts.find((account: IDataObject) => account.platform === 'facebook');
	const created = await toolAnswer({
		resource: 'post',
		operation: 'create',
		accountIds: [facebook.id],
		summary: 'Fresh roast today: come by for a cup.',
		media: { items: [{ url: 'https://images.example.com/hoop/fresh-roast.jpg' }] },
		status: 'scheduled',
		scheduleDate: new Date(Date.now() + 2 * 24 * 3_600_000).toISOString(),
	});
	printFigures('Tool answers (workflow time zone America/New_York)', {
		[`Post → Get Many, ${simplePosts.items.length} posts, Simplify on`]: size(simplePosts.text, simplePosts.items.length),
		[`Post → Get Many, ${rawPosts.items.length} posts, Simplify off`]: size(rawPosts.text, rawPosts.items.length),
		[`Account → Get Many, ${simpleAccounts.items.length} accounts, Simplify on`]: size(simpleAccounts.text, simpleAccounts.items.length),
		[`Account → Get Many, ${rawAccounts.items.length} accounts, Simplify off`]: size(rawAccounts.text, rawAccounts.items.length),
		'Post → Create with an image, Simplify on': size(created.text, 1),
		'Post → Create answer': created.text,
		'Account → Get Many first row': JSON.stringify(simpleAccounts.items[0]),
		'Post → Get Many first row': JSON.stringify(simplePosts.items[0]),
	});
});
