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
  /** Scopes asked for: `openid profile email` plus OIDC_SCOPES (e.g. `groups offline_access`). */
  scopes: readonly string[];
  /** How often a signed-in user's role is asked of the provider again (writes always ask). */
  recheckSeconds: number;
  /** The dashboard's public origin (PUBLIC_URL): the one source of the redirect URIs. */
  publicOrigin: string;
}

export const BASE_SCOPES = ['openid', 'profile', 'email'] as const;
export const DEFAULT_RECHECK_SECONDS = 300;
export const MIN_RECHECK_SECONDS = 5;
export const MAX_RECHECK_SECONDS = 3600;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** Where the provider sends users back after sign-in: register exactly this at the provider. */
export function ssoRedirectUri(publicOrigin: string): string {
  return `${publicOrigin}/api/auth/callback/oidc`;
}

/** Where the provider sends users after it ended its own session (RP-initiated logout). */
export function ssoPostLogoutUri(publicOrigin: string): string {
  return `${publicOrigin}/login`;
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

const REQUIRED_VARS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** `groups offline_access` → the extra scopes; refuses what could not be a scope token. */
export function parseScopes(value: string | undefined): string[] {
  const extra = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const scope of extra) {
    if (!SCOPE_TOKEN.test(scope)) throw new OidcConfigError('OIDC_SCOPES must be scope names separated by spaces');
  }
  return [...new Set([...BASE_SCOPES, ...extra])];
}

function parseRecheckSeconds(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_RECHECK_SECONDS;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < MIN_RECHECK_SECONDS || seconds > MAX_RECHECK_SECONDS) {
    throw new OidcConfigError(
      `OIDC_ROLE_RECHECK_SECONDS must be an integer between ${MIN_RECHECK_SECONDS} and ${MAX_RECHECK_SECONDS}`,
    );
  }
  return seconds;
}

/**
 * The origin users type, from PUBLIC_URL. Both halves of the sign-in (the authorization request and
 * the code exchange) must name the same redirect URI, and the request's own host cannot be it: Next
 * rewrites a loopback IP to `localhost` in one of them, and a proxy in front may change it in both.
 */
function parsePublicOrigin(value: string | undefined, issuer: string): string {
  const raw = value?.trim();
  if (!raw) {
    throw new OidcConfigError(
      'PUBLIC_URL must be set when single sign-on is configured (OIDC_ISSUER): the address users open, ' +
        'e.g. https://fleet.example.com; then register <PUBLIC_URL>/api/auth/callback/oidc as the redirect URI at the provider',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OidcConfigError('PUBLIC_URL must be an http(s) URL such as https://fleet.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OidcConfigError('PUBLIC_URL must be an http(s) URL such as https://fleet.example.com');
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new OidcConfigError('PUBLIC_URL must be an origin without a path when single sign-on is configured');
  }
  try {
    new URL(issuer);
  } catch {
    throw new OidcConfigError('OIDC_ISSUER must be the provider\'s issuer URL');
  }
  return url.origin;
}

/**
 * Null when SSO is not configured (none of issuer, client id, client secret set). Half a
 * configuration, or a bad value in any OIDC_* variable, throws an OidcConfigError naming it; the
 * start-up check calls this, so the server never starts with it.
 */
export function oidcSettingsFromEnv(env: EnvVars = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    const missing = REQUIRED_VARS.filter((name) => !env[name]?.trim());
    throw new OidcConfigError(`Single sign-on needs ${REQUIRED_VARS.join(', ')} together; missing: ${missing.join(', ')}`);
  }
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
    scopes: parseScopes(env.OIDC_SCOPES),
    recheckSeconds: parseRecheckSeconds(env.OIDC_ROLE_RECHECK_SECONDS),
    publicOrigin: parsePublicOrigin(env.PUBLIC_URL, issuer),
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
