'use strict';
// Indexes that keep the post list and the lifecycle cheap at 10,000+ posts, without hooks:
// tests, seeds and other routes change `location.posts` and its records directly (push, splice,
// `post.status = …`), so each index checks itself against the records on use (one pass of
// identity and string compares, no parsing or sorting) and rebuilds only when they changed.

/** location → { posts, ids, dates, sorted } as of the last build. */
const byDate = new WeakMap();
/** post → { iso, ms }: `scheduleDate` parsed once per value. */
const parsedSchedule = new WeakMap();
/** location → { posts, statuses, schedules, nextMs } as of the last full lifecycle pass. */
const lifecycleViews = new WeakMap();

/** Newest first, then the higher id first: the order of POST /posts/list. */
function newestFirst(a, b) {
	return b.at - a.at || (a.post._id < b.post._id ? 1 : -1);
}

function buildDateIndex(posts) {
	const sorted = [];
	for (const post of posts) {
		const at = Date.parse(post.displayDate);
		// A post without a valid display date is never inside a date range.
		if (!Number.isNaN(at)) sorted.push({ post, at });
	}
	sorted.sort(newestFirst);
	return { posts: [...posts], ids: posts.map((p) => p._id), dates: posts.map((p) => p.displayDate), sorted };
}

/** Whether the index was built from these very records, with the same sort keys. */
function isCurrent(index, posts) {
	if (index.posts.length !== posts.length) return false;
	for (let i = 0; i < posts.length; i++) {
		const post = posts[i];
		if (index.posts[i] !== post || index.ids[i] !== post._id || index.dates[i] !== post.displayDate) return false;
	}
	return true;
}

/** The location's posts with a valid display date, newest first (each as { post, at }). */
function postsByDate(location) {
	let index = byDate.get(location);
	if (!index || !isCurrent(index, location.posts)) {
		index = buildDateIndex(location.posts);
		byDate.set(location, index);
	}
	return index.sorted;
}

/** The first position in `sorted` (newest first) whose date is before `ms`, or at/before with `inclusive`. */
function firstOlder(sorted, ms, inclusive) {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const older = inclusive ? sorted[mid].at <= ms : sorted[mid].at < ms;
		if (older) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The posts dated from `fromMs` to `toMs` (both included), newest first. */
function postsBetween(location, fromMs, toMs) {
	const sorted = postsByDate(location);
	const start = firstOlder(sorted, toMs, true);
	const end = firstOlder(sorted, fromMs, false);
	const out = [];
	for (let i = start; i < end; i++) out.push(sorted[i].post);
	return out;
}

/** `Date.parse(post.scheduleDate)`, parsed again only when the value changed. */
function scheduleMs(post) {
	const cached = parsedSchedule.get(post);
	if (cached && cached.iso === post.scheduleDate) return cached.ms;
	const ms = Date.parse(post.scheduleDate);
	parsedSchedule.set(post, { iso: post.scheduleDate, ms });
	return ms;
}

/**
 * Whether the lifecycle has nothing to do for this location: no post's status or schedule
 * changed since the last full pass (same records too), and none of them is due before `nextMs`.
 */
function lifecycleIdle(location, nowMs) {
	const view = lifecycleViews.get(location);
	if (!view || nowMs >= view.nextMs) return false;
	const posts = location.posts;
	if (view.posts.length !== posts.length) return false;
	for (let i = 0; i < posts.length; i++) {
		const post = posts[i];
		if (view.posts[i] !== post || view.statuses[i] !== post.status || view.schedules[i] !== post.scheduleDate) return false;
	}
	return true;
}

/** Records a full lifecycle pass: until `nextMs`, with the same posts, there is nothing to do. */
function lifecycleDone(location, nextMs) {
	const posts = location.posts;
	lifecycleViews.set(location, {
		posts: [...posts],
		statuses: posts.map((p) => p.status),
		schedules: posts.map((p) => p.scheduleDate),
		nextMs,
	});
}

module.exports = { postsByDate, postsBetween, scheduleMs, lifecycleIdle, lifecycleDone };
