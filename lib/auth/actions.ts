'use server';
/** Server actions for the navigation bar. */
import { parseSessionClaims, SESSION_MAX_AGE_SECONDS } from './claims';
import { auth, signOut } from './index';
import { revokeSession } from './revocation';

/**
 * Ends the session and returns to the login page; use as `<form action={signOutAction}>`. The
 * session id is revoked first: clearing the cookie alone would not end a token that a concurrent
 * request re-issues, or that was copied elsewhere.
 */
export async function signOutAction(): Promise<void> {
  const claims = parseSessionClaims((await auth())?.user);
  if (claims) revokeSession(claims.sid, (claims.authTime + SESSION_MAX_AGE_SECONDS) * 1000);
  await signOut({ redirectTo: '/login' });
}
