import { expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { printFigures } from '../helpers/report';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

const DAY = 24 * 60 * 60 * 1000;
type StoredPost = IDataObject & { _id: string; status: string; displayDate: string };

/**
 * "My next 3 posts": Post → Get Many with Order "Soonest First", Upcoming Only and a Limit of 3.
 * The API documents no order for its list (the simulator answers latest first, as HoopAI's
 * calendar shows them), so the node reads every page of the window and sorts them itself.
 */
describeWithSimulator('Post → Get Many: Order and Upcoming Only', (sim) => {
	const location = () => locationOf(sim());
	const posts = () => location().posts as StoredPost[];
	const run = async (parameters: INodeParameters) =>
		await runNode({ parameters: { resource: 'post', operation: 'getAll', ...parameters }, credentials: tokenCredentials(sim()) });
	const at = (post: StoredPost) => Date.parse(post.displayDate);
	const listed = () => posts().filter((post) => post.status !== 'deleted');

	/** 230 scheduled posts spread over the next 60 days, the soonest seeded last. */
	const seedFuturePosts = () => {
		const facebook = location().accounts.find((account: IDataObject) => account.platform === 'facebook').id;
		const now = Date.parse(sim().control.now());
		sim().control.seed({
			posts: Array.from({ length: 230 }, (_value, index) => ({
				status: 'scheduled',
				accountIds: [facebook],
				summary: `Planned post ${index}`,
				scheduleDate: new Date(now + DAY + (229 - index) * ((59 * DAY) / 230)).toISOString(),
			})),
		});
	};

	it('Soonest First, Upcoming Only, Limit 3: the next 3 posts, read across every page of the window', async () => {
		seedFuturePosts();
		const before = sim().control.requests().length;
		const startedAt = Date.now();
		const { items, error } = await run({ postOrder: 'soonestFirst', upcomingOnly: true, returnAll: false, limit: 3 });
		expect(error).toBeUndefined();
		const next = listed()
			.filter((post) => at(post) >= startedAt)
			.sort((a, b) => at(a) - at(b))
			.slice(0, 3);
		expect(items.map((item) => item.json.id)).toEqual(next.map((post) => post._id));
		// The sample's own next posts (in 2 and 3 hours) come before the seeded ones (from tomorrow).
		expect(items.map((item) => item.json.content)).toEqual(next.map((post) => post.summary));
		const sent = requestsSince(sim(), before);
		const pages = sim()
			.control.requests()
			.slice(before)
			.filter((request) => request.path.endsWith('/posts/list'));
		expect(pages.map((page) => (page.body as IDataObject).skip)).toEqual(['0', '100', '200']);
		// The window starts now, not 30 days back.
		expect(Date.parse(String((pages[0].body as IDataObject).fromDate))).toBeGreaterThanOrEqual(startedAt);
		printFigures('Post → Get Many, next 3 of 230+ upcoming posts', {
			requests: `${sent.length} (${pages.length} pages of 100, 1 accounts read for Simplify)`,
		});
	});

	it('Upcoming Only leaves out what is dated before now; Latest First (the default) lists the rest latest first', async () => {
		const startedAt = Date.now();
		const { items, error } = await run({ upcomingOnly: true, returnAll: true, simple: false });
		expect(error).toBeUndefined();
		const upcoming = listed()
			.filter((post) => at(post) >= startedAt)
			.sort((a, b) => at(b) - at(a));
		expect(upcoming.length).toBeGreaterThan(1);
		expect(items.map((item) => item.json._id)).toEqual(upcoming.map((post) => post._id));
		expect(listed().some((post) => at(post) < startedAt)).toBe(true);
	});

	it('Soonest First without Upcoming Only orders the whole default window, the past included', async () => {
		const { items, error } = await run({ postOrder: 'soonestFirst', returnAll: true, simple: false });
		expect(error).toBeUndefined();
		const dates = items.map((item) => Date.parse(String(item.json.displayDate)));
		expect(dates).toEqual([...dates].sort((a, b) => a - b));
		expect(items).toHaveLength(listed().length);
	});
});
