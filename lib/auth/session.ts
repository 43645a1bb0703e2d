import 'server-only';
/**
 * The session boundary: every route handler, server action and data function asks here, and
 * only here, who the caller is and whether they may act. The proxy's redirect is a convenience;
 * this is the check.
 */
import { parseSessionClaims } from './claims';
import { auth } from './index';
import { type Action, can, type Role } from './permissions';
import { isSessionRevoked } from './revocation';
import { findUser } from './users-file';

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
}

export type AuthorizationErrorCode = 'unauthenticated' | 'forbidden';

export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
  readonly status: 401 | 403;
  readonly code: AuthorizationErrorCode;

  constructor(code: AuthorizationErrorCode, message?: string) {
    super(message ?? (code === 'unauthenticated' ? 'Sign in required.' : 'Your role does not allow this.'));
    this.code = code;
    this.status = code === 'unauthenticated' ? 401 : 403;
  }
}

/**
 * The signed-in user, or null. Checks the claims themselves, not just that `auth()` returned
 * something (GHSA-8fpg-xm3f-6cx3). Password users are looked up again in the users file on every
 * call, so removing, disabling or demoting them takes effect on their next request; SSO
 * users keep the role their IdP gave at sign-in until the session ends.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const claims = parseSessionClaims(session?.user);
  if (!claims || isSessionRevoked(claims.sid)) return null;
  const current: SessionUser = { id: claims.id, username: claims.username, name: claims.name, role: claims.role };
  if (claims.provider !== 'credentials') return current;

  try {
    const stored = await findUser(claims.username);
    if (!stored || stored.disabled) return null;
    return { ...current, name: stored.name, role: stored.role };
  } catch (error) {
    // An unreadable users file must not leave a removed user signed in: fail closed.
    console.error('[auth] users file check failed:', (error as Error).message);
    return null;
  }
}

/** The user when they may perform `action`; throws AuthorizationError (401 or 403) otherwise. */
export async function authorize(action: Action): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError('unauthenticated');
  if (!can(user.role, action)) throw new AuthorizationError('forbidden');
  return user;
}

/** The JSON error body every API route returns for an AuthorizationError. */
export function authErrorResponse(error: AuthorizationError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { 'Cache-Control': 'private, no-store' } },
  );
}
