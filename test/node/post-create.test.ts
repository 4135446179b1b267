import { describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

type Account = { id: string; platform: string; isExpired?: boolean };
type StoredPost = IDataObject & { _id: string };

describeWithSimulator('Post → Create', (sim) => {
	const location = () => locationOf(sim());
	const account = (platform: string) =>
		location().accounts.find((candidate: Account) => candidate.platform === platform && !candidate.isExpired).id as string;
	const storedPost = (id: unknown) => location().posts.find((post: StoredPost) => post._id === id) as StoredPost;
	const create = async (
		parameters: INodeParameters,
		options: { timezone?: string; continueOnFail?: boolean; input?: IDataObject[] } = {},
	) =>
		await runNode({
			parameters: { resource: 'post', operation: 'create', simple: false, ...parameters },
			credentials: tokenCredentials(sim()),
			...options,
		});
	const inAYear = '2030-06-01T09:30:00';

	it('schedules a post to several accounts with media, first comment, category and tags', async () => {
		const category = location().categories[0]._id;
		const tags = location()
			.tags.slice(0, 2)
			.map((tag: { _id: string }) => tag._id);
		const { items, error } = await create({
			accountIds: [account('facebook'), account('linkedin')],
			status: 'scheduled',
			scheduleDate: inAYear,
			timezone: 'America/New_York',
			summary: 'Fresh roast on Monday ☕',
			media: { items: [{ url: 'https://cdn.example.com/roast.JPG?v=2', options: { caption: 'Roast' } }] },
			additionalFields: { followUpComment: '#coffee #roastery', categoryId: category, tags },
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const post = storedPost(items[0].json._id);
		expect(post.status).toBe('scheduled');
		expect(post.displayDate).toBe('2030-06-01T13:30:00.000Z');
		expect(post.accountIds).toEqual([account('facebook'), account('linkedin')]);
		expect(post.media).toEqual([
			expect.objectContaining({ url: 'https://cdn.example.com/roast.JPG?v=2', type: 'image/jpeg', caption: 'Roast' }),
		]);
		expect(post).toEqual(
			expect.objectContaining({ followUpComment: '#coffee #roastery', categoryId: category, tags, createdBy: sim().userId }),
		);
		expect(items[0].json).toEqual(expect.objectContaining({ _id: post._id, summary: 'Fresh roast on Monday ☕', status: 'scheduled' }));
	});

	it('reads a Schedule Date without offset in the workflow timezone by default, and keeps explicit offsets', async () => {
		const berlin = await create({ accountIds: [account('facebook')], scheduleDate: inAYear, summary: 'x' }, { timezone: 'Europe/Berlin' });
		expect(storedPost(berlin.items[0].json._id).displayDate).toBe('2030-06-01T07:30:00.000Z');

		const explicit = await create({
			accountIds: [account('facebook')],
			scheduleDate: '2030-01-15T08:00:00+05:30',
			timezone: 'Europe/Berlin',
			summary: 'x',
		});
		expect(storedPost(explicit.items[0].json._id).displayDate).toBe('2030-01-15T02:30:00.000Z');
	});

	it('publishes now, and the post publishes when the simulator’s clock moves on', async () => {
		const { items } = await create({ accountIds: [account('facebook')], status: 'published', summary: 'Open today until 8pm' });
		const id = items[0].json._id;
		sim().control.advanceClock(5 * 60 * 1000);
		const { items: after } = await runNode({
			parameters: { resource: 'post', operation: 'get', simple: false, postId: { __rl: true, mode: 'id', value: String(id) } },
			credentials: tokenCredentials(sim()),
		});
		expect(after[0].json.status).toBe('published');
		expect(after[0].json.publishedAt).toEqual(expect.any(String));
	});

	it('warns, naming the account and how to reconnect it, when a chosen account has expired; the post is still made', async () => {
		const expired = location().accounts.find((candidate: Account) => candidate.isExpired) as Account & { name: string };
		const { items, error } = await create({
			accountIds: [expired.id, account('facebook')],
			status: 'scheduled',
			scheduleDate: inAYear,
			summary: 'Behind the roaster',
			media: { items: [{ url: 'https://cdn.example.com/roaster.mp4' }] },
			simple: true,
		});
		expect(error).toBeUndefined();
		expect(Object.keys(items[0].json)[0]).toBe('warning');
		expect(items[0].json.warning).toBe(
			`Account "${expired.name}" (TikTok) has expired, so the post will not publish there: reconnect it in HoopAI, or with Account Connection → Get Connect URL and Reconnect on`,
		);
		const made = location().posts.filter((post: StoredPost) => post.summary === 'Behind the roaster');
		expect(made).toHaveLength(1);

		const { items: live } = await create({ accountIds: [account('facebook')], status: 'published', summary: 'No warning here' });
		expect(live[0].json).not.toHaveProperty('warning');
	});

	it('saves a draft without accounts', async () => {
		const { items, error } = await create({ status: 'draft', accountIds: [], summary: 'Idea: cold brew week' });
		expect(error).toBeUndefined();
		expect(storedPost(items[0].json._id).status).toBe('draft');
	});

	it('sends typed per-platform options and Extra Fields', async () => {
		const before = sim().control.requests().length;
		const { error } = await create({
			accountIds: [account('instagram'), account('google')],
			scheduleDate: inAYear,
			timezone: 'UTC',
			summary: 'Buy one, get one',
			media: { items: [{ url: 'https://cdn.example.com/offer.png' }] },
			platformOptions: {
				instagram: { type: 'post', collaborators: '@partner_one, partner_two' },
				google: {
					gmbEventType: 'OFFER',
					offerTitle: 'BOGO latte',
					startDate: '2030-06-01T08:00:00',
					endDate: '2030-06-07T18:00:00',
					couponCode: 'BOGO',
					redeemOnlineUrl: 'https://example.com/redeem',
					termsConditions: 'https://example.com/terms',
				},
			},
			additionalFields: { jsonBody: '{"selectedBestTime": "2030-06-01T09:00:00.000Z"}' },
		});
		expect(error).toBeUndefined();
		const sent = sim()
			.control.requests()
			.slice(before)
			.find((request) => request.method === 'POST')!.body as IDataObject;
		expect(sent.instagramPostDetails).toEqual(
			expect.objectContaining({ type: 'post', collaborators: { [account('instagram')]: ['partner_one', 'partner_two'] } }),
		);
		expect(sent.gmbPostDetails).toEqual(
			expect.objectContaining({
				gmbEventType: 'OFFER',
				couponCode: 'BOGO',
				startDate: { startDate: { year: 2030, month: 6, day: 1 }, startTime: { hours: 8, minutes: 0, seconds: 0 } },
				endDate: { endDate: { year: 2030, month: 6, day: 7 }, endTime: { hours: 18, minutes: 0, seconds: 0 } },
			}),
		);
		expect(sent.selectedBestTime).toBe('2030-06-01T09:00:00.000Z');
		expect(sent.media).toEqual([{ url: 'https://cdn.example.com/offer.png', type: 'image/png' }]);
	});

	describe('rejects bad input with a NodeOperationError naming the field, before sending the post', () => {
		const cases: Array<[string, () => INodeParameters, RegExp, boolean]> = [
			// [what, parameters, message, needs the accounts lookup]
			[
				'no accounts',
				() => ({ accountIds: [], scheduleDate: inAYear, summary: 'x' }),
				/^Account Names or IDs: none chosen; choose at least one account/,
				false,
			],
			[
				'scheduled without a date',
				() => ({ accountIds: [account('facebook')], scheduleDate: '', summary: 'x' }),
				/^Schedule Date: required/,
				false,
			],
			[
				'a date in the past',
				() => ({ accountIds: [account('facebook')], scheduleDate: '2020-01-01T10:00:00', summary: 'x' }),
				/^Schedule Date: .* is in the past/,
				false,
			],
			[
				'a date that is no date',
				() => ({ accountIds: [account('facebook')], scheduleDate: 'next tuesday', summary: 'x' }),
				/^Schedule Date: "next tuesday" is not a date/,
				false,
			],
			[
				'an unknown timezone',
				() => ({ accountIds: [account('facebook')], scheduleDate: inAYear, timezone: 'Mars/Olympus', summary: 'x' }),
				/^Timezone Name or ID: "Mars\/Olympus" is not a timezone/,
				false,
			],
			[
				'media without URL',
				() => ({ accountIds: [account('facebook')], scheduleDate: inAYear, media: { items: [{ url: '' }] } }),
				/^Media → URL: required, missing in the media item/,
				false,
			],
			[
				'media of unknown type',
				() => ({ accountIds: [account('facebook')], scheduleDate: inAYear, media: { items: [{ url: 'https://x.example/file.bmp' }] } }),
				/^Media → Type: cannot tell the kind of file of the media item \(https:\/\/x.example\/file.bmp\)/,
				false,
			],
			[
				'a Google offer without coupon',
				() => ({
					accountIds: [account('google')],
					scheduleDate: inAYear,
					summary: 'x',
					platformOptions: {
						google: {
							gmbEventType: 'OFFER',
							offerTitle: 'BOGO latte',
							startDate: inAYear,
							endDate: '2030-06-02T10:00:00',
							redeemOnlineUrl: 'https://e.x/r',
							termsConditions: 'https://e.x/t',
						},
					},
				}),
				/^Google Business Profile → Coupon Code: required for an offer/,
				false,
			],
			[
				'four Instagram collaborators',
				() => ({
					accountIds: [account('instagram')],
					scheduleDate: inAYear,
					media: { items: [{ url: 'https://e.x/a.jpg' }] },
					platformOptions: { instagram: { type: 'post', collaborators: 'a,b,c,d' } },
				}),
				/^Instagram → Collaborators: 4 names, at most 3/,
				false,
			],
			[
				'invalid Extra Fields',
				() => ({ accountIds: [account('facebook')], scheduleDate: inAYear, summary: 'x', additionalFields: { jsonBody: '{"a":' } }),
				/^Extra Fields: not a JSON object/,
				false,
			],
			[
				'submit for review without approver',
				() => ({ accountIds: [account('facebook')], status: 'in_review', scheduleDate: inAYear, summary: 'x' }),
				/^Review → Approver Name or ID: required to submit a post for review/,
				false,
			],
			[
				'Instagram without media',
				() => ({ accountIds: [account('instagram')], scheduleDate: inAYear, summary: 'x' }),
				/^Media: Instagram posts need at least one image or video/,
				true,
			],
			[
				'YouTube without video',
				() => ({ accountIds: [account('youtube')], scheduleDate: inAYear, media: { items: [{ url: 'https://e.x/a.jpg' }] } }),
				/^Media: YouTube posts need a video/,
				true,
			],
			[
				'Pinterest text over 800 characters',
				() => ({
					accountIds: [account('pinterest')],
					scheduleDate: inAYear,
					summary: 'p'.repeat(801),
					media: { items: [{ url: 'https://e.x/a.jpg' }] },
				}),
				/^Content: 801 characters is over the Pinterest limit of 800/,
				true,
			],
			[
				'an account of another location',
				() => ({ accountIds: ['not-an-account'], scheduleDate: inAYear, summary: 'x' }),
				/^Account Names or IDs: "not-an-account" is not a social account/,
				true,
			],
			[
				'a first comment with Google and Pinterest accounts',
				() => ({
					accountIds: [account('facebook'), account('google'), account('pinterest')],
					scheduleDate: inAYear,
					summary: 'x',
					media: { items: [{ url: 'https://e.x/a.jpg' }] },
					additionalFields: { followUpComment: 'More below' },
				}),
				/^First Comment: Google Business Profile, Pinterest accounts cannot post a first comment/,
				true,
			],
		];

		it.each(cases)('%s', async (_what, parameters, message, needsAccounts) => {
			const before = sim().control.requests().length;
			const { error, items } = await create(parameters());
			expect(items).toHaveLength(0);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			const expected = needsAccounts ? [`GET /social-media-posting/${sim().locationId}/accounts`] : [];
			expect(requestsSince(sim(), before)).toEqual(expected);
		});
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are created', async () => {
		const { items, error } = await create(
			{ accountIds: [account('facebook')], scheduleDate: '={{ $json.when }}', summary: '={{ $json.text }}' },
			{
				continueOnFail: true,
				input: [
					{ when: inAYear, text: 'good' },
					{ when: 'soon', text: 'bad' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.summary).toBe('good');
		expect(items[1].json.error).toMatch(/^Schedule Date: "soon" is not a date/);
	});

	it('maps API errors: the API’s messages, HTTP code and traceId; the token never shows', async () => {
		const bad = await create({
			accountIds: [account('facebook')],
			scheduleDate: inAYear,
			summary: 'x',
			additionalFields: { jsonBody: '{"mood": "happy"}' },
		});
		expect(bad.error?.name).toBe('NodeApiError');
		expect(bad.error?.message).toContain('property mood should not exist');
		expect((bad.error as { httpCode?: string }).httpCode).toBe('422');
		expect(bad.error?.description).toMatch(/traceId: \S+/);
		expect(JSON.stringify(bad.error)).not.toContain(sim().token);

		sim().control.setScopes(sim().token, ['socialplanner/post.readonly', 'socialplanner/account.readonly']);
		const forbidden = await create({ accountIds: [account('facebook')], scheduleDate: inAYear, summary: 'x' });
		expect((forbidden.error as { httpCode?: string }).httpCode).toBe('403');

		const unauthorized = await runNode({
			parameters: { resource: 'post', operation: 'create', accountIds: [account('facebook')], scheduleDate: inAYear, summary: 'x' },
			credentials: tokenCredentials(sim(), { accessToken: 'not-a-token' }),
		});
		expect((unauthorized.error as { httpCode?: string }).httpCode).toBe('401');
		expect(unauthorized.error?.message).toBe('Invalid token: access token is invalid');
		expect(JSON.stringify(unauthorized.error)).not.toContain('not-a-token');
	});

	it('needs a user: the credential’s default, or one picked in the node', async () => {
		const noUser = await runNode({
			parameters: { resource: 'post', operation: 'create', accountIds: [account('facebook')], scheduleDate: inAYear, summary: 'x' },
			credentials: tokenCredentials(sim(), { userId: '' }),
		});
		expect(noUser.error?.message).toMatch(/^User Name or ID: no user to create the post as/);

		const picked = await runNode({
			parameters: {
				resource: 'post',
				operation: 'create',
				accountIds: [account('facebook')],
				scheduleDate: inAYear,
				summary: 'x',
				additionalFields: { userId: sim().userId },
			},
			credentials: tokenCredentials(sim(), { userId: '' }),
		});
		expect(picked.error).toBeUndefined();
	});
});
