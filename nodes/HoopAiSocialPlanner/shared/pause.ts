import { sleep } from 'n8n-workflow';

/**
 * Waits `ms`, or less when the execution is stopped: then it throws the signal's reason, so a
 * wait for the rate limit or a retry never outlasts the user's Stop.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	signal?.throwIfAborted();
	if (!signal) return await sleep(ms);
	let stop = () => {};
	const stopped = new Promise<void>((resolve) => (stop = resolve));
	signal.addEventListener('abort', stop, { once: true });
	try {
		await Promise.race([sleep(ms), stopped]);
	} finally {
		signal.removeEventListener('abort', stop);
	}
	signal.throwIfAborted();
}
