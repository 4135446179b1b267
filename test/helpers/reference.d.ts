export const REFERENCE_DIR: string;
export const SPEC_COMMIT: string;
export const SPEC_REPOSITORY: string;
export const UPSTREAM_PATHS: Record<string, string>;
export const SKIPPED_FOR_SPEC: string;
export function readReferenceText(name: string): string | undefined;
export function referenceAvailable(): boolean;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadSpecs(): Record<string, any> | undefined;
export function howToGetSpec(): string;
