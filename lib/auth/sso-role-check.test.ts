/**
 * The role re-check against a real OpenID Connect provider (oidc-provider): real tokens from a real
 * authorization-code flow, a real refresh, a real userinfo call. The provider keeps groups only in
 * userinfo, as it does by default.
 */
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  authorizationCodeFor,
  startTestProvider,
  type TestAccount,
  type TestProvider,
} from '@/lib/testing/oidc-test-provider';
import { findSession, insertSession } from '@/lib/store/sessions';
import type { SessionClaims } from './claims';
import { confirmSsoRole, RoleUnconfirmedError } from './sso-role-check';
import type { ProviderTokens } from './sso-client';
import { seal, unseal } from './token-seal';

const PORT = 9300 + (process.pid % 500);
const APP = 'http://127.0.0.1:3999';
const REDIRECT = `${APP}/api/auth/callback/oidc`;
const account = (groups: string[]): TestAccount => ({ preferred_username: 'omar', name: 'Omar', email: 'o@x', groups });

let provider: TestProvider;
let tokens: ProviderTokens;

async function signInAtProvider(): Promise<ProviderTokens> {
  const as = await oauth.processDiscoveryResponse(
    new URL(provider.issuer),
    await oauth.discoveryRequest(new URL(provider.issuer), { [oauth.allowInsecureRequests]: true }),
  );
  const verifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  const callback = await authorizationCodeFor(provider, {
    accountId: 'omar',
    redirectUri: REDIRECT,
    scope: 'openid profile email groups offline_access',
    codeChallenge: await oauth.calculatePKCECodeChallenge(verifier),
    nonce,
  });
  const client = { client_id: provider.clientId };
  const params = oauth.validateAuthResponse(as, client, callback, 'test-state');
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.ClientSecretBasic(provider.clientSecret),
    params,
    REDIRECT,
    verifier,
    { [oauth.allowInsecureRequests]: true },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: nonce,
    requireIdToken: true,
  });
  expect(result.refresh_token, 'offline_access with consent gives a refresh token').toBeTruthy();
  return {
    accessToken: result.access_token,
    accessExpiresAt: Math.floor(Date.now() / 1000) + (result.expires_in ?? 3600),
    refreshToken: result.refresh_token ?? null,
    idToken: result.id_token ?? null,
  };
}

let sequence = 0;
function session(tokensToSeal: ProviderTokens, checkedSecondsAgo: number): SessionClaims {
  const now = Math.floor(Date.now() / 1000);
  sequence += 1;
  const claims: SessionClaims = {
    id: 'oidc:omar',
    provider: 'oidc',
    username: 'omar',
    name: 'Omar',
    role: 'Full Access',
    authTime: now - 60,
    sid: `sid-role-check-${sequence}-0123456789`,
  };
  insertSession({
    sid: claims.sid,
    userId: claims.id,
    provider: 'oidc',
    username: 'omar',
    name: 'Omar',
    role: 'Full Access',
    startedAt: now - checkedSecondsAgo,
    expiresAt: now + 3600,
    sealedTokens: seal(tokensToSeal),
  });
  return claims;
}

beforeAll(async () => {
  process.env.AUTH_SECRET = 'role-check-test-secret-0123456789abcdef';
  provider = await startTestProvider({
    port: PORT,
    redirectUri: REDIRECT,
    postLogoutRedirectUri: `${APP}/login`,
    accounts: { omar: account(['noc']) },
  });
  Object.assign(process.env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: JSON.stringify({ noc: 'Full Access', viewers: 'Read Only' }),
    OIDC_ROLE_RECHECK_SECONDS: '60',
    PUBLIC_URL: APP,
  });
  tokens = await signInAtProvider();
});

afterAll(async () => {
  await provider?.stop();
  for (const name of [
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
    'OIDC_ROLE_CLAIM',
    'OIDC_ROLE_MAP',
    'OIDC_ROLE_RECHECK_SECONDS',
    'PUBLIC_URL',
  ]) {
    delete process.env[name];
  }
});

beforeEach(() => {
  provider.accounts.set('omar', account(['noc']));
});

describe('confirmSsoRole against a real provider', () => {
  it('does not ask the provider again within the interval, for reads', async () => {
    const claims = session({ ...tokens, accessToken: 'not-a-token-the-provider-knows' }, 0);
    provider.accounts.set('omar', account(['viewers']));
    expect(await confirmSsoRole(claims, { write: false })).toEqual({ role: 'Full Access', name: 'Omar' });
  });

  it('asks userinfo once the interval has passed, and before every write', async () => {
    const claims = session(tokens, 120);
    provider.accounts.set('omar', account(['viewers']));
    expect((await confirmSsoRole(claims, { write: false }))?.role).toBe('Read Only');
    provider.accounts.set('omar', account(['noc']));
    // Just checked, but a write asks again.
    expect((await confirmSsoRole(claims, { write: false }))?.role).toBe('Read Only');
    expect((await confirmSsoRole(claims, { write: true }))?.role).toBe('Full Access');
  });

  it('refreshes an expired access token with the refresh token, keeping the new tokens sealed', async () => {
    const claims = session({ ...tokens, accessExpiresAt: Math.floor(Date.now() / 1000) - 10 }, 120);
    expect((await confirmSsoRole(claims, { write: false }))?.role).toBe('Full Access');
    const stored = unseal(findSession(claims.sid)!.sealedTokens!) as ProviderTokens;
    expect(stored.accessToken).not.toBe(tokens.accessToken);
    expect(stored.accessExpiresAt).toBeGreaterThan(Math.floor(Date.now() / 1000));
  });

  it('ends the session when the provider maps the user to no role any more', async () => {
    const claims = session(tokens, 120);
    provider.accounts.set('omar', account(['guests']));
    expect(await confirmSsoRole(claims, { write: false })).toBeNull();
    expect(findSession(claims.sid)?.endedAt).not.toBeNull();
    expect(findSession(claims.sid)?.sealedTokens).toBeNull();
    provider.accounts.set('omar', account(['noc']));
    expect(await confirmSsoRole(claims, { write: false })).toBeNull();
  });

  it('ends the session when the provider refuses its tokens', async () => {
    const claims = session({ ...tokens, accessToken: 'revoked', refreshToken: 'revoked-too', accessExpiresAt: 0 }, 120);
    expect(await confirmSsoRole(claims, { write: false })).toBeNull();
    expect(findSession(claims.sid)?.endedReason).toBe('refused by the provider');
  });

  it('keeps reads on the last role but refuses writes while the provider cannot be reached', async () => {
    const claims = session(tokens, 120);
    await provider.stop();
    try {
      await expect(confirmSsoRole(claims, { write: true })).rejects.toBeInstanceOf(RoleUnconfirmedError);
      expect(await confirmSsoRole(claims, { write: false })).toEqual({ role: 'Full Access', name: 'Omar' });
      expect(findSession(claims.sid)?.endedAt).toBeNull();
    } finally {
      provider = await startTestProvider({
        port: PORT,
        redirectUri: REDIRECT,
        postLogoutRedirectUri: `${APP}/login`,
        accounts: { omar: account(['noc']) },
      });
    }
  });
});
