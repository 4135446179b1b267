import type { Network } from './network';

export const bluesky: Network = {
	platform: 'bluesky',
	name: 'Bluesky',
	post: { options: null, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: { maxLength: 300, likes: true, maxImages: 0 },
	statistics: null,
	connect: { unavailable: 'the API answers that Bluesky is not supported yet' },
	csvMediaError: null,
};
