import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { getRunAccounts } from '../../shared/accounts';
import { platformName } from '../../shared/platforms';

/** What Simplify needs to know of each account: its name and network, by account ID. */
export type AccountDirectory = Record<string, { name: string; platform: string }>;

export function accountDirectory(accounts: IDataObject[]): AccountDirectory {
	return Object.fromEntries(
		accounts.map((account) => [String(account.id), { name: String(account.name ?? account.id), platform: String(account.platform ?? '') }]),
	);
}

/** `utcIso` as a wall-clock ISO date-time with its offset in `zone`, e.g. 2026-12-01T09:30:00.000-05:00. */
export function localIso(utcIso: unknown, zone: string): string | null {
	const ms = typeof utcIso === 'string' ? Date.parse(utcIso) : NaN;
	if (Number.isNaN(ms)) return null;
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		})
			.formatToParts(new Date(ms))
			.map((part) => [part.type, part.value]),
	);
	const wallClock = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
	const offsetMinutes = Math.round((Date.parse(`${wallClock}Z`) - Math.floor(ms / 1000) * 1000) / 60000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
	return `${wallClock}.${String(ms % 1000).padStart(3, '0')}${sign}${hours}:${minutes}`;
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
export async function simplifyPosts(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('simple', true)) return items;
	const accounts = accountDirectory(await getRunAccounts.call(this));
	const zone = this.getTimezone();
	return items.map((item) => ({ ...item, json: simplifyPost(item.json, accounts, zone) }));
}
