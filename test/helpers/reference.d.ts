export const REFERENCE_DIR: string;
export function readReferenceText(name: string): string | undefined;
export function referenceAvailable(): boolean;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadSpecs(): Record<string, any> | undefined;
