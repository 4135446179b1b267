import { describe, expect, it } from '@jest/globals';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import { describeWithSimulator, locationOf, requestsSince, tokenCredentials } from '../helpers/simulator';

type StoredPost = IDataObject & { _id: string };

describeWithSimulator('Post → Create and Update: Platform Options send what the user set, as the spec wants it', (sim) => {
	const location = () => locationOf(sim());
	const account = (platform: string) => location().accounts.find((candidate: IDataObject) => candidate.platform === platform).id as string;
	const video = { items: [{ url: 'https://cdn.example.com/clip.mp4' }] };
	const inAYear = '2030-06-01T09:30:00';
	const run = async (parameters: INodeParameters) =>
		await runNode({ parameters: { resource: 'post', simple: false, ...parameters }, credentials: tokenCredentials(sim()) });
	const create = async (parameters: INodeParameters) =>
		await run({ operation: 'create', scheduleDate: inAYear, summary: 'Fresh roast', ...parameters });
	/** The body of the last POST or PUT the simulator received. */
	const lastWrite = () =>
		sim()
			.control.requests()
			.filter((request) => ['POST', 'PUT'].includes(request.method))
			.at(-1)!.body as IDataObject;

	it('a LinkedIn poll carries the PDF fields the spec requires with it, and is created', async () => {
		const { items, error } = await create({
			accountIds: [account('linkedin')],
			platformOptions: { linkedin: { pollQuestion: 'Which roast?', pollOptions: 'Light, Dark', pollDuration: 'ONE_DAY' } },
		});
		expect(error).toBeUndefined();
		const details = {
			postAsPdf: false,
			pdfTitle: '',
			poll: { question: 'Which roast?', options: [{ text: 'Light' }, { text: 'Dark' }], settings: { duration: 'ONE_DAY' } },
		};
		expect(lastWrite().linkedinPostDetails).toEqual(details);
		expect(location().posts.find((post: StoredPost) => post._id === items[0].json._id).linkedinPostDetails).toEqual(details);
	});

	it('TikTok: only the options the user set are sent, Yes and No as true and false', async () => {
		const onlyPrivacy = await create({
			accountIds: [account('tiktok')],
			media: video,
			platformOptions: { tiktok: { privacyLevel: 'SELF_ONLY' } },
		});
		expect(onlyPrivacy.error).toBeUndefined();
		expect(lastWrite().tiktokPostDetails).toEqual({ privacyLevel: 'SELF_ONLY' });

		const someToggles = await create({
			accountIds: [account('tiktok')],
			media: video,
			platformOptions: { tiktok: { enableComment: false, enableDuet: true } },
		});
		expect(someToggles.error).toBeUndefined();
		expect(lastWrite().tiktokPostDetails).toEqual({ privacyLevel: 'PUBLIC_TO_EVERYONE', enableComment: false, enableDuet: true });
	});

	it('a network added with nothing set sends only what the spec requires, with the network’s default', async () => {
		const everyNetwork = { google: {}, tiktok: {}, instagram: {}, facebook: {}, linkedin: {}, youtube: {}, pinterest: {} };
		const post = await create({ accountIds: [account('facebook')], platformOptions: everyNetwork });
		expect(post.error).toBeUndefined();
		expect(lastWrite()).toEqual(
			expect.objectContaining({
				gmbPostDetails: { gmbEventType: 'STANDARD' },
				tiktokPostDetails: { privacyLevel: 'PUBLIC_TO_EVERYONE' },
				instagramPostDetails: { type: 'post' },
				facebookPostDetails: { type: 'post' },
				linkedinPostDetails: { postAsPdf: false, pdfTitle: '' },
				youtubePostDetails: { type: 'video' },
				pinterestPostDetails: {},
			}),
		);

		// Formats left to follow the Post Type follow it.
		const reel = await create({
			accountIds: [account('facebook')],
			postType: 'reel',
			media: video,
			platformOptions: { instagram: {}, facebook: {}, youtube: {} },
		});
		expect(reel.error).toBeUndefined();
		expect(lastWrite()).toEqual(
			expect.objectContaining({
				instagramPostDetails: { type: 'reel' },
				facebookPostDetails: { type: 'reel' },
				youtubePostDetails: { type: 'short' },
			}),
		);
	});

	describe('stops before sending when the options break a rule of the spec', () => {
		const cases: Array<[string, () => INodeParameters, RegExp]> = [
			[
				'a PDF without PDF Title',
				() => ({ accountIds: [account('linkedin')], platformOptions: { linkedin: { postAsPdf: true } } }),
				/^LinkedIn → PDF Title: required to post the images as a PDF/,
			],
			[
				'a LinkedIn poll with media',
				() => ({
					accountIds: [account('linkedin')],
					media: video,
					platformOptions: { linkedin: { pollQuestion: 'Q?', pollOptions: 'a, b' } },
				}),
				/^LinkedIn: a poll post cannot have media/,
			],
			[
				'TikTok disclosure on a private video',
				() => ({
					accountIds: [account('tiktok')],
					media: video,
					platformOptions: { tiktok: { privacyLevel: 'SELF_ONLY', videoDisclosure: true, promoteYourBrand: true } },
				}),
				/^TikTok → Promotional Content: not possible with Who Can View "Only Me"/,
			],
			[
				'TikTok disclosure without a brand',
				() => ({ accountIds: [account('tiktok')], media: video, platformOptions: { tiktok: { videoDisclosure: true } } }),
				/^TikTok → Promotional Content: say what it promotes; set Your Brand or Branded Content to Yes/,
			],
			[
				'a Google event without title',
				() => ({
					accountIds: [account('google')],
					platformOptions: { google: { gmbEventType: 'EVENT', startDate: inAYear, endDate: '2030-06-02T09:30:00' } },
				}),
				/^Google Business Profile → Event Title: required for an event/,
			],
		];

		it.each(cases)('%s', async (_what, parameters, message) => {
			const before = sim().control.requests().length;
			const { error } = await create(parameters());
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expect(requestsSince(sim(), before).filter((request) => request.startsWith('POST'))).toEqual([]);
		});
	});

	it('Update: changing one TikTok option keeps the post’s other TikTok settings', async () => {
		const [post] = sim().control.seed({
			posts: [
				{
					status: 'scheduled',
					accountIds: [account('tiktok')],
					media: [{ url: 'https://cdn.example.com/clip.mp4', type: 'video/mp4' }],
					scheduleDate: '2030-06-01T09:30:00.000Z',
					tiktokPostDetails: { privacyLevel: 'SELF_ONLY', enableComment: true, enableDuet: false },
				},
			],
		}).posts as StoredPost[];
		const { error } = await run({
			operation: 'update',
			postId: { __rl: true, mode: 'id', value: post._id },
			updateFields: { platformOptions: { tiktok: { enableStitch: true } } },
		});
		expect(error).toBeUndefined();
		expect(lastWrite().tiktokPostDetails).toEqual({
			privacyLevel: 'SELF_ONLY',
			enableComment: true,
			enableDuet: false,
			enableStitch: true,
		});
	});
});
