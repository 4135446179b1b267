import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { accountLabel, runAccounts } from '../../shared/accounts';
import { scopeOfItem } from '../../shared/run';
import { localIso } from '../../shared/dates';

/** What Simplify needs to know of each account: its name and network, by account ID. */
export type AccountDirectory = Record<string, { name: string; platform: string }>;

export function accountDirectory(accounts: IDataObject[]): AccountDirectory {
	return Object.fromEntries(
		accounts.map((account) => [String(account.id), { name: String(account.name ?? account.id), platform: String(account.platform ?? '') }]),
	);
}

/**
 * A post as one flat row, the same for a spreadsheet, a next node and an AI agent: what a next
 * node maps first, each value once. Accounts by name and network ("Hoop Coffee (Facebook)", which
 * every accounts field of the node takes back), not by their long IDs; one date in `zone` with
 * its offset (the same instant as the API's UTC date); the media's links, to confirm what went
 * out; a field with nothing to say (no error, no link, not published) is left out, not null.
 */
export function simplifyPost(post: IDataObject, accounts: AccountDirectory, zone: string): IDataObject {
	const accountIds = ((post.accountIds as string[] | undefined) ?? (post.accountId ? [post.accountId] : [])).map(String);
	const single = accountIds.length === 1;
	const named = accountIds.map((id) => accountLabel(accounts[id] ?? { name: id, platform: single ? String(post.platform ?? '') : '' }));
	const media = ((post.media as IDataObject[] | undefined) ?? []).map((item) => String(item.url ?? '')).filter(Boolean);
	const scheduledAt = localIso(post.displayDate ?? post.scheduleDate, zone);
	const publishedAt = localIso(post.publishedAt, zone);
	const link = (post.ogTagsDetails as IDataObject | undefined)?.metaLink;
	return {
		id: post._id ?? post.id,
		status: post.status,
		...(post.error ? { error: post.error } : {}),
		...(scheduledAt ? { scheduledAt } : {}),
		...(publishedAt ? { publishedAt } : {}),
		accounts: named.join(', '),
		content: post.summary ?? '',
		media,
		postType: post.type ?? 'post',
		...(link ? { link } : {}),
	};
}

/** postReceive for Simplify (on by default): each post item as its flat row. */
export async function simplifyPosts(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('simple', true)) return items;
	const accounts = accountDirectory(await runAccounts.call(this, await scopeOfItem(this)));
	const zone = this.getTimezone();
	return items.map((item) => ({ ...item, json: simplifyPost(item.json, accounts, zone) }));
}
