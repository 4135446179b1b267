'use strict';
// The node as an AI Agent's tool, in a real n8n: example 12 (Manual Trigger → AI Agent with n8n's
// OpenAI Chat Model and three HoopAI tools, the usableAsTool variant `hoopAiSocialPlannerTool`)
// run with `n8n execute`. No real model: the OpenAI credential's base URL points at a scripted
// OpenAI-compatible server started here on 127.0.0.1. The Chat Model has "Use Responses API"
// off, so it speaks Chat Completions (POST /v1/chat/completions), which OpenAI-compatible servers
// share. The script calls the tools as a model would, with the `$fromAI` keys n8n derived from
// the node's labels: the accounts, then a post for two accounts given by name with a date in the
// past, then the same post at a date it works out from the error's "now", then "the next 3 posts",
// then its answer. Checked: the simulator's state, what the model received from each tool (its
// size in characters, the error with its fix), and the tool schemas n8n sent (logged).
const assert = require('assert');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { log, seconds, nodeOutput, parseRawOutput } = require('./n8n');
const { EXAMPLES_DIR, loadExample, location } = require('./examples');

const FILE = '12-ai-assistant-that-schedules-posts.json';
const OPENAI_CREDENTIAL = { id: 'openAiExample01', name: 'OpenAI account' };
const IMAGE = 'https://images.example.com/hoop/brunch.jpg';
const CONTENT = 'Weekend brunch is back: waffles, cold brew and our new pour-over. See you Saturday! ☕';
const ACCOUNTS = 'hoop coffee roasters, hoopcoffee (Instagram)';
const PAST = '2024-01-05T09:00:00Z';

/** The tool names n8n gives the example's tool nodes (their node names, as n8n-workflow's nodeNameToToolName). */
const TOOLS = { accounts: 'List_social_accounts', schedule: 'Schedule_a_post', upcoming: 'Upcoming_posts' };

/** 10:00 New York time, three days after the "now" an error message gives (as a model would read it). */
function correctedDate(error) {
	const now = /now: (\d{4}-\d\d-\d\d) (\d\d:\d\d)(?::\d\d)? UTC/.exec(error);
	assert.ok(now, `the error says what time it is now: ${error}`);
	const day = new Date(Date.parse(`${now[1]}T00:00:00Z`) + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	return `${day}T10:00:00-05:00`;
}

/**
 * The scripted model's next message, from the conversation so far: one tool call per turn, in
 * order, each step reading what the tools answered before it.
 */
function nextMessage(messages) {
	const answers = messages.filter((message) => message.role === 'tool').map((message) => String(message.content));
	const call = (name, args) => ({ tool: name, args });
	switch (answers.length) {
		case 0:
			return call(TOOLS.accounts, {});
		case 1:
			return call(TOOLS.schedule, { Account_Names_or_IDs: ACCOUNTS, Content: CONTENT, Schedule_Date: PAST, items0_URL: IMAGE });
		case 2:
			return call(TOOLS.schedule, {
				Account_Names_or_IDs: ACCOUNTS,
				Content: CONTENT,
				Schedule_Date: correctedDate(answers[1]),
				items0_URL: IMAGE,
			});
		case 3:
			return call(TOOLS.upcoming, { Limit: 3 });
		default: {
			const next = JSON.parse(answers[3]);
			const list = next.map((post) => `${post.scheduledAt}: ${post.content || '(no text)'} on ${post.accounts}`).join('; ');
			return { text: `Your brunch post is scheduled. Your next ${next.length} posts: ${list}.` };
		}
	}
}

/** A Chat Completions answer (JSON, or server-sent events when the request streams). */
function completion(step, turn, stream) {
	const id = `chatcmpl-scripted-${turn}`;
	const toolCall = step.tool && {
		id: `call_${turn}`,
		type: 'function',
		function: { name: step.tool, arguments: JSON.stringify(step.args) },
	};
	const message = toolCall ? { role: 'assistant', content: null, tool_calls: [toolCall] } : { role: 'assistant', content: step.text };
	const finish = toolCall ? 'tool_calls' : 'stop';
	const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
	const base = { id, created: Math.floor(Date.now() / 1000), model: 'gpt-4.1-mini' };
	if (!stream) return { json: { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage } };
	const delta = toolCall ? { role: 'assistant', tool_calls: [{ index: 0, ...toolCall }] } : { role: 'assistant', content: step.text };
	const chunks = [
		{ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }], usage },
	];
	return { events: [...chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), 'data: [DONE]\n\n'] };
}

/** The scripted OpenAI-compatible server on 127.0.0.1: records every request it answers. */
async function startScriptedModel() {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `scripted model: no ${req.method} ${req.url}` } }));
				return;
			}
			const request = JSON.parse(body);
			requests.push(request);
			let answer;
			try {
				const step = nextMessage(request.messages);
				const offered = (request.tools ?? []).map((tool) => tool.function.name);
				if (step.tool && !offered.includes(step.tool)) throw new Error(`no tool ${step.tool} offered (offered: ${offered.join(', ')})`);
				answer = completion(step, requests.length, request.stream === true);
			} catch (error) {
				res.writeHead(400, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `scripted model: ${error.message}` } }));
				return;
			}
			if (answer.json) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer.json));
			} else {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				res.end(answer.events.join(''));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}/v1`,
		requests,
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

/** What the model received from each tool call, in order: the tool messages of the last request. */
function toolAnswers(requests) {
	const last = requests[requests.length - 1];
	return last.messages.filter((message) => message.role === 'tool').map((message) => String(message.content));
}

async function aiAgentTier({ check, n8n, sim, work }) {
	const t0 = Date.now();
	const model = await startScriptedModel();
	try {
		const workflow = loadExample(FILE);
		const imported = await check(`[ai agent] import the OpenAI credential (base URL: the scripted model) and ${FILE}`, async () => {
			const file = path.join(work, 'openai-credential.json');
			const credential = { ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url: model.url } };
			fs.writeFileSync(file, JSON.stringify([credential]));
			await n8n.cli(['import:credentials', `--input=${file}`]);
			await n8n.cli(['import:workflow', `--input=${path.join(EXAMPLES_DIR, FILE)}`]);
			return `${model.url}; workflow ${workflow.id}`;
		});
		if (!imported) return;

		sim.control.reset('sample');
		const postsBefore = location(sim).posts.length;
		const startedAt = Date.now();
		const run = await check('[ai agent] n8n execute: the agent calls the HoopAI tools as a model would', async () => {
			const result = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput'], { allowFail: true, timeoutMs: 240000 });
			if (result.code !== 0)
				throw new Error(`n8n execute exited ${result.code}: ${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`);
			const data = parseRawOutput(result.stdout);
			const error = data.resultData?.error;
			if (error) throw new Error(`workflow error: ${JSON.stringify(error).slice(0, 1500)}`);
			return { data, summary: `${model.requests.length} model requests [n8n execute ${seconds(result.ms)}]` };
		});
		if (!run) return;

		await check('[ai agent] the tool schema n8n sent the model: our labels as $fromAI keys', () => {
			const tools = model.requests[0].tools ?? [];
			const schemas = Object.fromEntries(tools.map((tool) => [tool.function.name, tool.function]));
			for (const name of Object.values(TOOLS))
				assert.ok(schemas[name], `the model is offered ${name} (offered: ${Object.keys(schemas).join(', ')})`);
			const keys = (name) => Object.keys(schemas[name].parameters?.properties ?? {}).sort();
			assert.deepStrictEqual(keys(TOOLS.schedule), ['Account_Names_or_IDs', 'Content', 'Schedule_Date', 'items0_URL']);
			assert.deepStrictEqual(keys(TOOLS.upcoming), ['Limit']);
			assert.strictEqual(schemas[TOOLS.upcoming].parameters.properties.Limit.type, 'number');
			assert.match(schemas[TOOLS.schedule].description, /^Schedules one post/);
			const size = JSON.stringify(tools).length;
			for (const tool of tools) log(`tool schema ${tool.function.name}: ${JSON.stringify(tool.function)}`);
			return `${tools.length} tools, ${size} characters of schema (${tools.map((tool) => `${tool.function.name} ${JSON.stringify(tool).length}`).join(', ')})`;
		});

		await check('[ai agent] what the model received: the accounts, the error with its fix, the post, the next 3 posts', () => {
			const answers = toolAnswers(model.requests);
			assert.strictEqual(answers.length, 4, `four tool answers (got ${answers.length})`);
			const [accounts, refused, scheduled, upcoming] = answers;
			const accountRows = JSON.parse(accounts);
			assert.strictEqual(accountRows.length, location(sim).accounts.length, 'every account of the location');
			assert.deepStrictEqual(Object.keys(accountRows[0]), ['name', 'network', 'type', 'expired', 'id']);

			// n8n gives the model the node's error message only: it must carry the fix.
			assert.match(refused, /Schedule Date: 2024-01-05 09:00 UTC is in the past \(now: .+ UTC\)\. Choose a future date and time/);
			const [post] = JSON.parse(scheduled);
			const facebook = location(sim).accounts.find((account) => account.platform === 'facebook');
			const instagram = location(sim).accounts.find((account) => account.platform === 'instagram');
			assert.strictEqual(post.accounts, `${facebook.name} (Facebook), ${instagram.name} (Instagram)`);
			assert.deepStrictEqual(post.media, [IMAGE], 'the image, as the model can confirm it');

			const next = JSON.parse(upcoming);
			const expected = location(sim)
				.posts.filter((candidate) => candidate.status !== 'deleted' && Date.parse(candidate.displayDate) >= startedAt)
				.sort((a, b) => Date.parse(a.displayDate) - Date.parse(b.displayDate))
				.slice(0, 3);
			assert.deepStrictEqual(
				next.map((row) => row.id),
				expected.map((candidate) => candidate._id),
				'the next 3 posts, soonest first',
			);
			// Compact for a model: no nulls, one date per post, accounts by name (no account IDs beside them).
			for (const answer of [accounts, scheduled, upcoming]) assert.doesNotMatch(answer, /:null[,}]/, `no null in ${answer.slice(0, 200)}`);
			for (const row of [post, ...next])
				assert.deepStrictEqual(
					Object.keys(row).filter((key) => /accountIds|Utc|Local|timezone|networks/.test(key)),
					[],
					`no repeated field in ${JSON.stringify(row)}`,
				);
			const sizes = answers.map((answer) => answer.length);
			return `sizes: accounts ${sizes[0]} chars (7 accounts), error ${sizes[1]}, post ${sizes[2]}, next 3 posts ${sizes[3]}; error: ${refused}`;
		});

		await check('[ai agent] the simulator: one post, on the named accounts, at the corrected date, with the image', () => {
			const created = location(sim).posts.slice(postsBefore);
			assert.strictEqual(created.length, 1, `one post created (the past date sent nothing): ${created.length}`);
			const [post] = created;
			const byPlatform = (platform) => location(sim).accounts.find((account) => account.platform === platform).id;
			assert.deepStrictEqual(post.accountIds, [byPlatform('facebook'), byPlatform('instagram')]);
			assert.strictEqual(post.status, 'scheduled');
			assert.strictEqual(post.summary, CONTENT);
			assert.deepStrictEqual(
				post.media.map((item) => item.url),
				[IMAGE],
			);
			const refused = toolAnswers(model.requests)[1];
			assert.strictEqual(Date.parse(post.scheduleDate), Date.parse(correctedDate(refused)), 'the date the model worked out from the error');
			const [answer] = nodeOutput(run.data, 'AI Agent');
			assert.match(answer.output, /^Your brunch post is scheduled\. Your next 3 posts: /);
			return `post ${post._id} on ${post.accountIds.length} accounts for ${post.scheduleDate}; agent: ${answer.output.slice(0, 160)}…`;
		});
	} finally {
		await model.stop();
		log(`[ai agent] tier time ${seconds(Date.now() - t0)}`);
	}
}

module.exports = { aiAgentTier };
