/**
 * Optional single sign-on: the OIDC settings from the environment, and the mapping from the
 * identity provider's group/role claim to one of our roles. Pure functions, edge-safe.
 */
import { ACTIONS, can, isRole, ROLES, type Role } from './permissions';

/** Environment variables as read here; a plain record so tests need not fake all of process.env. */
export type EnvVars = Readonly<Record<string, string | undefined>>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  roleClaim: string;
  /** IdP value (group name, app role) → our role. */
  roleMap: ReadonlyMap<string, Role>;
  /** Role for users whose claim maps to nothing; null means such users are refused. */
  defaultRole: Role | null;
}

export class OidcConfigError extends Error {
  override name = 'OidcConfigError';
}

/** `{"noc-admins":"Administrator","noc":"Full Access"}` → Map; throws on a bad role name. */
export function parseRoleMap(json: string | undefined): ReadonlyMap<string, Role> {
  if (!json?.trim()) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new OidcConfigError('OIDC_ROLE_MAP is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OidcConfigError('OIDC_ROLE_MAP must be a JSON object of claim value → role');
  }
  const map = new Map<string, Role>();
  for (const [claimValue, role] of Object.entries(parsed)) {
    if (!isRole(role)) {
      throw new OidcConfigError(`OIDC_ROLE_MAP["${claimValue}"] must be one of: ${ROLES.join(', ')}`);
    }
    map.set(claimValue, role);
  }
  return map;
}

/** Null when SSO is not configured (any of issuer, client id, client secret missing). */
export function oidcSettingsFromEnv(env: EnvVars = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  const defaultRole = env.OIDC_DEFAULT_ROLE?.trim();
  if (defaultRole && !isRole(defaultRole)) {
    throw new OidcConfigError(`OIDC_DEFAULT_ROLE must be one of: ${ROLES.join(', ')}`);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.OIDC_NAME?.trim() || 'SSO',
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'roles',
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
    defaultRole: defaultRole && isRole(defaultRole) ? defaultRole : null,
  };
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
