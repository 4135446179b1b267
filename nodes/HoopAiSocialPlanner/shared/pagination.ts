import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';
import { sendRouted } from './routing';
import { valueAt } from './values';

export interface CountedListOptions {
	/** Where skip and limit go: the JSON body or the query string. The API wants them as strings. */
	in: 'body' | 'qs';
	/** Dot path of the page's array, e.g. 'results.posts'. */
	itemsPath: string;
	/** Dot path of the total number of matches, e.g. 'results.count'. */
	countPath: string;
	/** Largest page asked for. */
	pageSize: number;
	/** Send skip and limit as numbers (most lists want strings). */
	numeric?: boolean;
	/**
	 * For an order the API does not promise: every page is read, then the elements are arranged
	 * (sorted, filtered) before the Limit takes the first ones.
	 */
	arrange?: (this: IExecutePaginationFunctions, elements: IDataObject[]) => IDataObject[];
	/** Turns the elements kept into output items' JSON (e.g. Simplify). */
	mapItems?: (this: IExecutePaginationFunctions, elements: IDataObject[]) => Promise<IDataObject[]>;
}

/**
 * Pagination for the API's skip/limit lists that report a total: pages until the Limit (or, with
 * Return All or `arrange`, the total) is reached, so the last page is never requested twice. Each
 * page is sent like every request (paced, retried, an error answer as the API's error).
 */
export function paginateCountedList(options: CountedListOptions) {
	return async function (
		this: IExecutePaginationFunctions,
		resultOptions: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const toRead = options.arrange ? Infinity : wanted;
		const elements: IDataObject[] = [];
		let skip = 0;
		while (elements.length < toRead) {
			const limit = Math.min(options.pageSize, toRead - elements.length);
			const requestOptions = { ...resultOptions.options };
			const [skipValue, limitValue] = options.numeric ? [skip, limit] : [String(skip), String(limit)];
			requestOptions[options.in] = { ...(requestOptions[options.in] as IDataObject), skip: skipValue, limit: limitValue };
			const [page] = await sendRouted.call(this, { ...resultOptions, options: requestOptions }, 'read');
			const body = page?.json ?? {};
			const pageElements = (valueAt(body, options.itemsPath) as IDataObject[] | undefined) ?? [];
			elements.push(...pageElements);
			// Advance by what came back: the API may cap a page below the size asked for.
			skip += pageElements.length;
			const total = Number(valueAt(body, options.countPath));
			const reachedTotal = Number.isFinite(total) ? skip >= total : pageElements.length < limit;
			if (pageElements.length === 0 || reachedTotal) break;
		}
		const kept = (options.arrange ? options.arrange.call(this, elements) : elements).slice(0, wanted);
		const mapped = options.mapItems ? await options.mapItems.call(this, kept) : kept;
		return mapped.map((json) => ({ json }));
	};
}
