// The HoopAI OAuth2 credential through n8n-core against the simulator's Marketplace: a
// sub-account install's token drives the node, n8n refreshes it when it expires and keeps the
// rotated refresh token, a refused refresh says what to do, an agency install without a Location
// is refused before anything is sent, and the credential's test proves the install its token answer names.
import { describe, expect, it } from '@jest/globals';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { runNode, testCredential } from '../harness/n8n';
import { describeWithSimulator, oauthCredentials, requestsSince } from '../helpers/simulator';

const CREDENTIAL_NAME = 'HoopAI test credential';
const TTL_SECONDS = 60;
const listAccounts = { authentication: 'oAuth2', resource: 'account', operation: 'getAll', returnAll: true };

/** The scopes this file's app asks for: reading is all its tests do. */
const READ_SCOPES = 'socialplanner/account.readonly socialplanner/post.readonly';

describeWithSimulator(
	'the HoopAI OAuth2 credential',
	(sim) => {
		describe('with a sub-account install', () => {
			it('drives the node with the location of its token answer', async () => {
				const from = sim().control.requests().length;
				const { items, error } = await runNode({
					parameters: listAccounts,
					credentials: oauthCredentials(sim(), sim().control.connect(), READ_SCOPES),
				});
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json.name)).toContain('Hoop Coffee Roasters');
				expect(requestsSince(sim(), from)).toEqual([`GET /social-media-posting/${sim().locationId}/accounts`]);
			});

			it('survives three expiries: each run refreshes once, n8n keeps the rotated refresh token, the next refresh uses it', async () => {
				sim().control.setOAuth({ accessTokenSeconds: TTL_SECONDS });
				let tokenData: ICredentialDataDecryptedObject = { ...sim().control.connect() };
				const kept: boolean[] = [];
				for (let cycle = 1; cycle <= 3; cycle++) {
					sim().control.advanceTokenClock((TTL_SECONDS + 1) * 1000);
					const from = sim().control.requests().length;
					const { items, error, credentialsHelper } = await runNode({
						parameters: listAccounts,
						credentials: oauthCredentials(sim(), tokenData, READ_SCOPES),
					});
					expect(error).toBeUndefined();
					expect(items.length).toBeGreaterThan(0);
					expect(requestsSince(sim(), from)).toEqual([
						`GET /social-media-posting/${sim().locationId}/accounts`,
						'POST /oauth/token',
						`GET /social-media-posting/${sim().locationId}/accounts`,
					]);
					const saved = credentialsHelper.updatedOauthTokenData.hoopAiOAuth2Api?.oauthTokenData as ICredentialDataDecryptedObject;
					expect(saved.refresh_token).not.toBe(tokenData.refresh_token);
					kept.push(sim().control.isCurrentRefreshToken(String(saved.refresh_token)));
					tokenData = saved;
				}
				expect(kept).toEqual([true, true, true]);
				expect(sim().control.grants()).toEqual([expect.objectContaining({ userType: 'Location', refreshes: 3, refusedRefreshes: 0 })]);
			});

			it.each([
				['HighLevel’s documented answer', 'spec'],
				['an RFC 6749 answer (n8n’s own "needs to be reconnected")', 'oauth'],
			] as const)(
				'a refresh token another copy already used (%s): the error names the credential and says to reconnect it',
				async (_label, tokenErrors) => {
					sim().control.setOAuth({ accessTokenSeconds: TTL_SECONDS, tokenErrors });
					const held = sim().control.connect();
					sim().control.refreshElsewhere();
					sim().control.advanceTokenClock((TTL_SECONDS + 1) * 1000);
					const from = sim().control.requests().length;
					const { error } = await runNode({ parameters: listAccounts, credentials: oauthCredentials(sim(), held, READ_SCOPES) });
					expect(error?.message).toBe(
						`HoopAI refused to refresh the OAuth2 token of "${CREDENTIAL_NAME}" (${tokenErrors === 'spec' ? 'Invalid grant: refresh token is invalid' : 'invalid_grant'}): open the credential, click Reconnect ("Switch account" in n8n 2.x) and choose the same sub-account or agency, then run again.`,
					);
					expect(error?.description).toContain('accepts each one once');
					expect(requestsSince(sim(), from)).toEqual([`GET /social-media-posting/${sim().locationId}/accounts`, 'POST /oauth/token']);
				},
			);

			it('a paused sub-account: the error says to reactivate it, not to reconnect', async () => {
				sim().control.setOAuth({ accessTokenSeconds: TTL_SECONDS });
				const held = sim().control.connect();
				sim().control.setLocationActive(sim().locationId, false);
				sim().control.advanceTokenClock((TTL_SECONDS + 1) * 1000);
				const { error } = await runNode({ parameters: listAccounts, credentials: oauthCredentials(sim(), held, READ_SCOPES) });
				expect(error?.message).toMatch(/the sub-account is not active \(paused or cancelled\)\. Reactivate it in HoopAI/);
			});
		});

		describe('with an agency install', () => {
			it.each([
				['a routed operation (Account → Get Many)', listAccounts],
				[
					'a code operation (Post → Create)',
					{ authentication: 'oAuth2', resource: 'post', operation: 'create', accountIds: ['x'], summary: 'Hi', status: 'draft' },
				],
			])('%s without a Location is refused before anything is sent, saying to choose the sub-account', async (_label, parameters) => {
				const from = sim().control.requests().length;
				const { error } = await runNode({
					parameters,
					credentials: oauthCredentials(sim(), sim().control.connect({ userType: 'Company' }), READ_SCOPES),
				});
				expect(error?.message).toMatch(/^Location: this OAuth2 credential is an agency install, so each item needs a sub-account; choose/);
				expect(error?.description).toContain(sim().companyId);
				expect(requestsSince(sim(), from)).toEqual([]);
			});
		});

		describe('its test', () => {
			it('of a sub-account install lists the sub-account’s social accounts', async () => {
				const from = sim().control.requests().length;
				await expect(testCredential(oauthCredentials(sim(), sim().control.connect(), READ_SCOPES))).resolves.toEqual({
					status: 'OK',
					message: 'Connection successful!',
				});
				expect(requestsSince(sim(), from)).toEqual([`GET /social-media-posting/${sim().locationId}/accounts`]);
			});

			it('of an agency install lists the sub-accounts the app is installed in, by the app ID in the client ID', async () => {
				const from = sim().control.requests().length;
				await expect(testCredential(oauthCredentials(sim(), sim().control.connect({ userType: 'Company' }), READ_SCOPES))).resolves.toEqual(
					{
						status: 'OK',
						message: 'Connection successful!',
					},
				);
				const [listed] = sim().control.requests().slice(from);
				expect(`${listed.method} ${listed.path}`).toBe('GET /oauth/installedLocations');
				expect(listed.query).toEqual({ isInstalled: 'true', limit: '1', companyId: sim().companyId, appId: sim().appId });
			});

			it('of an agency install whose token lacks oauth.readonly names the scope to add', async () => {
				const tokenData = sim().control.connect({ userType: 'Company', scopes: ['socialplanner/account.readonly'] });
				const result = await testCredential(oauthCredentials(sim(), tokenData, READ_SCOPES));
				expect(result.status).toBe('Error');
				expect(result.message).toContain('an agency install oauth.readonly');
			});

			it('refreshes an expired token first, as any request does', async () => {
				sim().control.setOAuth({ accessTokenSeconds: TTL_SECONDS });
				const tokenData = sim().control.connect();
				sim().control.advanceTokenClock((TTL_SECONDS + 1) * 1000);
				const from = sim().control.requests().length;
				await expect(testCredential(oauthCredentials(sim(), tokenData, READ_SCOPES))).resolves.toMatchObject({ status: 'OK' });
				expect(requestsSince(sim(), from)).toEqual([
					`GET /social-media-posting/${sim().locationId}/accounts`,
					'POST /oauth/token',
					`GET /social-media-posting/${sim().locationId}/accounts`,
				]);
			});
		});
	},
	{ afterReset: (sim) => sim.control.reset('agency') },
);
