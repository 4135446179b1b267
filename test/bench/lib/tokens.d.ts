/** Tokens of a text in o200k_base (GPT-4o and later), counted offline. */
export function tokenCount(text: string): number;
