// The package as n8n loads it: n8n-core's PackageDirectoryLoader reads the "n8n" block of
// package.json and requires the compiled classes from dist/ (npm test builds first).
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { REPO_ROOT } from '../helpers/package-files';

export interface LoadedPackage {
	packageName: string;
	/** Node types by their full n8n name, e.g. `n8n-nodes-hoopai-social-planner.hoopAiSocialPlanner`. */
	nodeTypes: Record<string, INodeType>;
	credentialTypes: Record<string, ICredentialType>;
}

let loading: Promise<LoadedPackage> | undefined;

export async function loadPackage(): Promise<LoadedPackage> {
	loading ??= (async () => {
		const loader = new PackageDirectoryLoader(REPO_ROOT);
		await loader.loadAll();
		const nodeTypes = Object.fromEntries(
			Object.keys(loader.known.nodes).map((name) => [`${loader.packageName}.${name}`, loader.getNode(name).type as INodeType]),
		);
		const credentialTypes = Object.fromEntries(
			Object.keys(loader.known.credentials).map((name) => [name, loader.getCredential(name).type]),
		);
		return { packageName: loader.packageName, nodeTypes, credentialTypes };
	})();
	return await loading;
}
