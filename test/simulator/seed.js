'use strict';
// Sample data (a realistic location) and fixture builders. Identity constants stay the same
// across resets so a client configured once keeps working.

const { newId, addLocation, addToken, ALL_SCOPES, clone } = require('./state');

const APP_ID = '6650c0de5a1b2c3d4e5f6a7b';
const IDS = {
	locationId: 'hpSimLoc4Qk8Zt2Wn7Rb',
	companyId: 'hpSimCo9Lm3Xv6Pq1Sd',
	userId: 'hpSimUsr2Jf5Hc8Tn0Ya',
	token: 'pit-sim-7f3c2a91-4b6d-4e8f-9a0b-1c2d3e4f5a6b',
	otherLocationId: 'hpSimLocOther9Xy3Vb1',
	otherToken: 'pit-sim-other-0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6',
	/** The Marketplace app: its ID is the client ID's part before the dash, as HighLevel's are. */
	appId: APP_ID,
	versionId: '6650c0de5a1b2c3d4e5f6a7c',
	clientId: `${APP_ID}-hpsim7x2`,
	clientSecret: 'sim-secret-3b9e2c71-5d4a-4f6e-8a1b-0c2d3e4f5a6b',
	/** An agency Private Integration token of the company (the 'agency' seed). */
	agencyToken: 'pit-sim-agency-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
};

/** The agency and its sub-accounts: every seed has the first two, the 'agency' seed all of them. */
const AGENCY = { id: IDS.companyId, name: 'Hoop Marketing' };
const SAMPLE_LOCATION = { id: IDS.locationId, name: 'Hoop Coffee Roasters', address: '12 Main Street, Portland, OR 97204, USA' };
const OTHER_LOCATION = { id: IDS.otherLocationId, name: 'Northside Bakery', address: '88 Elm Avenue, Portland, OR 97209, USA' };
const CLIENT_LOCATIONS = [
	{
		id: 'hpSimLocDental7Kq2Wm',
		name: 'Bright Smile Dental',
		address: '4 Harbor Road, Seattle, WA 98101, USA',
		page: 'Bright Smile Dental',
	},
	{ id: 'hpSimLocFitness3Zp8V', name: 'Peak Fitness Studio', address: '210 Summit Way, Denver, CO 80202, USA', page: 'Peak Fitness' },
	{ id: 'hpSimLocGarden5Tn4Qx', name: 'Green Leaf Landscaping', address: '9 Orchard Lane, Austin, TX 78701, USA', page: 'Green Leaf' },
	{ id: 'hpSimLocBakery8Rw1Jc', name: 'Sunrise Bakery & Cafe', address: '31 Dawn Street, Boise, ID 83702, USA', page: 'Sunrise Bakery' },
];

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

function makeUser(sim, location, partial) {
	return {
		id: partial.id || newId(sim.state).slice(0, 20),
		name: `${partial.firstName || 'Sim'} ${partial.lastName || 'User'}`,
		firstName: 'Sim',
		lastName: 'User',
		email: 'user@example.com',
		phone: '+15550100000',
		extension: '',
		title: '',
		profilePhoto: '',
		roles: { type: 'account', role: 'user', locationIds: [location.id], restrictSubAccount: false },
		permissions: { socialPlanner: true },
		...partial,
	};
}

function makeAccount(sim, location, partial) {
	const oauthId = partial.oauthId || newId(sim.state);
	const originId = partial.originId || String(100000000000 + sim.state.seq * 7919);
	const nowMs = sim.clock.now();
	const expired = Boolean(partial.isExpired);
	return {
		id: partial.id || `${oauthId}_${location.id}_${originId}`,
		oauthId,
		profileId: partial.profileId || newId(sim.state),
		originId,
		name: partial.name || `${partial.platform || 'facebook'} account`,
		platform: partial.platform || 'facebook',
		type: partial.type || 'page',
		expire: partial.expire || new Date(expired ? nowMs - 2 * DAY : nowMs + 60 * DAY).toISOString(),
		isExpired: expired,
		meta: partial.meta || { canDelete: true },
		avatar: partial.avatar || `https://cdn.example.com/avatars/${originId}.png`,
		active: true,
		deleted: false,
		createdAt: new Date(nowMs - 30 * DAY).toISOString(),
		updatedAt: new Date(nowMs - 30 * DAY).toISOString(),
	};
}

function makeCategory(sim, location, partial) {
	const at = new Date(sim.clock.now() - 20 * DAY).toISOString();
	return {
		_id: partial._id || newId(sim.state),
		name: 'Category',
		primaryColor: '#1E88E5',
		secondaryColor: '#BBDEFB',
		locationId: location.id,
		createdBy: IDS.userId,
		deleted: false,
		createdAt: at,
		updatedAt: at,
		...partial,
	};
}

function makeTag(sim, location, partial) {
	const at = new Date(sim.clock.now() - 20 * DAY).toISOString();
	return {
		_id: partial._id || newId(sim.state),
		tag: 'tag',
		locationId: location.id,
		createdBy: IDS.userId,
		deleted: false,
		createdAt: at,
		updatedAt: at,
		...partial,
	};
}

/** A stored post exactly as given (no "post now" rewriting), with defaults filled in. */
function makePost(sim, location, partial) {
	const nowIso = sim.clock.nowIso();
	const accountIds = partial.accountIds || (location.accounts[0] ? [location.accounts[0].id] : []);
	const first = location.accounts.find((a) => a.id === accountIds[0]);
	const post = {
		_id: newId(sim.state),
		source: 'composer',
		locationId: location.id,
		createdAt: nowIso,
		updatedAt: nowIso,
		error: '',
		summary: '',
		media: [],
		tags: [],
		type: 'post',
		status: 'draft',
		createdBy: location.users[0] ? location.users[0].id : IDS.userId,
		accountIds,
		accountId: first ? first.id : undefined,
		platform: first ? first.platform : undefined,
		...clone(partial),
	};
	post.displayDate = post.displayDate || post.scheduleDate || post.publishedAt || post.createdAt;
	return post;
}

function makeComment(sim, location, partial) {
	const at = partial.publishedAt || sim.clock.nowIso();
	return {
		_id: newId(sim.state),
		platform: 'facebook',
		platformCommentId: String(900000000 + sim.state.seq),
		platformParentId: '',
		platformPostId: '',
		postId: '',
		originId: '',
		isParentThread: true,
		isPost: false,
		content: '',
		attachments: [],
		author: { id: 'fan-1', name: 'A Follower', profilePic: 'https://cdn.example.com/fans/1.png' },
		level: 0,
		likeCount: 0,
		reactionCount: 0,
		replyCount: 0,
		shareCount: 0,
		repostCount: 0,
		quoteCount: 0,
		previewLink: '',
		isRead: false,
		isDeleted: false,
		isEdited: false,
		publishedAt: at,
		createdAt: at,
		updatedAt: at,
		likedByPage: false,
		...partial,
	};
}

function seedIdentity(sim) {
	sim.state.companies.set(AGENCY.id, { ...AGENCY });
	const location = addLocation(sim.state, IDS.locationId, IDS.companyId, SAMPLE_LOCATION);
	location.users.push(
		makeUser(sim, location, {
			id: IDS.userId,
			firstName: 'Avery',
			lastName: 'Stone',
			email: 'avery.stone@example.com',
			roles: { type: 'account', role: 'admin', locationIds: [location.id], restrictSubAccount: false },
		}),
	);
	addToken(sim.state, { token: IDS.token, locationId: IDS.locationId, companyId: IDS.companyId, scopes: ALL_SCOPES });
	// A second location with its own token, so "wrong location" is easy to exercise.
	const other = addLocation(sim.state, IDS.otherLocationId, IDS.companyId, OTHER_LOCATION);
	other.users.push(makeUser(sim, other, { id: 'hpSimUsrOther7Kd2Lp9', firstName: 'Other', lastName: 'Owner', email: 'other@example.com' }));
	addToken(sim.state, { token: IDS.otherToken, locationId: IDS.otherLocationId, companyId: IDS.companyId, scopes: ALL_SCOPES });
	return location;
}

function seedSample(sim, location) {
	const now = sim.clock.now();
	const iso = (ms) => new Date(ms).toISOString();
	location.users.push(
		makeUser(sim, location, { firstName: 'Jordan', lastName: 'Lee', email: 'jordan.lee@example.com' }),
		makeUser(sim, location, { firstName: 'Sam', lastName: 'Rivera', email: 'sam.rivera@example.com' }),
	);
	const [fb, ig, li, gmb, tt, yt, pin] = [
		{ platform: 'facebook', name: 'Hoop Coffee Roasters', type: 'page' },
		{ platform: 'instagram', name: 'hoopcoffee', type: 'business' },
		{ platform: 'linkedin', name: 'Hoop Coffee Company', type: 'page' },
		{ platform: 'google', name: 'Hoop Coffee - Main Street', type: 'location' },
		{ platform: 'tiktok', name: 'hoopcoffee.tt', type: 'profile', isExpired: true },
		{ platform: 'youtube', name: 'Hoop Coffee TV', type: 'profile' },
		{ platform: 'pinterest', name: 'Hoop Coffee Pins', type: 'profile' },
	].map((p) => {
		const account = makeAccount(sim, location, p);
		location.accounts.push(account);
		return account;
	});
	location.groups.push({ id: newId(sim.state), name: 'Brand channels', accountIds: [fb.id, ig.id, li.id] });
	const [tips, promos] = ['Coffee tips', 'Promotions', 'Behind the scenes'].map((name, i) => {
		const category = makeCategory(sim, location, { name, primaryColor: ['#6D4C41', '#E53935', '#43A047'][i] });
		location.categories.push(category);
		return category;
	});
	const tags = ['espresso', 'new-menu', 'weekend', 'latte-art'].map((tag) => {
		const t = makeTag(sim, location, { tag });
		location.tags.push(t);
		return t;
	});
	const img = (n) => ({ url: `https://cdn.example.com/media/coffee-${n}.jpg`, type: 'image/jpeg' });
	const video = { url: 'https://cdn.example.com/media/pour-over.mp4', type: 'video/mp4' };
	const specs = [
		{
			status: 'published',
			accountIds: [fb.id],
			summary: 'Three tips for a better pour-over at home.',
			categoryId: tips._id,
			publishedAt: iso(now - 3 * DAY),
			postId: `${fb.originId}_1001`,
			scheduleDate: iso(now - 3 * DAY),
			tags: [tags[0]._id],
		},
		{
			status: 'published',
			accountIds: [ig.id],
			summary: 'Latte art Friday.',
			media: [img(1)],
			categoryId: tips._id,
			publishedAt: iso(now - 2 * DAY),
			postId: '17900000000001',
			scheduleDate: iso(now - 2 * DAY),
			tags: [tags[3]._id],
		},
		{
			status: 'published',
			accountIds: [li.id],
			summary: 'We are hiring baristas.',
			publishedAt: iso(now - DAY),
			postId: 'urn:li:share:7001',
			scheduleDate: iso(now - DAY),
		},
		{
			status: 'scheduled',
			accountIds: [fb.id, li.id],
			summary: 'Weekend brunch menu drops Saturday.',
			categoryId: promos._id,
			scheduleDate: iso(now + DAY),
			tags: [tags[1]._id, tags[2]._id],
		},
		{ status: 'scheduled', accountIds: [ig.id], summary: 'New single-origin beans.', media: [img(2)], scheduleDate: iso(now + 2 * HOUR) },
		{ status: 'scheduled', accountIds: [tt.id], summary: 'Behind the counter.', media: [video], scheduleDate: iso(now + 3 * HOUR) },
		{ status: 'draft', accountIds: [gmb.id], summary: 'Holiday hours (draft).' },
		{
			status: 'in_review',
			accountIds: [fb.id],
			summary: 'Holiday gift cards.',
			scheduleDate: iso(now + 3 * DAY),
			postApprovalDetails: { approver: IDS.userId, requesterNote: 'Please check the price.', approvalStatus: 'pending' },
		},
		{
			status: 'failed',
			accountIds: [yt.id],
			summary: 'Our roastery tour.',
			scheduleDate: iso(now - 5 * HOUR),
			error: 'A video is required to publish on youtube',
		},
		{
			status: 'pending',
			accountIds: [ig.id],
			summary: 'Instagram is processing this reel.',
			type: 'reel',
			media: [video],
			scheduleDate: iso(now - 40 * 1000),
		},
		{ status: 'notification_sent', accountIds: [ig.id], summary: '', type: 'story', media: [img(3)], scheduleDate: iso(now - 6 * HOUR) },
		{ status: 'deleted', accountIds: [pin.id], summary: 'Old pin.', media: [img(4)], scheduleDate: iso(now - 9 * DAY) },
		{ status: 'in_progress', accountIds: [fb.id], summary: 'Publishing right now.', scheduleDate: iso(now - 10 * 1000) },
	];
	const posts = specs.map((spec, i) => {
		const post = makePost(sim, location, { ...spec, createdAt: iso(now - (10 - i / 2) * DAY), updatedAt: iso(now - (10 - i / 2) * DAY) });
		if (spec.status === 'published') post.updatedAt = spec.publishedAt;
		location.posts.push(post);
		return post;
	});
	const [fbPost, igPost] = posts;
	const c1 = makeComment(sim, location, {
		platform: 'facebook',
		postId: fbPost._id,
		originId: fb.originId,
		platformPostId: fbPost.postId,
		isPost: true,
		content: 'Great tips, thanks!',
		publishedAt: iso(now - 2 * DAY),
		replyCount: 1,
		likeCount: 2,
	});
	const c2 = makeComment(sim, location, {
		platform: 'facebook',
		postId: fbPost._id,
		originId: fb.originId,
		platformPostId: fbPost.postId,
		content: 'Glad it helps!',
		isParentThread: false,
		level: 1,
		platformParentId: c1.platformCommentId,
		parentCommentId: c1._id,
		publishedAt: iso(now - 2 * DAY + HOUR),
		isRead: true,
		author: { id: fb.originId, name: fb.name, profilePic: fb.avatar },
	});
	const c3 = makeComment(sim, location, {
		platform: 'facebook',
		postId: fbPost._id,
		originId: fb.originId,
		platformPostId: fbPost.postId,
		content: 'What grinder do you use?',
		publishedAt: iso(now - DAY),
	});
	const c4 = makeComment(sim, location, {
		platform: 'instagram',
		postId: igPost._id,
		originId: ig.originId,
		platformPostId: igPost.postId,
		content: 'Beautiful art!',
		publishedAt: iso(now - DAY),
		likeCount: 5,
	});
	location.comments.push(c1, c2, c3, c4);

	// A completed CSV import.
	const csvId = newId(sim.state);
	location.csvs.push({
		id: csvId,
		locationId: location.id,
		fileName: 'october-posts.csv',
		accountIds: [fb.id],
		file: `https://storage.example.com/social-planner/${location.id}/csv/october-posts.csv`,
		status: 'completed',
		count: 1,
		createdBy: IDS.userId,
		traceId: 'seed-trace',
		originId: '',
		approver: '',
		createdAt: iso(now - 7 * DAY),
		csvFileType: 'basic',
		mediaOptimization: false,
		applyWatermark: false,
		channel: 'social_planner',
		updatedAt: iso(now - 7 * DAY),
		posts: [
			{
				_id: newId(sim.state),
				accountIds: [fb.id],
				summary: 'Imported post',
				scheduleDate: iso(now - 6 * DAY),
				type: 'post',
				medias: [],
				status: 'accepted',
				csvFileType: 'basic',
				mediaOptimization: false,
				applyWatermark: false,
				updatedAt: iso(now - 7 * DAY),
				errorMessage: '',
			},
		],
	});
	sim.seedRefs = { accounts: { fb, ig, li, gmb, tt, yt, pin }, categories: { tips, promos }, tags, posts };
	return { tips };
}

function seedQueue(sim, location, category) {
	const { createQueue } = require('./queue-model');
	const queue = createQueue(sim, location, {
		categoryId: category._id,
		timeSlots: [
			{ dayOfWeek: 1, time: '09:00' },
			{ dayOfWeek: 3, time: '09:00' },
			{ dayOfWeek: 5, time: '15:30' },
		],
		enableFuturePosts: false,
		prioritizeNewContent: false,
		userId: IDS.userId,
	});
	queue.status = 'active';
	queue.anchorAt = sim.clock.nowIso();
}

/**
 * The agency's clients beyond the sample location: each a sub-account with its own user, two
 * connected accounts and a scheduled and a published post (nothing shared between them), and
 * the agency's Private Integration token.
 */
function seedClients(sim) {
	const now = sim.clock.now();
	for (const client of CLIENT_LOCATIONS) {
		const location = addLocation(sim.state, client.id, IDS.companyId, client);
		location.users.push(
			makeUser(sim, location, {
				firstName: 'Owner',
				lastName: client.name.split(' ')[0],
				email: `owner@${client.id.toLowerCase()}.example.com`,
			}),
		);
		for (const platform of ['facebook', 'instagram'])
			location.accounts.push(makeAccount(sim, location, { platform, name: `${client.page} (${platform})` }));
		const [page] = location.accounts;
		location.posts.push(
			makePost(sim, location, {
				status: 'scheduled',
				accountIds: [page.id],
				summary: `${client.name}: this week's offer.`,
				scheduleDate: new Date(now + 2 * DAY).toISOString(),
				createdBy: location.users[0].id,
			}),
			makePost(sim, location, {
				status: 'published',
				accountIds: [page.id],
				summary: `${client.name}: thank you for 100 reviews!`,
				scheduleDate: new Date(now - DAY).toISOString(),
				publishedAt: new Date(now - DAY).toISOString(),
				createdBy: location.users[0].id,
			}),
		);
	}
	addToken(sim.state, { token: IDS.agencyToken, companyId: IDS.companyId, userType: 'Company', scopes: ALL_SCOPES });
}

/** Fills the store for `name` ('sample' | 'empty' | 'agency': the sample and four more clients). */
function applySeed(sim, name) {
	const location = seedIdentity(sim);
	if (name === 'empty') return;
	if (!['sample', 'agency'].includes(name)) throw new Error(`Unknown seed: ${name}`);
	const { tips } = seedSample(sim, location);
	seedQueue(sim, location, tips);
	if (name === 'agency') seedClients(sim);
}

/** Adds fixture records (partial objects, defaults filled in) to a location. */
function applyFixture(sim, fixture) {
	const locationId = fixture.locationId || IDS.locationId;
	let location = sim.state.locations.get(locationId);
	if (!location) {
		const companyId = fixture.companyId || IDS.companyId;
		if (!sim.state.companies.has(companyId))
			sim.state.companies.set(companyId, { id: companyId, name: fixture.companyName || `Agency ${companyId}` });
		location = addLocation(sim.state, locationId, companyId, { name: fixture.name, address: fixture.address });
	}
	const created = {};
	const add = (key, list, make) => {
		created[key] = (fixture[key] || []).map((partial) => {
			const record = make(sim, location, partial);
			list.push(record);
			return record;
		});
	};
	add('users', location.users, makeUser);
	add('accounts', location.accounts, makeAccount);
	add('categories', location.categories, makeCategory);
	add('tags', location.tags, makeTag);
	add('posts', location.posts, makePost);
	add('comments', location.comments, makeComment);
	created.groups = (fixture.groups || []).map((g) => {
		const group = { id: g.id || newId(sim.state), name: g.name || 'Group', accountIds: g.accountIds || [] };
		location.groups.push(group);
		return group;
	});
	if (fixture.tokens) for (const t of fixture.tokens) addToken(sim.state, { locationId, ...t });
	return created;
}

module.exports = { IDS, CLIENT_LOCATIONS, applySeed, applyFixture, makeAccount, makePost, makeComment };
