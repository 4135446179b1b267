/** What the stale-dist check says of a package whose files (path → age in seconds) are these. */
export function staleDistOf(files: Record<string, number>): string[];
