import type { Network } from './network';

export const twitter: Network = {
	platform: 'twitter',
	name: 'X (Twitter)',
	post: { options: null, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: null,
	statistics: null,
	connect: { unavailable: 'HighLevel stopped supporting X (Twitter) on 2024-12-04' },
	csvMediaError: 'twitterError',
};
