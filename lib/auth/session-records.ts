import 'server-only';
/**
 * Sessions as the store keeps them: written when a sign-in completes, read on every request to see
 * whether the session was ended, and for single sign-on whether the provider still gives the user
 * their role.
 */
import type { Account } from 'next-auth';
import { endSession, insertSession } from '@/lib/store/sessions';
import { type SessionClaims, SESSION_MAX_AGE_SECONDS } from './claims';
import type { ProviderTokens } from './sso-client';
import { seal } from './token-seal';

export function providerTokensFrom(account: Account | null | undefined, nowSeconds: number): ProviderTokens | null {
  if (!account?.access_token) return null;
  const expiresAt = typeof account.expires_at === 'number' ? account.expires_at : 0;
  return {
    accessToken: account.access_token,
    accessExpiresAt:
      expiresAt > 0 ? expiresAt : typeof account.expires_in === 'number' ? nowSeconds + account.expires_in : 0,
    refreshToken: account.refresh_token ?? null,
    idToken: account.id_token ?? null,
  };
}

/** Called once per completed sign-in, with the claims the session cookie will carry. */
export function recordSignIn(claims: SessionClaims, account: Account | null | undefined): void {
  const tokens = claims.provider === 'oidc' ? providerTokensFrom(account, claims.authTime) : null;
  insertSession({
    sid: claims.sid,
    userId: claims.id,
    provider: claims.provider,
    username: claims.username,
    name: claims.name,
    role: claims.role,
    startedAt: claims.authTime,
    expiresAt: claims.authTime + SESSION_MAX_AGE_SECONDS,
    sealedTokens: tokens ? seal(tokens) : null,
  });
}

export function endSignedInSession(
  claims: SessionClaims,
  reason: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  endSession(claims.sid, reason, claims.authTime + SESSION_MAX_AGE_SECONDS, nowSeconds);
}
