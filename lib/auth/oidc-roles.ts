/**
 * Optional single sign-on: the redirect URIs registered at the provider, and the mapping from the
 * identity provider's group/role claim to one of our roles (the OIDC settings themselves are read by
 * lib/env). Pure functions, edge-safe.
 */
import type { OidcSettings } from '@/lib/env';
import { ACTIONS, can, type Role } from './permissions';

/** Where the provider sends users back after sign-in: register exactly this at the provider. */
export function ssoRedirectUri(publicOrigin: string): string {
  return `${publicOrigin}/api/auth/callback/oidc`;
}

/** Where the provider sends users after it ended its own session (RP-initiated logout). */
export function ssoPostLogoutUri(publicOrigin: string): string {
  return `${publicOrigin}/login`;
}

/**
 * The most privileged of our roles that the claim maps to (a user in both "noc" and "noc-admins"
 * is an Administrator), else the default role, else null. The claim may be a string or a list.
 */
export function roleFromClaims(
  claims: Readonly<Record<string, unknown>>,
  settings: Pick<OidcSettings, 'roleClaim' | 'roleMap' | 'defaultRole'>,
): Role | null {
  const raw = claims[settings.roleClaim];
  const values = Array.isArray(raw) ? raw : [raw];
  const mapped = values
    .filter((value): value is string => typeof value === 'string')
    .map((value) => settings.roleMap.get(value))
    .filter((role): role is Role => role !== undefined);
  if (mapped.length === 0) return settings.defaultRole;
  return mapped.reduce((best, role) => (privilege(role) > privilege(best) ? role : best));
}

/** How many actions a role may perform: ranks roles from the permission table, not a second list. */
function privilege(role: Role): number {
  return ACTIONS.filter((action) => can(role, action)).length;
}

/**
 * The claims of the ID token and of userinfo together: userinfo wins for single values, and the role
 * claim is the union of both, since providers differ in where they put groups (many only in userinfo).
 */
export function mergeClaims(
  idClaims: Readonly<Record<string, unknown>> | null,
  userinfo: Readonly<Record<string, unknown>> | null,
  roleClaim: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(idClaims ?? {}), ...(userinfo ?? {}) };
  const values = [idClaims?.[roleClaim], userinfo?.[roleClaim]].flatMap((value) =>
    value === undefined || value === null ? [] : Array.isArray(value) ? value : [value],
  );
  if (values.length > 0) merged[roleClaim] = [...new Set(values)];
  return merged;
}
