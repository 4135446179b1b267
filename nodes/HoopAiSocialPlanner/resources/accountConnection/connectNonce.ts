import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { ApiConnection } from '../../shared/run';

/**
 * The connect page's nonce: stateless, so the workflow that serves the page and the one that
 * receives its callback share nothing but the credential. A nonce is
 * `<expiry, Unix seconds>.<16 random bytes>.<HMAC-SHA256 of location, expiry and random>`, keyed by
 * an HMAC of the credential's secret (the token, or an OAuth2 app's client secret, which a token
 * refresh does not change). The page holds only the nonce: neither the secret nor the key.
 */

const KEY_PURPOSE = 'n8n-nodes-hoopai-social-planner connect page nonce v1';
const NONCE_FORM = /^(\d{9,12})\.([\w-]{22})\.([\w-]{43})$/;

export type NonceKey = Buffer;

/** The credential's value that keys the nonces: one that stays the same while the credential does. */
function secretOf(credentialType: ApiConnection['credentialType'], credentials: Record<string, unknown>): string {
	return String((credentialType === 'hoopAiOAuth2Api' ? credentials.clientSecret : credentials.accessToken) ?? '');
}

/** The key of this credential's nonces (read once per run). */
export async function nonceKey(this: IExecuteFunctions, connection: ApiConnection): Promise<NonceKey> {
	const credentials = await this.getCredentials(connection.credentialType);
	const secret = secretOf(connection.credentialType, credentials);
	if (!secret) {
		throw new NodeOperationError(
			this.getNode(),
			'No Access Token or Client Secret in the credential to sign the connect page with; set the Access Token (HoopAI API) or the Client Secret (HoopAI OAuth2 API)',
			{
				description: 'The page’s nonce is signed with a key made from that secret, so the callback can tell the page was this location’s.',
			},
		);
	}
	return createHmac('sha256', secret).update(KEY_PURPOSE).digest();
}

function mac(key: NonceKey, locationId: string, expiry: string, random: string): Buffer {
	return createHmac('sha256', key).update(`${locationId}|${expiry}|${random}`).digest();
}

/** A new nonce for a page of this location, valid until `expiresAt` (ms). */
export function signNonce(key: NonceKey, locationId: string, expiresAt: number): string {
	const expiry = String(Math.floor(expiresAt / 1000));
	const random = randomBytes(16).toString('base64url');
	return `${expiry}.${random}.${mac(key, locationId, expiry, random).toString('base64url')}`;
}

/**
 * Fails unless the nonce is one a connect page of this location gave with this credential, and
 * has not expired. `label` names where it came from, as the editor shows it.
 */
export function checkNonce(node: INode, key: NonceKey, locationId: string, nonce: unknown, label: string, now = Date.now()): void {
	const again = 'open the connect page again (its link gives a new one) and connect the network once more';
	const form = typeof nonce === 'string' ? NONCE_FORM.exec(nonce) : null;
	if (!form) {
		throw new NodeOperationError(node, `${label}: the nonce is missing or not one a connect page gives; ${again}`, {
			description: 'Only a page that Build Connect Page made can post here.',
		});
	}
	const [, expiry, random, signature] = form;
	// Compared as text: base64url decoding would ignore the last character's spare bits.
	const expected = Buffer.from(mac(key, locationId, expiry, random).toString('base64url'));
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new NodeOperationError(node, `${label}: the nonce is not one this location's connect page gave; ${again}`, {
			description: `It was made for another location or with another credential (or the credential's secret changed since).`,
		});
	}
	if (Number(expiry) * 1000 < now) {
		throw new NodeOperationError(node, `${label}: the connect page expired at ${new Date(Number(expiry) * 1000).toISOString()}; ${again}`);
	}
}
