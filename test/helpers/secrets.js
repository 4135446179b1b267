// Helpers of the secrets canary test (test/node/secrets-canary.test.ts) that need Node globals
// the strict lint forbids in .ts files: Buffer, console, and n8n-core's own logger class.
const path = require('node:path');
const { LoggerProxy } = require('n8n-workflow');

/**
 * The ways a secret can show up in text: as is, JSON-escaped, URL-encoded (path/query and form
 * bodies), and base64 / base64url at each of the three byte alignments (so a secret inside a
 * longer encoded string, e.g. `Basic base64(id:secret)`, is found too).
 */
function secretForms(secret) {
	const forms = [
		['raw', secret],
		['json', JSON.stringify(secret).slice(1, -1)],
		['url', encodeURIComponent(secret)],
		['form', new URLSearchParams({ x: secret }).toString().slice(2)],
	];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.from('\0'.repeat(offset) + secret).toString('base64');
		// Only the characters whose 6 bits all come from the secret (not the padding bytes before,
		// nor whatever follows it).
		const start = Math.ceil((8 * offset) / 6);
		const end = Math.floor((8 * (offset + Buffer.byteLength(secret))) / 6);
		const core = encoded.slice(start, end);
		forms.push([`base64+${offset}`, core]);
		forms.push([`base64url+${offset}`, core.replace(/\+/g, '-').replace(/\//g, '_')]);
	}
	const seen = new Set();
	return forms.filter(([, text]) => text.length >= 8 && !seen.has(text) && seen.add(text)).map(([form, text]) => ({ form, text }));
}

/** JSON that survives cycles and BigInt; what a log line or a stored execution would hold. */
function safeJson(value) {
	const seen = new WeakSet();
	try {
		return (
			JSON.stringify(value, (_key, item) => {
				if (typeof item === 'bigint') return String(item);
				if (item && typeof item === 'object') {
					if (seen.has(item)) return '[Circular]';
					seen.add(item);
				}
				return item;
			}) ?? String(value)
		);
	} catch (error) {
		return `[not serialisable: ${error.message}]`;
	}
}

/** n8n-core's Logger class (n8n-core has its own copy of @n8n/backend-common). */
function coreLoggerModules() {
	const corePath = path.dirname(require.resolve('n8n-core'));
	const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [corePath] }));
	const { Container } = require(require.resolve('@n8n/di', { paths: [corePath] }));
	return { Logger, Container };
}

/**
 * Captures every log line while it runs: n8n's LoggerProxy (replaced by a capturing logger),
 * n8n-core's Logger (what node contexts' `this.logger` and the ErrorReporter write to, with its
 * metadata as it serialises it) and console.*. `stop()` restores all three.
 */
function captureLogs() {
	const lines = [];
	const { Logger, Container } = coreLoggerModules();
	const coreLogger = Container.get(Logger);
	const originalLog = Logger.prototype.log;
	Logger.prototype.log = function log(level, message, metadata) {
		originalLog.call(this, level, message, metadata);
		lines.push(`[n8n logger ${level}] ${message} ${safeJson(metadata)}`);
	};
	const proxy = (level) => (message, metadata) => lines.push(`[LoggerProxy ${level}] ${message} ${safeJson(metadata)}`);
	LoggerProxy.init({ error: proxy('error'), warn: proxy('warn'), info: proxy('info'), debug: proxy('debug') });
	const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
	const originals = Object.fromEntries(methods.map((name) => [name, console[name]]));
	for (const name of methods) {
		console[name] = (...args) =>
			lines.push(`[console.${name}] ${args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' ')}`);
	}
	return {
		lines,
		stop() {
			Logger.prototype.log = originalLog;
			LoggerProxy.init(coreLogger);
			for (const name of methods) console[name] = originals[name];
		},
	};
}

module.exports = { secretForms, safeJson, captureLogs };
