/** A TCP relay on its own loopback port to the server at `url`: the same server under another address. */
export function secondAddress(url: string): Promise<{ url: string; close(): Promise<void> }>;
