export const REPO_ROOT: string;
export function fileExists(relativePath: string): boolean;
export function packedFiles(): string[];
