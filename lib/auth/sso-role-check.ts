import 'server-only';
/**
 * A single sign-on user's role is the provider's to give, and it can change at any time. It is
 * asked again at most every OIDC_ROLE_RECHECK_SECONDS for reads and before every write; a user the
 * provider no longer maps to a role, or no longer knows, loses the session on that check.
 */
import { processSingleton } from '@/lib/process-state';
import { findSession, type SessionRecord, updateCheckedRole } from '@/lib/store/sessions';
import type { SessionClaims } from './claims';
import { authEnv, type OidcSettings } from '@/lib/env';
import { mergeClaims, roleFromClaims } from './oidc-roles';
import { isRole, type Role } from './permissions';
import { endSignedInSession } from './session-records';
import { ProviderRefusedError, type ProviderTokens, readUserinfo, refreshTokens } from './sso-client';
import { seal, unseal } from './token-seal';

export interface ConfirmedRole {
  role: Role;
  name: string;
}

/** The provider could not be asked before a write: the write is refused, the session stays. */
export class RoleUnconfirmedError extends Error {
  override name = 'RoleUnconfirmedError';
}

/** After a failed attempt to reach the provider, reads keep the last role this long before asking again. */
const RETRY_AFTER_FAILURE_SECONDS = 30;
/** Refresh an access token this long before the provider says it expires. */
const EXPIRY_MARGIN_SECONDS = 30;

const inFlight = processSingleton('sso-role-checks', () => new Map<string, Promise<ConfirmedRole | null>>());
const lastFailure = processSingleton('sso-role-check-failures', () => new Map<string, number>());

function isProviderTokens(value: unknown): value is ProviderTokens {
  const v = value as Partial<ProviderTokens> | null;
  return typeof v?.accessToken === 'string' && typeof v.accessExpiresAt === 'number';
}

function subjectOf(claims: SessionClaims): string {
  return claims.id.startsWith('oidc:') ? claims.id.slice('oidc:'.length) : claims.id;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim().length > 0);
}

/** One line, no tokens: the error's class and, for provider answers, its error code. */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 120)}`;
  return 'unknown error';
}

async function askProvider(
  settings: OidcSettings,
  claims: SessionClaims,
  record: SessionRecord,
  now: number,
  write: boolean,
) {
  const stored = record.sealedTokens ? unseal(record.sealedTokens) : null;
  if (!isProviderTokens(stored)) {
    endSignedInSession(claims, 'the provider tokens of this session are gone', now);
    return null;
  }
  let tokens = stored;
  let idClaims: Record<string, unknown> | null = null;
  try {
    if (tokens.accessExpiresAt > 0 && tokens.accessExpiresAt - EXPIRY_MARGIN_SECONDS <= now) {
      ({ tokens, idClaims } = await refreshTokens(settings, tokens, now));
    }
    let userinfo: Record<string, unknown>;
    try {
      userinfo = await readUserinfo(settings, tokens.accessToken, subjectOf(claims));
    } catch (error) {
      // An access token revoked early: one refresh, then the provider's word is final.
      if (!(error instanceof ProviderRefusedError) || idClaims || !tokens.refreshToken) throw error;
      ({ tokens, idClaims } = await refreshTokens(settings, tokens, now));
      userinfo = await readUserinfo(settings, tokens.accessToken, subjectOf(claims));
    }
    const current = mergeClaims(idClaims, userinfo, settings.roleClaim);
    const role = roleFromClaims(current, settings);
    if (!role) {
      console.warn(`[auth] ${claims.id} has no Fleet Console role at the provider any more; session ended`);
      endSignedInSession(claims, 'no role at the provider', now);
      return null;
    }
    const name = firstString(current.name, record.name, claims.name) ?? claims.username;
    updateCheckedRole(claims.sid, { role, name, checkedAt: now, sealedTokens: seal(tokens) });
    lastFailure.delete(claims.sid);
    if (role !== record.role)
      console.info(`[auth] role of ${claims.id} changed at the provider: ${record.role} → ${role}`);
    return { role, name };
  } catch (error) {
    if (error instanceof ProviderRefusedError) {
      console.warn(
        `[auth] the provider no longer accepts the session of ${claims.id} (${error.message}); session ended`,
      );
      endSignedInSession(claims, 'refused by the provider', now);
      return null;
    }
    lastFailure.set(claims.sid, now);
    console.warn(`[auth] could not re-check the role of ${claims.id} with the provider (${describeError(error)})`);
    if (write) throw new RoleUnconfirmedError('The identity provider could not confirm your role. Try again shortly.');
    return isRole(record.role) ? { role: record.role, name: record.name } : null;
  }
}

/**
 * The role a single sign-on session may act with now, or null when the session is over.
 * `write`: the caller is about to change something, so the provider is asked now.
 */
export async function confirmSsoRole(
  claims: SessionClaims,
  { write, now = Math.floor(Date.now() / 1000) }: { write: boolean; now?: number },
): Promise<ConfirmedRole | null> {
  const settings = authEnv().oidc;
  // Single sign-on switched off: its sessions end with it.
  if (!settings) return null;
  const record = findSession(claims.sid);
  if (!record || record.endedAt !== null || record.userId !== claims.id || !isRole(record.role)) return null;
  const failedAt = lastFailure.get(claims.sid);
  const due =
    write ||
    (now - record.roleCheckedAt >= settings.recheckSeconds &&
      (failedAt === undefined || now - failedAt >= RETRY_AFTER_FAILURE_SECONDS));
  if (!due) return { role: record.role, name: record.name };

  // Concurrent requests of one session share one question to the provider (a write never joins a
  // read's, which would answer with the last role when the provider is down).
  const key = `${claims.sid}:${write ? 'write' : 'read'}`;
  const running = inFlight.get(key);
  if (running) return running;
  const check = askProvider(settings, claims, record, now, write).finally(() => inFlight.delete(key));
  inFlight.set(key, check);
  return check;
}
