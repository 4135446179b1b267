import type { Network } from './network';

/** HighLevel Communities: their comments only (the Social Planner does not post or connect there). */
export const community: Network = {
	platform: 'community',
	name: 'Community',
	post: null,
	comments: { maxLength: 8000, likes: true, maxImages: 0 },
	statistics: null,
	connect: null,
	csvMediaError: null,
};
