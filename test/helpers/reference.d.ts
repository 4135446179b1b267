export const REFERENCE_DIR: string;
export function hasReference(): boolean;
export function readReferenceText(name: string): string | undefined;
