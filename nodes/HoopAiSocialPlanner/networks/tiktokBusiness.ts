import { profilesOf } from './connect';
import type { Network } from './network';

export const tiktokBusiness: Network = {
	platform: 'tiktok-business',
	name: 'TikTok Business',
	post: { options: null, needsMedia: 'image or video', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: null,
	statistics: null,
	// Neither v2 nor v3 has an attach endpoint for it: its accounts are attached in HoopAI.
	connect: { paths: 'v2', loginSegment: 'accounts', available: profilesOf, attachBody: null },
	csvMediaError: 'tiktokBusinessError',
};
