export const REPO_ROOT: string;
export function fileExists(relativePath: string): boolean;
export function packedFiles(): string[];
export function handPublish(ignoreScripts: boolean): { status: number | null; output: string };
export function releaseOutsideActions(): { status: number | null; output: string };
