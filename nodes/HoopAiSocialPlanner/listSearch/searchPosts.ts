import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { platformName } from '../networks';
import { credentialChosen } from '../shared/run';
import { apiRequest } from '../shared/send';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 50;

/** Posts of the last 30 and next 90 days, newest first, as "Summary… (Platform, status, date)". */
export async function searchPosts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	if (!credentialChosen.call(this)) return { results: [] };
	const skip = Number(paginationToken ?? 0);
	const now = Date.now();
	const response = await apiRequest.call(this, 'POST', '/social-media-posting/{locationId}/posts/list', {
		effect: 'read',
		body: {
			skip: String(skip),
			limit: String(PAGE_SIZE),
			fromDate: new Date(now - 30 * DAY_MS).toISOString(),
			toDate: new Date(now + 90 * DAY_MS).toISOString(),
			includeUsers: 'false',
			type: 'all',
		},
	});
	const results = (response.results ?? {}) as { posts?: IDataObject[]; count?: number };
	const needle = (filter ?? '').toLowerCase();
	const options = (results.posts ?? [])
		.map((post) => {
			const summary =
				String(post.summary ?? '')
					.replace(/\s+/g, ' ')
					.trim() || '(no text)';
			const when = String(post.displayDate ?? post.createdAt ?? '')
				.slice(0, 16)
				.replace('T', ' ');
			return {
				name: `${summary.length > 60 ? `${summary.slice(0, 57)}…` : summary} (${platformName(String(post.platform ?? ''))}, ${String(post.status)}, ${when})`,
				value: String(post._id),
			};
		})
		.filter((option) => option.name.toLowerCase().includes(needle));
	const next = skip + PAGE_SIZE;
	return { results: options, paginationToken: next < Number(results.count ?? 0) ? String(next) : undefined };
}
