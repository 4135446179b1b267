import type { INodePropertyOptions } from 'n8n-workflow';
import { bluesky } from './bluesky';
import { community } from './community';
import { facebook } from './facebook';
import { google } from './google';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import type { CommentRules, ConnectRules, Network, PlatformOptions, PostRules } from './network';
import { pinterest } from './pinterest';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { tiktokBusiness } from './tiktokBusiness';
import { twitter } from './twitter';
import { youtube } from './youtube';

/**
 * Every network the node knows, by name: the order of every list the editor shows of them. A new
 * network is its own module (networks/<network>.ts) and one line here; every resource reads
 * what it needs from these.
 */
export const NETWORKS: Network[] = [
	bluesky,
	community,
	facebook,
	google,
	instagram,
	linkedin,
	pinterest,
	threads,
	tiktok,
	tiktokBusiness,
	twitter,
	youtube,
];

export type PostingNetwork = Network & { post: PostRules };
export type CommentNetwork = Network & { comments: CommentRules };
export type ConnectNetwork = Network & { connect: ConnectRules };

/** The networks the Social Planner posts to (`platform` of its accounts and posts). */
export const POSTING_NETWORKS = NETWORKS.filter((network): network is PostingNetwork => network.post !== null);
/** The networks with their own Platform Options, in the editor's order. */
export const NETWORKS_WITH_OPTIONS = POSTING_NETWORKS.filter(
	(network): network is PostingNetwork & { post: { options: PlatformOptions } } => network.post.options !== null,
);
export const COMMENT_NETWORKS = NETWORKS.filter((network): network is CommentNetwork => network.comments !== null);
/** The networks the connect flow offers: those whose connect steps work. */
export const CONNECT_NETWORKS = NETWORKS.filter(
	(network): network is ConnectNetwork => network.connect !== null && !('unavailable' in network.connect),
);

const option = (network: Network, name = network.name): INodePropertyOptions => ({ name, value: network.platform });

/** The networks' dropdown options, e.g. the account filters' Platforms. */
export const PLATFORM_OPTIONS: INodePropertyOptions[] = POSTING_NETWORKS.map((network) => option(network));

/** The networks Statistic → Get reports on (the `platforms` enum of the v3 statistics body). */
export const STATISTICS_PLATFORM_OPTIONS: INodePropertyOptions[] = NETWORKS.flatMap((network) =>
	network.statistics ? [option(network, network.statistics.name)] : [],
);

/** The network of a platform value, if the node knows it. */
export function networkOf(platform: string): Network | undefined {
	return NETWORKS.find((network) => network.platform === platform);
}

/** A platform value by its network's name, for outputs and messages. */
export function platformName(platform: string): string {
	return networkOf(platform)?.name ?? platform;
}

/** "a, b and c" */
export function namesInWords(networks: Network[]): string {
	const names = networks.map((network) => network.name);
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}
