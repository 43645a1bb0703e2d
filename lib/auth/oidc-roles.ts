/**
 * Optional single sign-on: the mapping from the identity provider's group/role claim to one of our
 * roles (the OIDC settings themselves are read by lib/env). Pure functions, edge-safe.
 */
import type { OidcSettings } from '@/lib/env';
import { ACTIONS, can, type Role } from './permissions';

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
