/**
 * Sign-in: the session secret, the users file, whether a reverse proxy's forwarded headers are
 * trusted, and the optional single sign-on through an OIDC provider. Edge-safe and pure.
 */
import { z } from 'zod';
import { isRole, ROLES, type Role } from '../auth/permissions';
import { type EnvSource, EnvError, envSection, flag, httpUrl, parseEnv, text } from './read';

/** Auth.js derives its encryption key from this; a short one can be guessed offline from a cookie. */
const MIN_AUTH_SECRET_LENGTH = 32;

const DEFAULT_USERS_FILE = '.data/users.json';

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

const BASE_SCOPES = ['openid', 'profile', 'email'] as const;
const DEFAULT_RECHECK_SECONDS = 300;
const MIN_RECHECK_SECONDS = 5;
const MAX_RECHECK_SECONDS = 3600;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export class OidcConfigError extends EnvError {
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
function parseScopes(value: string | undefined): string[] {
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
    throw new OidcConfigError("OIDC_ISSUER must be the provider's issuer URL");
  }
  return url.origin;
}

/**
 * Null when SSO is not configured (none of issuer, client id, client secret set). Half a
 * configuration, or a bad value in any OIDC_* variable, throws an OidcConfigError naming it; the
 * start-up check calls this, so the server never starts with it.
 */
export function oidcSettingsFromEnv(env: EnvSource = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    const missing = REQUIRED_VARS.filter((name) => !env[name]?.trim());
    throw new OidcConfigError(
      `Single sign-on needs ${REQUIRED_VARS.join(', ')} together; missing: ${missing.join(', ')}`,
    );
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

const OIDC_VARIABLES = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_NAME',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_DEFAULT_ROLE',
  'OIDC_SCOPES',
  'OIDC_ROLE_RECHECK_SECONDS',
  // SSO's redirect URIs are built from it, so it is checked with them.
  'PUBLIC_URL',
];

const schema = z.object({
  AUTH_SECRET: text(),
  AUTH_URL: httpUrl('https://fleet.example.com'),
  USERS_FILE: text(),
  TRUST_PROXY: flag(),
});

export interface AuthEnv {
  /** The session encryption secret (required to serve; see checkServerEnv). */
  secret: string | null;
  /** The users file, relative to the working directory unless absolute. */
  usersFile: string;
  /** USERS_FILE was given (the demo then leaves the file alone instead of writing demo users). */
  usersFileConfigured: boolean;
  /** A reverse proxy we control sets X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
  oidc: OidcSettings | null;
}

export const authEnv = envSection('auth', [...Object.keys(schema.shape), ...OIDC_VARIABLES], (env): AuthEnv => {
  const e = parseEnv(schema, env);
  return {
    secret: e.AUTH_SECRET ?? null,
    usersFile: e.USERS_FILE ?? DEFAULT_USERS_FILE,
    usersFileConfigured: e.USERS_FILE !== undefined,
    trustProxy: e.TRUST_PROXY,
    oidc: oidcSettingsFromEnv(env),
  };
});

/** What serving in production needs beyond a well-formed configuration. */
export function checkAuthForServing(env: EnvSource): void {
  const secret = env.AUTH_SECRET?.trim();
  if (!secret) throw new EnvError('AUTH_SECRET must be set in production (e.g. openssl rand -hex 32)');
  if (secret.length < MIN_AUTH_SECRET_LENGTH)
    throw new EnvError(`AUTH_SECRET must be at least ${MIN_AUTH_SECRET_LENGTH} characters long`);
}
