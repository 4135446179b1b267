/** The CSV file n8n's Convert to File node (Convert to CSV) makes of these items' JSON. */
export function convertToFileCsv(rows: Array<Record<string, unknown>>): Buffer;
/** The same, made by the cached real n8n's own code; undefined when the e2e cache is absent. */
export function realConvertToFileCsv(rows: Array<Record<string, unknown>>): Buffer | undefined;
