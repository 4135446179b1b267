import { profileOf, profilesOf } from './connect';
import type { Network } from './network';

export const threads: Network = {
	platform: 'threads',
	name: 'Threads',
	post: { options: null, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: { maxLength: 500, likes: false, maxImages: 0 },
	statistics: null,
	connect: {
		paths: 'v3',
		loginSegment: 'accounts',
		available: profilesOf,
		attachBody: (account) => ({ type: 'profile', ...profileOf(account) }),
	},
	csvMediaError: null,
};
