import type { IDataObject } from 'n8n-workflow';
import type { AvailableEntry } from './network';

// The shapes the connect flow's answers and attach bodies share across networks (API-NOTES §3.3).

/** A list in an answer, which may also come as one object. */
export function listOf(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value : value && typeof value === 'object' ? [value as IDataObject] : [];
}

/** Each entry of a list in step 2's answer, all of one type (or of the type each names). */
export function entriesOf(value: unknown, type: string | ((entry: IDataObject) => string)): AvailableEntry[] {
	return listOf(value).map((entry) => ({ entry, type: typeof type === 'string' ? type : type(entry) }));
}

/** Profiles as most networks list them (`results.profile`), each naming its type. */
export function profilesOf(results: IDataObject): AvailableEntry[] {
	return entriesOf(results.profile, (entry) => String(entry.type ?? 'profile'));
}

/** The fields that are set (undefined left out; the API refuses unknown and null values). */
export function defined(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));
}

/** These keys of an object, those that are set. */
export function pick(object: unknown, keys: string[]): IDataObject {
	const source = (object && typeof object === 'object' ? object : {}) as IDataObject;
	return defined(Object.fromEntries(keys.map((key) => [key, source[key]])));
}

export const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
export const optionalBool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
export const optionalStr = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));

/** What every attach body says of the page or profile: its network ID, name and picture. */
export function profileOf(account: IDataObject): { originId: string; name: string; avatar: string } {
	return { originId: str(account.id), name: str(account.name), avatar: str(account.avatar) };
}
