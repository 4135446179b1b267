'use strict';
// Post records and their lifecycle. A scheduled post whose time has come is `in_progress` for
// PUBLISH_MS, then `published` (or `failed` with an error). Time only moves with the sim clock,
// and the lifecycle is advanced lazily (on every request and whenever the clock is moved).

const { newId, clone } = require('./state');
const { scheduleMs, lifecycleIdle, lifecycleDone } = require('./posts-index');

const PUBLISH_MS = 30 * 1000;
const MEDIA_REQUIRED = ['instagram', 'tiktok', 'tiktok-business', 'youtube', 'pinterest'];
const VIDEO_REQUIRED = ['tiktok', 'tiktok-business', 'youtube'];
/** Statuses the lifecycle moves forward once the schedule date has come. */
const ACTIVE = ['scheduled', 'in_progress', 'pending'];
const CONTENT_OR_MEDIA = ['facebook', 'linkedin', 'google', 'threads', 'bluesky'];

/** The fields a post carries in API responses (GetPostFormattedSchema). */
const API_FIELDS = [
	'_id',
	'source',
	'locationId',
	'platform',
	'thumbnail',
	'displayDate',
	'createdAt',
	'updatedAt',
	'accountId',
	'error',
	'postId',
	'publishedAt',
	'accountIds',
	'summary',
	'media',
	'status',
	'createdBy',
	'type',
	'tags',
	'ogTagsDetails',
	'postApprovalDetails',
	'tiktokPostDetails',
	'gmbPostDetails',
	'blueskyPostDetails',
	'linkedinPostDetails',
	'pinterestPostDetails',
	'facebookPostDetails',
	'instagramPostDetails',
	'youtubePostDetails',
	'mediaOptimization',
	'insights',
];
const BODY_FIELDS = [
	'accountIds',
	'summary',
	'media',
	'followUpComment',
	'ogTagsDetails',
	'type',
	'postApprovalDetails',
	'tags',
	'categoryId',
	'applyWatermark',
	'selectedBestTime',
	'tiktokPostDetails',
	'gmbPostDetails',
	'linkedinPostDetails',
	'pinterestPostDetails',
	'facebookPostDetails',
	'instagramPostDetails',
	'youtubePostDetails',
];

/**
 * The post-level `thumbnail` (v3 spec): the `thumbnail` given on the first video, else one
 * generated from that video.
 */
function coverImage(media) {
	const video = (media || []).find((m) => /^video\//.test(m.type));
	if (!video) return undefined;
	return video.thumbnail || `${video.url.split(/[?#]/)[0]}.cover.jpg`;
}

/** Builds a stored post from a create/edit body. `existing` keeps identity fields on PUT. */
function buildPost(sim, location, body, existing) {
	const nowIso = sim.clock.nowIso();
	const post = {
		_id: existing ? existing._id : newId(sim.state),
		source: existing ? existing.source : body.source || 'composer',
		locationId: location.id,
		createdAt: existing ? existing.createdAt : nowIso,
		updatedAt: nowIso,
		error: '',
		media: [],
		tags: [],
		summary: '',
	};
	for (const key of BODY_FIELDS) if (body[key] !== undefined) post[key] = clone(body[key]);
	post.createdBy = body.createdBy || body.userId || (existing && existing.createdBy);
	const cover = coverImage(post.media);
	if (cover) post.thumbnail = cover;
	const first = location.accounts.find((a) => a.id === (post.accountIds || [])[0]);
	if (first) {
		post.accountId = first.id;
		post.platform = first.platform;
	}
	let status = body.status;
	let scheduleDate = body.scheduleDate;
	if (!status) status = scheduleDate ? 'scheduled' : 'published';
	// An approved review goes back into the schedule.
	if (status === 'in_review' && body.postApprovalDetails && body.postApprovalDetails.approvalStatus === 'approved') {
		status = 'scheduled';
	}
	if (status === 'published' || status === 'in_progress') {
		// "Post now": it goes through the same publishing pipeline, starting immediately.
		status = 'scheduled';
		scheduleDate = nowIso;
	}
	post.status = status;
	if (scheduleDate) post.scheduleDate = new Date(Date.parse(scheduleDate)).toISOString();
	post.displayDate = post.scheduleDate || nowIso;
	return post;
}

/** An account is expired when flagged so or when its token's expiry date has passed. */
function isExpired(account, atMs) {
	return Boolean(account.isExpired) || Date.parse(account.expire) <= atMs;
}

/** Why publishing this post fails at `atMs`, or '' when it would succeed. */
function publishError(post, location, atMs) {
	const accounts = (post.accountIds || []).map((id) => location.accounts.find((a) => a.id === id));
	if (accounts.length === 0) return 'No social account selected';
	const media = post.media || [];
	for (const account of accounts) {
		if (!account) return 'Social account not found or disconnected';
		if (isExpired(account, atMs)) {
			return `The ${account.platform} account "${account.name}" has expired. Please reconnect the account.`;
		}
		if (MEDIA_REQUIRED.includes(account.platform) && media.length === 0) {
			return `Media is required to publish on ${account.platform}`;
		}
		if (VIDEO_REQUIRED.includes(account.platform) && !media.some((m) => /^video\//.test(m.type))) {
			return `A video is required to publish on ${account.platform}`;
		}
		if (CONTENT_OR_MEDIA.includes(account.platform) && !post.summary && media.length === 0) {
			return `Content or media is required to publish on ${account.platform}`;
		}
	}
	return '';
}

/** A platform-native id, shaped roughly like the network's own. */
function platformPostId(post, account) {
	const tail = parseInt(post._id.slice(-8), 16).toString().padStart(10, '0');
	if (!account) return tail;
	if (account.platform === 'facebook') return `${account.originId}_${tail}`;
	if (account.platform === 'linkedin') return `urn:li:share:7${tail}`;
	return `17${tail}`;
}

function finish(post, location, atMs) {
	const at = new Date(atMs).toISOString();
	const error = publishError(post, location, atMs);
	post.updatedAt = at;
	if (error) {
		post.status = 'failed';
		post.error = error;
		return;
	}
	const account = location.accounts.find((a) => a.id === post.accountIds[0]);
	post.status = 'published';
	post.error = '';
	// Once published, the cover lives on the post only, no longer on its media items.
	post.media = (post.media || []).map(({ thumbnail, ...item }) => item);
	post.publishedAt = at;
	post.postId = platformPostId(post, account);
}

/** Instagram processes video containers before publishing: such posts spend a phase `pending`. */
function hasInstagramContainer(post, location) {
	const ig = (post.accountIds || []).some((id) => location.accounts.some((a) => a.id === id && a.platform === 'instagram'));
	return ig && (post.media || []).some((m) => /^video\//.test(m.type));
}

function setPhase(post, status, atMs) {
	if (post.status === status) return;
	post.status = status;
	post.updatedAt = new Date(atMs).toISOString();
}

/**
 * Moves every due post forward to where it would be now: in_progress, (pending,) then done.
 * Runs on every request, so a location whose posts have not changed and where nothing is due
 * yet is skipped (see lifecycleIdle); while a post is publishing, every call looks again.
 */
function advanceLifecycle(sim) {
	const nowMs = sim.clock.now();
	for (const location of sim.state.locations.values()) {
		if (lifecycleIdle(location, nowMs)) continue;
		let nextMs = Infinity;
		for (const post of location.posts) {
			if (!ACTIVE.includes(post.status) || !post.scheduleDate) continue;
			const due = scheduleMs(post);
			if (nowMs < due) {
				nextMs = Math.min(nextMs, due);
				continue;
			}
			const container = hasInstagramContainer(post, location);
			const end = due + (container ? 2 : 1) * PUBLISH_MS;
			if (nowMs >= end) finish(post, location, end);
			else if (nowMs >= due + PUBLISH_MS) setPhase(post, 'pending', due + PUBLISH_MS);
			else setPhase(post, 'in_progress', due);
			if (ACTIVE.includes(post.status)) nextMs = -Infinity;
		}
		lifecycleDone(location, nextMs);
	}
}

function userView(user) {
	return {
		id: user.id,
		title: user.title || '',
		firstName: user.firstName,
		lastName: user.lastName,
		profilePhoto: user.profilePhoto || '',
		phone: user.phone || '',
		email: user.email,
	};
}

/** The API view of a post (GetPostFormattedSchema), optionally with its author. */
function formatPost(post, location, includeUsers) {
	const fields = {};
	for (const key of API_FIELDS) if (post[key] !== undefined) fields[key] = post[key];
	const out = clone(fields); // one deep copy per post: the answer never shares the store's objects
	if (includeUsers) {
		const user = location.users.find((u) => u.id === post.createdBy);
		if (user) out.user = userView(user);
	}
	return out;
}

module.exports = { PUBLISH_MS, isExpired, buildPost, publishError, advanceLifecycle, formatPost, userView };
