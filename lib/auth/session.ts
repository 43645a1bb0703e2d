import 'server-only';
/**
 * The session boundary: every route handler, server action and data function asks here, and
 * only here, who the caller is and whether they may act. The proxy's redirect is a convenience;
 * this is the check.
 */
import { type AuthProvider, parseSessionClaims } from './claims';
import { auth } from './index';
import { type Action, can, type Role, WRITE_ACTIONS } from './permissions';
import { confirmSsoRole, RoleUnconfirmedError } from './sso-role-check';
import { findUser } from './users-file';
import { findSession, touchSession } from '@/lib/store/sessions';

export interface SessionUser {
  /** `credentials:<username>` or `oidc:<subject>`: the identity; never shared between the two kinds. */
  id: string;
  provider: AuthProvider;
  username: string;
  name: string;
  role: Role;
}

/** "Last seen" on the sessions page is kept to the minute: one store write per session per minute at most. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

export type AuthorizationErrorCode = 'unauthenticated' | 'forbidden' | 'role-unconfirmed';

const DEFAULT_MESSAGES: Record<AuthorizationErrorCode, string> = {
  unauthenticated: 'Sign in required.',
  forbidden: 'Your role does not allow this.',
  'role-unconfirmed': 'The identity provider could not confirm your role. Try again shortly.',
};
const STATUS: Record<AuthorizationErrorCode, 401 | 403 | 503> = {
  unauthenticated: 401,
  forbidden: 403,
  'role-unconfirmed': 503,
};

export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
  readonly status: 401 | 403 | 503;
  readonly code: AuthorizationErrorCode;

  constructor(code: AuthorizationErrorCode, message?: string) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.code = code;
    this.status = STATUS[code];
  }
}

/**
 * The signed-in user, or null. Checks the claims themselves, not just that `auth()` returned
 * something (GHSA-8fpg-xm3f-6cx3), and that the session was not ended (signed out, or ended by an
 * Administrator). Password users are looked up again in the users file on every call, so removing,
 * disabling or demoting them takes effect on their next request; single sign-on users get the role
 * the provider last confirmed (lib/auth/sso-role-check.ts), asked again before a write.
 */
export async function getSessionUser({ write = false }: { write?: boolean } = {}): Promise<SessionUser | null> {
  const session = await auth();
  const claims = parseSessionClaims(session?.user);
  if (!claims) return null;
  // Sessions are stateless JWTs: without this record a token copied before sign-out, or re-issued by
  // a request in flight during it, would stay valid until it expires.
  const record = findSession(claims.sid);
  if (record?.endedAt != null) return null;
  const now = Math.floor(Date.now() / 1000);
  if (record && now - record.lastSeenAt >= LAST_SEEN_RESOLUTION_SECONDS) touchSession(claims.sid, now);
  const current: SessionUser = {
    id: claims.id,
    provider: claims.provider,
    username: claims.username,
    name: claims.name,
    role: claims.role,
  };
  if (claims.provider === 'oidc') {
    try {
      const confirmed = await confirmSsoRole(claims, { write });
      return confirmed ? { ...current, ...confirmed } : null;
    } catch (error) {
      if (error instanceof RoleUnconfirmedError) throw new AuthorizationError('role-unconfirmed');
      throw error;
    }
  }

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
  const user = await getSessionUser({ write: WRITE_ACTIONS.has(action) });
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
