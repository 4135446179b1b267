export interface NetworkModuleFile {
	file: string;
	exports: Record<string, unknown>;
}
export function networkModules(): NetworkModuleFile[];
export function networkRegistry(): { NETWORKS: Array<Record<string, unknown>> };
