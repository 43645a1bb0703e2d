import 'server-only';
import { redirect } from 'next/navigation';
import { safeRedirectPath } from '@/lib/auth/callback-url';
import type { Action } from '@/lib/auth/permissions';
import { AuthorizationError, authorize, type SessionUser } from '@/lib/auth/session';

/**
 * For pages: the same check as every data function, but an anonymous visitor is sent to the login
 * page (coming back afterwards) instead of receiving a 401 body.
 */
export async function requirePageUser(action: Action, returnTo: string): Promise<SessionUser> {
  try {
    return await authorize(action);
  } catch (err) {
    if (err instanceof AuthorizationError && err.status === 401) {
      redirect(`/login?callbackUrl=${encodeURIComponent(safeRedirectPath(returnTo))}`);
    }
    throw err;
  }
}
