import type { IDataObject, INode, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/**
 * Everything the node knows of one social network, in its own module (networks/<network>.ts).
 * Every concern has an answer there; `null` says the network does not have it, so a new network
 * cannot leave one out by accident (test/node/networks.test.ts walks every module).
 */
export interface Network {
	/** The API's `platform` value on accounts, posts, comments and connect paths. */
	platform: string;
	/** Its name in the editor's lists and in messages. */
	name: string;
	/** Posting to its accounts (Post, Queue Item, CSV Import); null: the Social Planner does not post there. */
	post: PostRules | null;
	/** Comment → Create, Get Many, Like; null: the comments API has no such platform. */
	comments: CommentRules | null;
	/** Statistic → Get; null: the statistics API does not report on it. */
	statistics: { name: string } | null;
	/**
	 * Account Connection; null: its accounts are not connected through the API; `unavailable`: the
	 * API lists its connect steps but they do not work (why, in words), so the editor does not offer it.
	 */
	connect: ConnectRules | { unavailable: string } | null;
	/** CSV Import: the key of its error on a parsed row's media (CSVMediaResponseSchema); null: none. */
	csvMediaError: string | null;
}

export interface PostRules {
	/** Its group of Platform Options and how it becomes its `…PostDetails`; null: it has none. */
	options: PlatformOptions | null;
	/** What a post that is not a draft must carry. */
	needsMedia: 'nothing' | 'image or video' | 'video';
	/** The most media items this post may carry (the v3 spec's limits); null: no limit documented. */
	maxMedia(body: IDataObject): number | null;
	/** The longest Content the v3 spec documents; null: the network trims the text itself. */
	maxCaption: number | null;
	/** Whether it posts a First Comment (`followUpComment` in the v3 spec). */
	firstComment: boolean;
	/** Its own rules for a post that goes to its accounts, checked once the accounts are known. */
	check?(node: INode, body: IDataObject): void;
}

/** What a network's details are built from, besides the values of its group. */
export interface DetailsContext {
	node: INode;
	/** The accounts the post goes to, for per-account details (collaborators, boards). */
	accountIds: string[];
	/** On Update, the post as it is: its details are kept where the user changed nothing. */
	current?: IDataObject;
}

/** One network's group of Platform Options and how it becomes its `…PostDetails` body field. */
export interface PlatformOptions {
	/** The group as the editor shows it (its `name` is the network's platform value). */
	group: INodePropertyCollection;
	/** The body field the group fills, e.g. `tiktokPostDetails`. */
	detailsKey: string;
	/** The details the user set; options left at their default are left out. */
	details(values: IDataObject, context: DetailsContext): IDataObject;
	/** The fields the spec requires whenever the details are sent, as the network defaults them. */
	required(postType: string): IDataObject;
	/** Checks of the details before anything is sent (they need no accounts). */
	check?(node: INode, details: IDataObject): void;
	/** Details written for every chosen account, kept for this network's accounts only. */
	scopeToAccounts?(details: IDataObject, platformsByAccount: Record<string, string>): void;
}

export interface CommentRules {
	/** The longest reply (CommentsCreateBodyDTO.content in the v3 spec). */
	maxLength: number;
	/** Whether its comments can be liked and unliked through the API (else the API answers 400). */
	likes: boolean;
	/** Images a reply may attach, as links; 0: none. */
	maxImages: number;
}

/** A page, profile or location of a connected login, as a network's step-2 answer lists it. */
export interface AvailableEntry {
	entry: IDataObject;
	/** What it is: page, profile, business, location… */
	type: string;
	/** Uniform fields the entry holds elsewhere (Google's location name and title). */
	fields?: IDataObject;
}

/** What attaching needs to say when an available account lacks what the network's body needs. */
export interface AttachContext {
	node: INode;
	/** The account as a message names it, e.g. `the account "Bakery" (1048…)`. */
	which: string;
}

export interface ConnectRules {
	/**
	 * Which connect paths it uses: 'v2', its own per-platform paths of the v2 spec (the seven
	 * networks v2 has; Google's pages are `…/google/locations/…`), or 'v3', the generic
	 * `{platform}` paths v3 added for the others.
	 */
	paths: 'v2' | 'v3';
	/** The path segment before the login's ID in steps 2 and 3: `accounts`, or Google's `locations`. */
	loginSegment: 'accounts' | 'locations';
	/** The login's pages, profiles or locations in step 2's answer (`results`), by the network's shape. */
	available(results: IDataObject): AvailableEntry[];
	/** The attach body (the network's DTO) of one available account; null: it cannot be attached through the API. */
	attachBody: ((account: IDataObject, context: AttachContext) => IDataObject) | null;
}

/**
 * A fixedCollection fills every field the user did not touch with its default, so a boolean
 * cannot tell "off" from "untouched". Yes/No choices whose default is "Network Default" (not
 * sent) can: the network, or the account's own settings, decide what the user left alone.
 */
export function yesNoDefault(
	displayName: string,
	name: string,
	description: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name,
		...(displayOptions ? { displayOptions } : {}),
		type: 'options',
		options: [
			{ name: 'Network Default', value: '', description: 'Not sent: the network or the account’s settings decide' },
			{ name: 'Yes', value: true },
			{ name: 'No', value: false },
		],
		default: '',
		description,
	};
}

/** A Yes/No/Network Default value as the API wants it: true, false, or left out. */
export function yesNo(value: unknown): boolean | undefined {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	return undefined;
}

/** The post formats (`type` of a post; Instagram and Facebook details use the same values). */
export const POST_FORMAT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Post', value: 'post' },
	{ name: 'Reel', value: 'reel' },
	{ name: 'Story', value: 'story' },
];

/** A network's own post format (Facebook, Instagram), the post's Post Type unless chosen. */
export function formatField(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Format',
		name: 'type',
		type: 'options',
		options: [{ name: 'Same as Post Type', value: '' }, ...options],
		default: '',
	};
}

/** A post's media items. */
export function mediaOf(body: IDataObject): IDataObject[] {
	return (body.media as IDataObject[] | undefined) ?? [];
}

/** A network's details in a post body, when it has them. */
export function detailsOf(body: IDataObject, detailsKey: string): IDataObject | undefined {
	return body[detailsKey] as IDataObject | undefined;
}
