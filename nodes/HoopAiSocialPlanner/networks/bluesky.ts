import { profileOf, profilesOf } from './connect';
import type { Network } from './network';

export const bluesky: Network = {
	platform: 'bluesky',
	name: 'Bluesky',
	post: { options: null, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: { maxLength: 300, likes: true, maxImages: 0 },
	statistics: null,
	connect: {
		paths: 'v3',
		loginSegment: 'accounts',
		note: 'The API says Bluesky is not supported yet and answers with an error',
		available: profilesOf,
		attachBody: (account) => ({ type: 'profile', ...profileOf(account) }),
	},
	csvMediaError: null,
};
