'use strict';
// Builds the fastify app: API hooks (trace id, request log, faults, auth, rate limit, Version,
// scope, location), HighLevel error shapes, the control surface and every route family.

const { randomUUID } = require('node:crypto');
const { setTimeout: delay } = require('node:timers/promises');
const Fastify = require('fastify');
const multipart = require('@fastify/multipart');
const { ApiError, validationMessages, internalError, tooManyRequests, echoError } = require('./errors');
const auth = require('./auth');
const { rateKeyOf } = require('./marketplace');
const { advanceLifecycle } = require('./posts-model');
const { advanceQueues } = require('./queue-model');

const ROUTE_FAMILIES = [
	'posts',
	'accounts',
	'oauth',
	'csv',
	'categories-tags',
	'statistics',
	'queues',
	'comments',
	'medias',
	'users',
	'marketplace',
];
/** Body fields the request log never keeps (the token endpoint's client secret, codes and refresh tokens). */
const SECRET_BODY_FIELDS = ['client_secret', 'clientSecret', 'code', 'refresh_token', 'refreshToken'];

function redactHeaders(headers) {
	const out = { ...headers };
	if (out.authorization !== undefined) out.authorization = 'Bearer ***';
	return out;
}

function redactBody(body) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
	const out = { ...body };
	for (const field of SECRET_BODY_FIELDS) if (out[field] !== undefined) out[field] = '***';
	return out;
}

function isApi(request) {
	const config = request.routeOptions && request.routeOptions.config;
	return Boolean(config && config.api);
}

/** Sends an error with HighLevel's body and the trace id. */
function sendError(reply, error, traceId) {
	reply.code(error.statusCode).type('application/json; charset=utf-8');
	return reply.send({ ...error.body, traceId });
}

function onRequest(sim) {
	return async (request, reply) => {
		if (!isApi(request)) return;
		const config = request.routeOptions.config;
		request.traceId = randomUUID();
		reply.header('x-trace-id', request.traceId);
		const [path] = request.url.split('?');
		request.logEntry = {
			method: request.method,
			path,
			query: { ...request.query },
			headers: redactHeaders(request.headers),
			body: undefined,
			status: undefined,
			at: sim.clock.nowIso(),
		};
		sim.requestLog.push(request.logEntry);
		// Bounded so long benchmark runs do not grow without limit (oldest entries go first).
		if (sim.requestLog.length > sim.options.requestLogLimit) sim.requestLog.shift();
		advanceQueues(sim);
		advanceLifecycle(sim);

		const fault = sim.faults.decide(path);
		if (fault && fault.latencyMs) await delay(fault.latencyMs);
		if (fault && fault.kind === 'reset') {
			request.logEntry.status = 0;
			request.logEntry.fault = 'reset';
			reply.hijack();
			request.raw.socket.destroy();
			return;
		}
		if (fault && fault.kind === 'malformed') request.malformed = true;
		if (fault && (fault.kind === 'lostAnswer' || fault.kind === 'slowAnswer')) request.answerFault = fault.kind;
		// Echoed once the body is parsed (preValidation), before any auth check, like a gateway would.
		if (fault && fault.kind === 'echo') {
			request.echo = fault;
			return;
		}

		const token = auth.tokenFrom(request, sim);
		// A start page opened by a browser (oauthStart: 'browser'): no token, Version or scope to check.
		if (!token && config.openInBrowser && sim.options.oauthStart === 'browser') {
			request.openedInBrowser = true;
			return;
		}
		const rateKey = token ? rateKeyOf(token) : 'anonymous';
		if (fault && fault.kind === 'rateLimit') {
			reply.headers({ ...sim.rateLimiter.peek(rateKey), 'x-ratelimit-remaining': '0' });
			request.logEntry.fault = 'rateLimit';
			throw tooManyRequests();
		}
		if (fault && fault.kind === 'error') {
			request.logEntry.fault = 'error';
			throw internalError(fault.status || 500);
		}
		// The token endpoint knows the client by its ID and secret in the body, not by a bearer token.
		if (config.access === 'none') return;
		if (!token) {
			reply.headers(sim.rateLimiter.peek(rateKey));
			auth.requireToken(request, sim); // throws the 401
		}
		request.token = token;
		const limit = sim.rateLimiter.consume(rateKey);
		reply.headers(limit.headers);
		if (!limit.allowed) {
			throw tooManyRequests(limit.daily ? 'Daily API request limit exceeded.' : 'Too many requests, please try again later.');
		}
		auth.requireVersion(request);
		auth.requireAccess(sim, token, config.access);
		auth.requireScope(token, config.scope, sim);
	};
}

function preValidation(request) {
	if (!isApi(request)) return;
	// A missing JSON body is validated as {} so the 422 names the missing fields.
	if (request.body === undefined && request.routeOptions.schema && request.routeOptions.schema.body) {
		request.body = {};
	}
	request.logEntry.body = request.isMultipart() ? '[multipart]' : redactBody(request.body);
	if (request.echo) {
		request.logEntry.fault = 'echo';
		throw echoError(request, request.echo.status);
	}
}

function preHandler(sim) {
	return async (request) => {
		if (!isApi(request) || request.openedInBrowser) return;
		const where = request.routeOptions.config.location;
		if (!where) return;
		const source = request[where] || {};
		if (source.locationId === undefined) return;
		auth.requireLocation(request.token, source.locationId, sim);
	};
}

/** Every JSON body carries a traceId; malformed-JSON faults corrupt the payload here. */
function onSend(sim) {
	return (request, reply, payload, done) => shapePayload(sim, request, reply, payload, done);
}

function shapePayload(sim, request, reply, payload, done) {
	if (!isApi(request)) return done(null, payload);
	let out = payload;
	const type = String(reply.getHeader('content-type') || '');
	if (typeof payload === 'string' && type.includes('json')) {
		try {
			const body = JSON.parse(payload);
			if (body && typeof body === 'object' && !Array.isArray(body) && !body.traceId) {
				body.traceId = request.traceId;
				out = JSON.stringify(body);
			}
		} catch {
			// leave non-JSON payloads alone
		}
	}
	if (request.malformed && typeof out === 'string') {
		request.logEntry.fault = 'malformed';
		out = out.slice(0, Math.max(1, Math.floor(out.length / 2)));
	}
	// The request was carried out; its answer is lost, or comes after the client gave up.
	if (request.answerFault === 'lostAnswer') {
		request.logEntry.fault = 'lostAnswer';
		request.raw.socket.destroy();
	}
	if (request.answerFault === 'slowAnswer') {
		request.logEntry.fault = 'slowAnswer';
		setTimeout(() => done(null, out), sim.faults.current().slowAnswerMs ?? 5000);
		return;
	}
	done(null, out);
}

function errorHandler(error, request, reply) {
	const traceId = request.traceId || randomUUID();
	if (error instanceof ApiError) return sendError(reply, error, traceId);
	if (error.validation) {
		return sendError(
			reply,
			new ApiError(422, validationMessages(error.validation, error.validationContext), { error: 'Unprocessable Entity' }),
			traceId,
		);
	}
	const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
	const label = status === 500 ? 'Internal Server Error' : status === 413 ? 'Payload Too Large' : 'Bad Request';
	return sendError(reply, new ApiError(status, status === 500 ? 'Internal server error' : error.message, { error: label }), traceId);
}

/** Express-like leniency: an empty JSON body is "no body"; form and other bodies are accepted. */
function registerBodyParsers(app) {
	app.removeContentTypeParser('application/json');
	app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
		if (text === '') return done(null, undefined);
		try {
			done(null, JSON.parse(text));
		} catch (error) {
			done(new ApiError(400, `Unexpected token in JSON: ${error.message}`, { error: 'Bad Request' }));
		}
	});
	// A key given more than once (a form's ticked checkboxes) becomes an array.
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, text, done) => {
		if (!text) return done(null, undefined);
		const fields = {};
		for (const [key, value] of new URLSearchParams(text)) fields[key] = key in fields ? [].concat(fields[key], value) : value;
		done(null, fields);
	});
	app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, data, done) => done(null, undefined));
}

async function buildApp(sim) {
	const app = Fastify({
		logger: false,
		forceCloseConnections: true,
		bodyLimit: 25 * 1024 * 1024,
		ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false } },
	});
	await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1 } });
	registerBodyParsers(app);
	app.addHook('onRequest', onRequest(sim));
	app.addHook('preValidation', async (request) => preValidation(request));
	app.addHook('preHandler', preHandler(sim));
	app.addHook('onSend', onSend(sim));
	app.addHook('onResponse', async (request, reply) => {
		if (isApi(request) && request.logEntry && request.logEntry.status === undefined) {
			request.logEntry.status = reply.statusCode;
		}
	});
	app.setErrorHandler(errorHandler);
	app.setNotFoundHandler((request, reply) => {
		const [path] = request.url.split('?');
		reply.code(404).send({ statusCode: 404, message: `Cannot ${request.method} ${path}`, error: 'Not Found', traceId: randomUUID() });
	});

	require('./control').register(app, sim);
	for (const family of ROUTE_FAMILIES) require(`./routes/${family}`).register(app, sim);
	return app;
}

module.exports = { buildApp };
