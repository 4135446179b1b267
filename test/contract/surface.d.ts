import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';

export interface SurfaceEntry {
	type: string;
	default?: unknown;
	values?: unknown[];
	modes?: string[];
	multipleValues?: boolean;
}
/** Parameter path → entry. */
export type Parameters = Record<string, SurfaceEntry>;
export interface Surface {
	/** Node name → version → `resource:operation` (or `*`) → parameters. */
	nodes: Record<string, Record<string, Record<string, Parameters>>>;
	/** Credential name → fields. */
	credentials: Record<string, Parameters>;
}
export interface PublicClasses {
	/** Node name → version → description. */
	nodes: Record<string, Record<string, INodeTypeDescription>>;
	credentials: Record<string, ICredentialType['properties']>;
}

export const CONTRACT_FILE: string;
export const UPDATE_COMMAND: string;
export const HOW_TO_VERSION: string;
export function loadPublicClasses(root?: string): Promise<PublicClasses>;
export function surfaceOf(classes: PublicClasses): Surface;
export function breakages(contract: Surface, current: Surface): string[];
export function withAdditions(contract: Surface, current: Surface): Surface;
export function formatContract(surface: Surface): string;
export function readContract(): Surface;
export function writeContract(surface: Surface): void;
export function contractSize(contract: Surface): { operations: number; parameters: number; distinctPaths: number; optionValues: number };
