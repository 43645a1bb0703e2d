'use server';
/** Server actions for the navigation bar. */
import { redirect } from 'next/navigation';
import { findSession } from '@/lib/store/sessions';
import { parseSessionClaims } from './claims';
import { auth, signOut } from './index';
import { authEnv } from '@/lib/env';
import { ssoPostLogoutUri } from './oidc-roles';
import { endSignedInSession } from './session-records';
import { endSessionUrl, type ProviderTokens } from './sso-client';
import { unseal } from './token-seal';

/** The provider's end-session address for this session, or null (no provider, or it offers none). */
async function providerLogoutUrl(sid: string): Promise<string | null> {
  const settings = authEnv().oidc;
  if (!settings) return null;
  const sealed = findSession(sid)?.sealedTokens;
  const tokens = sealed ? (unseal(sealed) as Partial<ProviderTokens> | null) : null;
  try {
    return await endSessionUrl(
      settings,
      typeof tokens?.idToken === 'string' ? tokens.idToken : null,
      ssoPostLogoutUri(settings.publicOrigin),
    );
  } catch (error) {
    console.warn(
      `[auth] could not find the provider's sign-out address (${(error as Error).name}); signed out here only`,
    );
    return null;
  }
}

/**
 * Ends the session and returns to the login page; use as `<form action={signOutAction}>`. The
 * session is ended in the store first: clearing the cookie alone would not end a token that a
 * concurrent request re-issues, or that was copied elsewhere. A single sign-on session also ends
 * at the provider (RP-initiated logout), so the next "Sign in with SSO" on a shared NOC desk asks
 * who is there instead of signing the last person straight back in.
 */
export async function signOutAction(): Promise<void> {
  const claims = parseSessionClaims((await auth())?.user);
  const providerUrl = claims?.provider === 'oidc' ? await providerLogoutUrl(claims.sid) : null;
  if (claims) endSignedInSession(claims, 'signed out');
  if (!providerUrl) {
    await signOut({ redirectTo: '/login' });
    return;
  }
  await signOut({ redirect: false });
  redirect(providerUrl);
}
