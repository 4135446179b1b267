import type { IDataObject } from 'n8n-workflow';

/**
 * Names, answers or IDs given as an array or as comma-separated text (expressions often give
 * either), trimmed, empty ones left out. Not checked: IDs that go to the API use `idList`.
 */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((id) => String(id).trim()).filter(Boolean);
}

/** The object without its empty ('') and undefined fields: what the user left unset. */
export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== '' && value !== undefined));
}

/** The value at a dot path of an object, e.g. `results.posts`. */
export function valueAt(object: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], object);
}
