import Fastify, { type FastifyInstance } from 'fastify';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export type Reply = { status: number; body: unknown; statusText?: string };

/** A loopback HTTP server that records every request and answers with `respond`. */
export async function startRecordingServer(
	respond: (request: RecordedRequest) => Reply,
): Promise<{ url: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
	const requests: RecordedRequest[] = [];
	const app: FastifyInstance = Fastify();
	// OAuth2 token requests are form-encoded; keep their raw text.
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
	app.all('/*', async (request, reply) => {
		const recorded = {
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: request.body,
		};
		requests.push(recorded);
		const answer = respond(recorded);
		if (answer.statusText) reply.raw.statusMessage = answer.statusText;
		return await reply.code(answer.status).send(answer.body);
	});
	const url = await app.listen({ host: '127.0.0.1', port: 0 });
	return { url, requests, close: async () => await app.close() };
}
