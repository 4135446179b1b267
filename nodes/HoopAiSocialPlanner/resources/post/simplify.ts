import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { runAccounts } from '../../shared/accounts';
import { scopeOfItem } from '../../shared/run';
import { localIso } from '../../shared/dates';
import { platformName } from '../../networks';

/** What Simplify needs to know of each account: its name and network, by account ID. */
export type AccountDirectory = Record<string, { name: string; platform: string }>;

export function accountDirectory(accounts: IDataObject[]): AccountDirectory {
	return Object.fromEntries(
		accounts.map((account) => [String(account.id), { name: String(account.name ?? account.id), platform: String(account.platform ?? '') }]),
	);
}

/**
 * A post as one flat row, for a spreadsheet or an AI agent: each account by name and network (a
 * post to several networks names each, not the first one's), dates in UTC and in `zone`.
 */
export function simplifyPost(post: IDataObject, accounts: AccountDirectory, zone: string): IDataObject {
	const accountIds = ((post.accountIds as string[] | undefined) ?? (post.accountId ? [post.accountId] : [])).map(String);
	const single = accountIds.length === 1;
	const named = accountIds.map((id) => {
		const account = accounts[id];
		const platform = account?.platform || (single ? String(post.platform ?? '') : '');
		return { name: account?.name ?? id, network: platform ? platformName(platform) : 'unknown network' };
	});
	const scheduledAtUtc = post.displayDate ?? post.scheduleDate ?? null;
	const publishedAtUtc = post.publishedAt ?? null;
	return {
		id: post._id ?? post.id,
		status: post.status,
		content: post.summary ?? '',
		postType: post.type ?? 'post',
		accounts: named.map(({ name, network }) => `${name} (${network})`).join(', '),
		networks: [...new Set(named.map(({ network }) => network))].join(', '),
		accountIds,
		scheduledAtUtc,
		scheduledAtLocal: localIso(scheduledAtUtc, zone),
		publishedAtUtc,
		publishedAtLocal: localIso(publishedAtUtc, zone),
		timezone: zone,
		error: post.error || null,
		link: (post.ogTagsDetails as IDataObject | undefined)?.metaLink ?? null,
	};
}

/** postReceive for Simplify (on by default): each post item as its flat row. */
export async function simplifyPosts(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('simple', true)) return items;
	const accounts = accountDirectory(await runAccounts.call(this, await scopeOfItem(this)));
	const zone = this.getTimezone();
	return items.map((item) => ({ ...item, json: simplifyPost(item.json, accounts, zone) }));
}
