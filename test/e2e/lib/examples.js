'use strict';
// The example workflows in examples/ and what each must do against the simulator.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, nodeOutput } = require('./n8n');
const { CLIENT_LOCATIONS } = require('../../simulator');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const DAY = 24 * 60 * 60 * 1000;

/** Offset (ms) of an IANA zone at a UTC instant. */
function zoneOffset(tz, utcMs) {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: tz,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type) => Number(parts.find((p) => p.type === type).value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - (utcMs - (utcMs % 1000));
}

/** The calendar date in a zone at a UTC instant: { y, m, d, weekday (1 = Monday) }. */
function localDate(tz, utcMs) {
	const shifted = new Date(utcMs + zoneOffset(tz, utcMs));
	return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate(), weekday: shifted.getUTCDay() || 7 };
}

/** A wall-clock time in a zone, as a UTC ISO string. */
function wallClockToUtc(tz, { y, m, d }, hour, minute = 0) {
	const guess = Date.UTC(y, m - 1, d, hour, minute);
	let ts = guess - zoneOffset(tz, guess);
	ts = guess - zoneOffset(tz, ts);
	return new Date(ts).toISOString();
}

function addDays({ y, m, d }, days) {
	const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
	return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const location = (sim) => sim.control.state.locations.get(sim.locationId);

/** The agency OAuth2 credential example 13 uses, as n8n holds it once connected (a Company token). */
const AGENCY_CREDENTIAL = { id: 'hoopAiAgencySim01', name: 'HoopAI agency (simulator OAuth2)' };
function agencyCredential(sim, oauthTokenData) {
	return {
		...AGENCY_CREDENTIAL,
		type: 'hoopAiOAuth2Api',
		data: {
			clientId: sim.clientId,
			clientSecret: sim.clientSecret,
			marketplace: 'custom',
			marketplaceUrl: sim.url,
			baseUrl: sim.url,
			oauthTokenData,
		},
	};
}
const storedPost = (sim, id) => location(sim).posts.find((post) => post._id === id);

/**
 * Each check gets (run, sim, ctx): run is the parsed `n8n execute --rawOutput` JSON; ctx.startedAt
 * and ctx.endedAt bracket the execution. Returns a one-line summary.
 */
const EXAMPLES = [
	{
		file: '01-schedule-post-to-several-accounts.json',
		check(run, sim, ctx) {
			const accounts = nodeOutput(run, 'Get Facebook, Instagram and LinkedIn accounts');
			const wanted = location(sim).accounts.filter((a) => ['facebook', 'instagram', 'linkedin'].includes(a.platform) && !a.isExpired);
			assert.strictEqual(accounts.length, wanted.length, 'one item per Facebook/Instagram/LinkedIn account');
			const out = nodeOutput(run, 'Schedule post');
			assert.strictEqual(out.length, 1, 'Schedule post outputs one item');
			// Simplify is on by default: one flat row naming each account and its network.
			const post = storedPost(sim, out[0].id);
			assert.ok(post, `post ${out[0].id} exists in the simulator`);
			assert.strictEqual(out[0].accounts.split('), ').length, wanted.length, `the row names every account: ${out[0].accounts}`);
			const networks = [...out[0].accounts.matchAll(/\(([^()]+)\)(?:, |$)/g)].map((match) => match[1]);
			assert.deepStrictEqual([...new Set(networks)].sort(), ['Facebook', 'Instagram', 'LinkedIn'], 'each account with its network');
			assert.deepStrictEqual(out[0].media, ['https://images.example.com/hoop/fresh-roast.jpg'], 'the output confirms the image');
			assert.strictEqual(post.status, 'scheduled');
			assert.deepStrictEqual([...post.accountIds].sort(), wanted.map((a) => a.id).sort(), 'posted to every chosen account');
			assert.strictEqual(post.media.length, 1);
			assert.strictEqual(post.media[0].url, 'https://images.example.com/hoop/fresh-roast.jpg');
			assert.strictEqual(post.media[0].type, 'image/jpeg', 'media type detected from the URL');
			assert.match(post.followUpComment, /^Opening hours/, 'first comment stored');
			// 9:30 tomorrow in New York, in UTC (either side of midnight during the run).
			const expected = [ctx.startedAt, ctx.endedAt].map((t) =>
				wallClockToUtc('America/New_York', addDays(localDate('America/New_York', t), 1), 9, 30),
			);
			assert.ok(expected.includes(post.displayDate), `scheduled for ${post.displayDate}, expected ${expected[0]}`);
			return `post ${post._id} scheduled on ${post.accountIds.length} accounts for ${post.displayDate} (9:30 New York) with media and first comment`;
		},
	},
	{
		file: '02-list-this-weeks-scheduled-posts.json',
		check(run, sim, ctx) {
			const rows = nodeOutput(run, 'Table row');
			// The workflow's timezone is UTC here (GENERIC_TIMEZONE): Monday 00:00 to Sunday 23:59:59.999.
			const today = localDate('UTC', ctx.startedAt);
			const from = Date.parse(wallClockToUtc('UTC', addDays(today, 1 - today.weekday), 0));
			const to = from + 7 * DAY - 1;
			const expected = location(sim)
				.posts.filter((p) => p.status === 'scheduled')
				.filter((p) => Date.parse(p.displayDate) >= from && Date.parse(p.displayDate) <= to);
			assert.ok(expected.length > 0, 'the sample data has posts scheduled this week');
			assert.strictEqual(rows.length, expected.length, `one row per post scheduled this week (${expected.length})`);
			assert.deepStrictEqual(rows.map((r) => r['Post ID']).sort(), expected.map((p) => p._id).sort());
			for (const row of rows) {
				assert.deepStrictEqual(Object.keys(row).sort(), ['Accounts', 'Post ID', 'Scheduled (UTC)', 'Status', 'Text', 'When'].sort());
				assert.strictEqual(row.Status, 'scheduled');
				// Simplify names each account with its network, e.g. "Hoop Coffee (Facebook), Hoop Coffee (LinkedIn)".
				assert.match(
					row.Accounts,
					/^[^,]+ \((Facebook|Instagram|LinkedIn|Google Business Profile|TikTok|YouTube|Pinterest|Threads|Bluesky|X \(Twitter\))\)/,
				);
				assert.strictEqual(new Date(row['Scheduled (UTC)']).toISOString(), row['Scheduled (UTC)'], 'the date in UTC');
				assert.ok(row.When.length > 0, 'when filled');
			}
			return `${rows.length} rows, e.g. ${JSON.stringify(rows[0])}`;
		},
	},
	{
		file: '03-reschedule-a-post.json',
		before(sim, ctx) {
			ctx.postsBefore = JSON.parse(JSON.stringify(location(sim).posts));
		},
		check(run, sim, ctx) {
			const found = nodeOutput(run, 'Find a scheduled post');
			assert.strictEqual(found.length, 1);
			const got = nodeOutput(run, 'Get the post');
			assert.strictEqual(got[0]._id, found[0].id, 'Get read the post found');
			const out = nodeOutput(run, 'Move to next Monday 10:00 London');
			assert.strictEqual(out.length, 1);
			const post = storedPost(sim, found[0].id);
			const before = ctx.postsBefore.find((p) => p._id === post._id);
			const expected = [ctx.startedAt, ctx.endedAt].map((t) => {
				const inAWeek = localDate('Europe/London', t + 7 * DAY);
				return wallClockToUtc('Europe/London', addDays(inAWeek, 1 - inAWeek.weekday), 10);
			});
			assert.ok(expected.includes(post.displayDate), `rescheduled to ${post.displayDate}, expected ${expected[0]}`);
			assert.strictEqual(Date.parse(out[0].scheduledAt), Date.parse(post.displayDate), 'output shows the post after the update');
			assert.strictEqual(post.status, 'scheduled');
			assert.strictEqual(post.summary, before.summary, 'text kept');
			assert.deepStrictEqual(post.accountIds, before.accountIds, 'accounts kept');
			assert.notStrictEqual(before.displayDate, post.displayDate);
			return `post ${post._id} moved from ${before.displayDate} to ${post.displayDate} (Monday 10:00 London)`;
		},
	},
	{
		file: '04-weekly-statistics-report.json',
		check(run, sim) {
			const stats = nodeOutput(run, 'Statistics of the last 7 days');
			assert.strictEqual(stats.length, 1);
			const [report] = nodeOutput(run, 'Weekly report');
			for (const key of ['posts', 'impressions', 'likes', 'comments', 'followers']) {
				assert.strictEqual(typeof report[key], 'number', `${key} is a number`);
				assert.strictEqual(report[key], stats[0].totals[key], `${key} from the statistics totals`);
			}
			assert.strictEqual(report.impressionsChangePercent, stats[0].breakdowns.impressions.totalChange);
			assert.match(report.summary, /^Last week: \d+ posts, \d+ impressions/);
			const request = sim.control
				.requests()
				.filter((r) => r.path.startsWith('/social-media-posting/statistics'))
				.at(-1);
			assert.ok(request, 'the simulator got a statistics request');
			const profiles = location(sim)
				.accounts.filter((a) => !a.isExpired)
				.map((a) => a.profileId);
			assert.deepStrictEqual([...request.body.profileIds].sort(), profiles.sort(), 'every connected (not expired) account');
			return report.summary;
		},
	},
	{
		// Headless, the browser step cannot happen between the workflow's nodes: it happens before the
		// run, through the simulator's control surface, for the login the workflow's "Client’s login"
		// node names (as the connect window would have posted it back). The link the workflow builds
		// is checked to be one that opens that same step.
		file: '06-send-connect-link-then-attach-facebook-pages.json',
		before(sim, ctx) {
			ctx.login = '65f0c0ffee0000000000c0de';
			const url = `${sim.url}/social-media-posting/oauth/facebook/start?locationId=${sim.locationId}&userId=${sim.userId}&page=integration`;
			ctx.message = sim.control.completeConnect(url, { accountId: ctx.login });
			ctx.requestsBefore = sim.control.requests().length;
		},
		check(run, sim, ctx) {
			const [link] = nodeOutput(run, 'Facebook connect link');
			const url = new URL(link.url);
			assert.strictEqual(`${url.origin}${url.pathname}`, `${sim.url}/social-media-posting/oauth/facebook/start`);
			assert.deepStrictEqual(Object.fromEntries(url.searchParams), { locationId: sim.locationId, userId: sim.userId, page: 'integration' });
			const [email] = nodeOutput(run, 'E-mail to the client');
			assert.ok(email.text.includes(link.url), 'the e-mail carries the link');
			const sent = sim.control.requests().slice(ctx.requestsBefore);
			assert.ok(!sent.some((request) => request.path.endsWith('/start')), 'the node never opens the start URL itself');
			const pages = nodeOutput(run, 'Client’s Facebook pages');
			assert.strictEqual(pages.length, 2, 'one item per page of the login');
			for (const page of pages) {
				assert.strictEqual(page.platform, 'facebook');
				assert.strictEqual(page.type, 'page');
				assert.strictEqual(page.isConnected, false);
				assert.strictEqual(page.oauthAccountId, ctx.login);
			}
			const attached = nodeOutput(run, 'Attach the pages');
			// Simplify (on by default): each attached account as Account → Get Many lists it.
			assert.deepStrictEqual(
				attached.map((account) => `${account.name} (${account.network} ${account.type})`).sort(),
				pages.map((page) => `${page.name} (Facebook page)`).sort(),
				'every page attached',
			);
			const stored = location(sim).accounts.filter((account) => account.oauthId === ctx.login);
			assert.deepStrictEqual(
				stored.map((account) => account.name).sort(),
				pages.map((page) => page.name).sort(),
				'they are social accounts of the location now',
			);
			return `link ${url.pathname}; ${pages.length} pages listed, ${attached.length} attached (${stored.map((account) => account.name).join(', ')})`;
		},
	},
	{
		file: '07-post-binary-image-to-instagram.json',
		before(sim, ctx) {
			ctx.requestsBefore = sim.control.requests().length;
		},
		check(run, sim, ctx) {
			const [account] = nodeOutput(run, 'Instagram account');
			assert.strictEqual(account.network, 'Instagram');
			const out = nodeOutput(run, 'Post the image to Instagram');
			assert.strictEqual(out.length, 1);
			const post = storedPost(sim, out[0].id);
			assert.ok(post, `post ${out[0].id} exists in the simulator`);
			assert.deepStrictEqual(post.accountIds, [account.id]);
			assert.strictEqual(post.status, 'scheduled');
			assert.strictEqual(post.media.length, 1);
			assert.strictEqual(post.media[0].type, 'image/png', 'MIME type from the binary');
			assert.strictEqual(post.media[0].altText, 'A cup of today’s roast');
			const uploads = sim.control
				.requests()
				.slice(ctx.requestsBefore)
				.filter((request) => request.path === '/medias/upload-file');
			assert.strictEqual(uploads.length, 1, 'the binary uploaded once');
			assert.strictEqual(uploads[0].body.file.mimetype, 'image/png');
			const file = [...sim.control.state.media.values()].find((stored) => stored.url === post.media[0].url);
			assert.ok(file, 'the post’s media link is the uploaded file');
			assert.ok(file.data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG file');
			return `post ${post._id} scheduled for ${post.displayDate} on ${account.name} with the uploaded ${file.name} (${file.data.length} bytes)`;
		},
	},
	{
		file: '08-schedule-a-month-of-posts-from-a-sheet.json',
		check(run, sim, ctx) {
			const NY = 'America/New_York';
			const text = (i) =>
				i % 7 === 6
					? `Weekend special, day ${i + 1}:\nTwo "oat nog" lattes for one price ☕️🎄`
					: `Day ${i + 1} of our winter menu: cinnamon buns, "oat nog" & more ☕️`;
			const built = nodeOutput(run, 'Build CSV');
			assert.strictEqual(built.length, 1, 'Build CSV outputs one file');
			assert.deepStrictEqual(built[0], { fileName: 'winter-menu.csv', rowsCount: 30 });
			const [out] = nodeOutput(run, 'Import and schedule the posts');
			assert.ok(out, 'Import Posts outputs the import');
			assert.strictEqual(out.status, 'imported', 'imported');
			assert.deepStrictEqual([out.rowsCount, out.accepted, out.rejected], [30, 30, 0], 'every row accepted');
			const csv = location(sim).csvs.find((c) => c.id === out.csvId);
			assert.ok(csv, `import ${out.csvId} exists in the simulator`);
			assert.strictEqual(csv.status, 'completed');
			assert.strictEqual(csv.fileName, 'winter-menu.csv');
			const wanted = location(sim)
				.accounts.filter((a) => ['facebook', 'linkedin'].includes(a.platform) && !a.isExpired)
				.map((a) => a.id)
				.sort();
			assert.deepStrictEqual([...csv.accountIds].sort(), wanted, 'set to every Facebook and LinkedIn account');
			const rows = csv.posts.filter((row) => row.status === 'accepted');
			assert.strictEqual(rows.length, 30, '30 rows scheduled');
			const posts = rows.map((row) => storedPost(sim, row.postId));
			assert.ok(posts.every(Boolean), 'every row became a post in the post store');
			posts.forEach((post, i) => {
				assert.strictEqual(post.summary, text(i), `row ${i + 1}: text unchanged (quotes, comma, line break, emoji)`);
				assert.strictEqual(post.status, 'scheduled');
				assert.strictEqual(post.source, 'csv');
				assert.deepStrictEqual(
					post.media.map((m) => m.url),
					i % 3 === 0 ? [`https://images.example.com/hoop/winter-${i + 1}.jpg`] : [],
				);
				// 9:30 New York on day i + 1 after the run's day there (either side of midnight during the run).
				const expected = [ctx.startedAt, ctx.endedAt].map((t) => wallClockToUtc(NY, addDays(localDate(NY, t), i + 1), 9, 30));
				assert.ok(expected.includes(post.scheduleDate), `row ${i + 1} scheduled for ${post.scheduleDate}, expected ${expected[0]}`);
			});
			return `import ${out.csvId}: 30 rows → 30 posts on ${wanted.length} accounts, 9:30 New York from ${posts[0].scheduleDate} to ${posts[29].scheduleDate}`;
		},
	},
	{
		file: '09-keep-an-evergreen-queue-topped-up.json',
		before(sim, ctx) {
			const queue = location(sim).queues.find((q) => location(sim).categories.find((c) => c._id === q.categoryId)?.name === 'Coffee tips');
			ctx.queueId = queue._id;
			ctx.itemsBefore = location(sim)
				.queueItems.filter((i) => i.queueId === queue._id && !i.deleted)
				.map((i) => i._id);
		},
		check(run, sim, ctx) {
			const added = nodeOutput(run, 'Add to the queue');
			assert.strictEqual(added.length, 3, 'one queue item per blog article');
			const items = location(sim)
				.queueItems.filter((i) => i.queueId === ctx.queueId && !i.deleted)
				.sort((a, b) => a.order - b.order);
			const newItems = items.filter((i) => !ctx.itemsBefore.includes(i._id));
			assert.deepStrictEqual(
				newItems.map((i) => i._id),
				added.map((a) => a.queueItem._id),
				'the three items are in the live queue, in order',
			);
			assert.deepStrictEqual(
				items.slice(-3).map((i) => i._id),
				newItems.map((i) => i._id),
				'at the bottom (the queue does not put new content first)',
			);
			const accounts = location(sim)
				.accounts.filter((a) => ['facebook', 'linkedin'].includes(a.platform) && !a.isExpired)
				.map((a) => a.id)
				.sort();
			for (const item of newItems) {
				assert.strictEqual(item.variations.length, 2, 'two variations');
				assert.match(item.variations[0].content, /^New on the blog: .+ https:\/\/blog\.hoopcoffee\.example\//);
				assert.match(item.variations[0].ogTags.metaLink, /^https:\/\/blog\.hoopcoffee\.example\//);
				assert.match(item.primaryImage, /^https:\/\/images\.example\.com\/hoop\/.+\.jpg$/);
				assert.deepStrictEqual([...item.modifiedPostPayload.accountIds].sort(), accounts, 'posts to the Facebook and LinkedIn accounts');
			}
			assert.strictEqual(location(sim).sessions.size, 0, 'no edit session left open');
			const slots = nodeOutput(run, 'Next publication dates');
			assert.strictEqual(slots.length, Math.min(10, items.length), 'the next slots of the queue');
			assert.ok(
				slots.every((s) => Date.parse(s.scheduledDateTime) > Date.parse(sim.control.now())),
				'future publication dates',
			);
			return `${added.length} articles added to queue ${ctx.queueId} (now ${items.length} items); next slot ${slots[0].scheduledDateTime}`;
		},
	},
	{
		file: '13-post-the-same-announcement-to-every-client.json',
		/**
		 * The 'agency' seed, and the agency's app installed in four sub-accounts (the sample's and
		 * three clients', each with a Facebook account); two others are not installed. The credential
		 * is imported again with this install's Company token.
		 */
		async before(sim, ctx, tier) {
			sim.control.reset('agency');
			ctx.installed = [sim.locationId, ...CLIENT_LOCATIONS.slice(0, 3).map((client) => client.id)];
			const token = sim.control.connect({ userType: 'Company', approvedLocations: ctx.installed });
			await tier.importCredentials([agencyCredential(sim, token)]);
			ctx.postsBefore = new Map([...sim.control.state.locations.values()].map((l) => [l.id, new Set(l.posts.map((p) => p._id))]));
			ctx.requestsBefore = sim.control.requests().length;
		},
		check(run, sim, ctx) {
			const locations = [...sim.control.state.locations.values()];
			const made = new Map(locations.map((l) => [l.id, l.posts.filter((p) => !ctx.postsBefore.get(l.id).has(p._id))]));
			const clients = nodeOutput(run, 'Every client');
			assert.deepStrictEqual(clients.map((c) => c._id).sort(), [...ctx.installed].sort(), 'Every client lists the installed sub-accounts');
			const out = nodeOutput(run, 'Post the announcement');
			assert.strictEqual(out.length, ctx.installed.length, 'one post per installed client');
			const creators = [];
			for (const id of ctx.installed) {
				const client = sim.control.state.locations.get(id);
				const posts = made.get(id);
				assert.strictEqual(posts.length, 1, `${client.name}: exactly one new post (got ${posts.length})`);
				const [post] = posts;
				const facebook = client.accounts.filter((a) => a.platform === 'facebook' && !a.isExpired).map((a) => a.id);
				assert.ok(facebook.length > 0, `${client.name} has a Facebook account`);
				assert.deepStrictEqual([...post.accountIds].sort(), facebook.sort(), `${client.name}: on its own Facebook accounts`);
				const creator = client.users.find((u) => u.id === post.createdBy);
				assert.ok(creator, `${client.name}: made by one of its own users (createdBy ${post.createdBy})`);
				creators.push(`${client.name}: ${creator.firstName} ${creator.lastName}`);
				assert.ok(post.summary.includes(client.name), `${client.name}: the text names the client: ${post.summary}`);
				assert.strictEqual(post.status, 'scheduled');
			}
			const others = locations.filter((l) => !ctx.installed.includes(l.id));
			assert.deepStrictEqual(
				others.flatMap((l) => made.get(l.id).map((p) => `${l.name}: ${p._id}`)),
				[],
				'no post in a sub-account the app is not installed in',
			);
			const seen = sim.control.requests().slice(ctx.requestsBefore);
			const exchanges = seen.filter((r) => r.method === 'POST' && r.path === '/oauth/locationToken');
			// The items the two nodes that work in the clients' sub-accounts were given.
			const items = clients.length + nodeOutput(run, 'One item per client').length;
			assert.strictEqual(
				exchanges.length,
				ctx.installed.length,
				`one token exchange per location (${exchanges.length} for ${items} items)`,
			);
			// Each exchange is a grant of the simulator's Marketplace, for the location it was made for.
			const exchanged = sim.control
				.grants()
				.filter((grant) => grant.via === 'exchange')
				.map((grant) => grant.locationId);
			assert.deepStrictEqual(exchanged.sort(), [...ctx.installed].sort(), 'each installed location exchanged once');
			return (
				`${ctx.installed.length} installed clients, 1 new post each on its own Facebook accounts, 0 in the ${others.length} not installed; ` +
				`${exchanges.length} token exchanges for ${items} items (${ctx.installed.length} locations); creators: ${creators.join(', ')}`
			);
		},
	},
];

function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

module.exports = { EXAMPLES, EXAMPLES_DIR, loadExample, localDate, wallClockToUtc, addDays, location, storedPost, agencyCredential };
