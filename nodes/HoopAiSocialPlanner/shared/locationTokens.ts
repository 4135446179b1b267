import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { locationTokenError } from './errors';
import { limiterFor } from './rateLimit';
import type { ApiConnection, ApiContext, LocationScope } from './run';
import { send } from './send';

// Agency mode: the Social Planner accepts only location tokens, so an agency (Company) token is
// exchanged for each sub-account's token when a run first needs it (POST /oauth/locationToken).
// The tokens live here, in this process's memory only, until shortly before they expire: every
// run of every node with the same agency credential reuses them. They are never written to an
// output, an error, a log or static data, and a refused one is exchanged again once.

/** A location token as it is kept: its value and when the node stops using it. */
interface HeldToken {
	readonly accessToken: string;
	/** ms since the epoch; a little before the token's own expiry. */
	readonly usableUntil: number;
}

/** Tuning and clock, one object so tests can move time. */
export const locationTokenSettings = {
	now: () => Date.now(),
	/** Stop using a token this long before it expires (at most half its life): a request in flight outlives the check. */
	marginMs: 5 * 60_000,
};

const held = new Map<string, HeldToken>();
const exchanging = new Map<string, Promise<HeldToken>>();

/** Forgets every location token (tests: a reset simulator knows none of them). */
export function forgetLocationTokens(): void {
	held.clear();
	exchanging.clear();
}

/**
 * Whose tokens they are: one agency credential (its n8n ID: two credentials never share tokens,
 * even for the same agency), its app, host and agency, and the location.
 */
function keyOf(context: ApiContext, connection: ApiConnection, locationId: string): string {
	const credentialId = context.getNode().credentials?.hoopAiOAuth2Api?.id ?? '';
	return JSON.stringify([connection.baseUrl, credentialId, connection.appId, connection.companyId, locationId]);
}

/** The agency's own scope: agency endpoints (installed locations, the exchange), its own rate limit. */
export function agencyScope(connection: ApiConnection): LocationScope {
	return {
		connection,
		locationId: '',
		credentialType: connection.credentialType,
		limiter: limiterFor(connection.baseUrl, `company ${connection.companyId}`),
	};
}

/** The exchange, sent like every request (paced by the agency's limit, retried; n8n refreshes the agency token). */
async function exchange(context: ApiContext, connection: ApiConnection, locationId: string): Promise<HeldToken> {
	const http: IHttpRequestOptions = {
		method: 'POST',
		url: `${connection.baseUrl}/oauth/locationToken`,
		body: new URLSearchParams({ companyId: connection.companyId, locationId }).toString(),
		headers: { Version: connection.apiVersion, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		json: true,
	};
	// A second exchange only gives another token: safe to send again.
	const answer = await send(context, agencyScope(connection), http, { effect: 'idempotent' });
	const body = answer.body as IDataObject;
	const accessToken = body.access_token ?? body.accessToken;
	if (answer.statusCode >= 400 || typeof accessToken !== 'string' || !accessToken)
		throw locationTokenError(context.getNode(), locationId, answer);
	const lifeMs = Math.max(0, Number(body.expires_in ?? body.expiresIn ?? 0) * 1000) || 60 * 60_000;
	return { accessToken, usableUntil: locationTokenSettings.now() + lifeMs - Math.min(locationTokenSettings.marginMs, lifeMs / 2) };
}

/**
 * The location's token: the one held while it is usable, else exchanged once (concurrent callers
 * wait for the same exchange). `refused`: the token the API just refused, dropped unless another
 * caller has already replaced it.
 */
export async function locationToken(context: ApiContext, connection: ApiConnection, locationId: string, refused?: string): Promise<string> {
	const key = keyOf(context, connection, locationId);
	const current = held.get(key);
	if (current && current.accessToken !== refused && current.usableUntil > locationTokenSettings.now()) return current.accessToken;
	let pending = exchanging.get(key);
	if (!pending) {
		held.delete(key);
		pending = exchange(context, connection, locationId);
		exchanging.set(key, pending);
		pending.then(
			(token) => held.set(key, token),
			() => undefined,
		);
		void pending.finally(() => exchanging.delete(key)).catch(() => undefined);
	}
	return (await pending).accessToken;
}
