import type { JsonObject, JsonValue } from 'n8n-workflow';

// A misbehaving gateway or proxy may echo the request back in an error body: its Authorization
// header, a token in the query or a form body. What the node shows, stores or logs of an error
// answer goes through `redactSecrets` first, so such a value never reaches the user or the logs.

export const REDACTED = '***';

/** Names (compared without case, `-` and `_`) whose value is a credential. */
const SECRET_NAMES = new Set([
	'authorization',
	'proxyauthorization',
	'cookie',
	'setcookie',
	'xapikey',
	'apikey',
	'accesstoken',
	'refreshtoken',
	'idtoken',
	'token',
	'clientsecret',
	'clientid',
	'password',
	'secret',
]);

const isSecretName = (name: string) => SECRET_NAMES.has(name.toLowerCase().replace(/[-_]/g, ''));

// `Bearer <token>` / `Basic <base64>` anywhere in a text.
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w\-.~+/=%]+/gi;
// `name: value`, `name=value`, `"name":"value"` (also JSON inside a string: `\"name\":\"value\"`)
// for the names above. Bare `token` and `secret` only as a quoted key: in prose ("Invalid token:
// access token is invalid") they are words, not labels.
const NAMED_VALUE =
	/((?:\b(?:proxy[-_]?)?authorization|\bcookie|\bset[-_]?cookie|\bx[-_]?api[-_]?key|\bapi[-_]?key|\b(?:access|refresh|id)[-_]?token|\bclient[-_]?(?:secret|id)|\bpassword|["'](?:token|secret)["'\\]?)[\\"']*\s*[:=]\s*[\\"']*)(?:(?:Bearer|Basic)\s+)?[^\s"'\\&,;}]+/gi;

/** A text with every credential-looking value replaced by `***`. */
export function redactText(text: string): string {
	return text.replace(AUTH_SCHEME, `$1 ${REDACTED}`).replace(NAMED_VALUE, `$1${REDACTED}`);
}

/**
 * A copy of an API answer (any JSON) with credentials redacted: values under secret-named keys,
 * and `Bearer …`, `access_token=…`-like parts of every string.
 */
export function redactSecrets<T extends JsonValue | undefined>(value: T): T {
	if (typeof value === 'string') return redactText(value) as T;
	if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
	if (value && typeof value === 'object') {
		const out: JsonObject = {};
		for (const [key, item] of Object.entries(value)) {
			out[key] = isSecretName(key) && item !== null && item !== '' ? REDACTED : redactSecrets(item);
		}
		return out as T;
	}
	return value;
}
