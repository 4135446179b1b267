import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { platformName } from '../networks';
import { kindOf, shown } from './ids';
import { runOf, type ApiContext, type LocationScope } from './run';
import { apiRequest } from './send';

const ACCOUNTS_PATH = '/social-media-posting/{locationId}/accounts';
/** How many accounts a message lists before "and N more". */
const LISTED_IN_MESSAGES = 20;

function accountsOf(response: IDataObject): IDataObject[] {
	return ((response.results as IDataObject | undefined)?.accounts ?? []) as IDataObject[];
}

/** The accounts' networks, as account ID → platform. */
export function platformsOf(accounts: IDataObject[]): Record<string, string> {
	return Object.fromEntries(accounts.map((account) => [String(account.id), String(account.platform)]));
}

/** The location's social accounts, asked of the API. */
export async function listAccounts(this: ApiContext, scope?: LocationScope): Promise<IDataObject[]> {
	return accountsOf(await apiRequest.call(this, 'GET', ACCOUNTS_PATH, { scope }));
}

/**
 * The location's social accounts, read once per run (its run state) for every item and hook that
 * asks, only when the first one needs them.
 */
export async function runAccounts(this: ApiContext, scope?: LocationScope): Promise<IDataObject[]> {
	const run = runOf(this);
	const location = scope ?? (await run.scope());
	return await run.once(`accounts ${location.locationId}`, async () => await listAccounts.call(this, location));
}

/** An account as dropdowns, messages and Simplify name it, and as a name field accepts it: "Hoop Coffee (Facebook)". */
export function accountLabel(account: IDataObject): string {
	return `${String(account.name ?? account.id)} (${platformName(String(account.platform ?? '')) || 'unknown network'})`;
}

/**
 * What an accounts field holds, checked for its type only (names may hold any character): each
 * entry a name, a "Name (Network)" label or an ID; a text may list several, separated by commas.
 */
export function accountReferences(node: INode, label: string, value: unknown): string[] {
	const entries = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
	return entries
		.map((entry) => {
			if (typeof entry === 'number' && Number.isSafeInteger(entry)) return String(entry);
			if (typeof entry === 'string') return entry.trim();
			throw new NodeOperationError(
				node,
				`${label}: ${kindOf(entry)} is not an account. Give account names or IDs as a list, or as text separated by commas (got ${shown(value)}).`,
			);
		})
		.filter(Boolean);
}

const keyOf = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The accounts a reference could mean: by its ID (or the field's own ID), its name, or its label. */
function accountIndex(accounts: IDataObject[], idOf: (account: IDataObject) => string): Map<string, IDataObject[]> {
	const index = new Map<string, IDataObject[]>();
	for (const account of accounts) {
		const label = accountLabel(account);
		const keys = [String(account.id), idOf(account), String(account.name ?? ''), label, `${label} – expired`];
		keys.push(`${String(account.name ?? '')} (${String(account.platform ?? '')})`);
		for (const key of new Set(keys.filter(Boolean).map(keyOf))) index.set(key, [...(index.get(key) ?? []), account]);
	}
	return index;
}

/** "A (Facebook), B (Instagram) and 3 more": the accounts a message offers. */
function listed(accounts: IDataObject[]): string {
	const labels = accounts.map(accountLabel).sort((a, b) => a.localeCompare(b));
	const more = labels.length - LISTED_IN_MESSAGES;
	return more > 0 ? `${labels.slice(0, LISTED_IN_MESSAGES).join(', ')} and ${more} more` : labels.join(', ');
}

/** A name or ID that is none of the location's accounts: the message says where names and IDs come from, and lists them. */
export function notAnAccountError(node: INode, label: string, reference: string, accounts: IDataObject[]): NodeOperationError {
	const fix = accounts.length
		? `Give an account's name or its ID (Account → Get Many lists both): ${listed(accounts)}.`
		: "It has no social account yet: connect one first (Account Connection, or HoopAI's Social Planner settings).";
	return new NodeOperationError(node, `${label}: "${reference}" is not a social account of this location. ${fix}`);
}

function ambiguousMessage(label: string, reference: string, candidates: IDataObject[]): string {
	const labels = candidates.map(accountLabel);
	const sameLabel = new Set(labels.map(keyOf)).size < labels.length;
	const which = sameLabel ? candidates.map((account) => `${accountLabel(account)}: ${String(account.id)}`).join('; ') : labels.join(', ');
	const fix = sameLabel ? 'Give the ID of the one you mean' : `Add the network as shown, e.g. "${labels[0]}", or give the account's ID`;
	return `${label}: "${reference}" names ${candidates.length} accounts of this location (${which}). ${fix}.`;
}

/**
 * The accounts the references name, in their order, each once. A text's commas separate accounts
 * unless they belong to a name: the longest run of parts that names an account wins. An unknown
 * or ambiguous reference fails naming the field, listing the location's accounts.
 */
export function matchAccounts(
	node: INode,
	label: string,
	references: string[],
	accounts: IDataObject[],
	idOf: (account: IDataObject) => string = (account) => String(account.id),
): IDataObject[] {
	const index = accountIndex(accounts, idOf);
	const found: IDataObject[] = [];
	for (const reference of references) {
		const parts = reference.split(',');
		let start = 0;
		while (start < parts.length) {
			if (!parts[start].trim()) {
				start += 1;
				continue;
			}
			let end = parts.length;
			let candidates: IDataObject[] | undefined;
			for (; end > start; end--) {
				candidates = index.get(keyOf(parts.slice(start, end).join(',')));
				if (candidates) break;
			}
			const text = parts
				.slice(start, Math.max(end, start + 1))
				.join(',')
				.trim();
			if (!candidates) throw notAnAccountError(node, label, text, accounts);
			if (candidates.length > 1) throw new NodeOperationError(node, ambiguousMessage(label, text, candidates));
			if (!found.includes(candidates[0])) found.push(candidates[0]);
			start = end;
		}
	}
	return found;
}

export interface AccountFieldOptions {
	scope?: LocationScope;
	/** The ID the field wants of an account (default: its `id`; statistics its `profileId`). */
	idOf?: (account: IDataObject) => string;
	/** Only these of the location's accounts can be meant (e.g. the comment platform's). */
	among?: (account: IDataObject) => boolean;
}

/**
 * An accounts field's IDs, each given as a name, a "Name (Network)" label or an ID and matched
 * (case-insensitively) against the location's accounts, read once per run only when the field
 * has a value.
 */
export async function accountIdsOf(this: ApiContext, label: string, value: unknown, options: AccountFieldOptions = {}): Promise<string[]> {
	const node = this.getNode();
	const references = accountReferences(node, label, value);
	if (references.length === 0) return [];
	const idOf = options.idOf ?? ((account: IDataObject) => String(account.id));
	const accounts = (await runAccounts.call(this, options.scope)).filter(options.among ?? (() => true));
	return matchAccounts(node, label, references, accounts, idOf).map(idOf);
}
