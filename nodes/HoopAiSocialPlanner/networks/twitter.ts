import { defined, optionalBool, optionalStr, profileOf, profilesOf } from './connect';
import type { Network } from './network';

export const twitter: Network = {
	platform: 'twitter',
	name: 'X (Twitter)',
	post: { options: null, needsMedia: 'nothing', maxMedia: () => null, maxCaption: null, firstComment: false },
	comments: null,
	statistics: null,
	connect: {
		paths: 'v2',
		loginSegment: 'accounts',
		note: 'Not supported by HighLevel since 2024-12-04',
		notice:
			'HighLevel stopped supporting X (Twitter) on 2024-12-04. Its connect steps stay here because the API still lists them; expect the API to answer with an error, which the node shows as it is.',
		available: profilesOf,
		attachBody: (account) =>
			defined({
				...profileOf(account),
				username: optionalStr(account.username),
				protected: optionalBool(account.protected),
				verified: optionalBool(account.verified),
			}),
	},
	csvMediaError: 'twitterError',
};
