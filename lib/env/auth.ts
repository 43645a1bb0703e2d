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
}

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

/** Null when SSO is not configured (any of issuer, client id, client secret missing). */
export function oidcSettingsFromEnv(env: EnvSource = process.env): OidcSettings | null {
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

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME', 'OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP', 'OIDC_DEFAULT_ROLE'];

const schema = z.object({
  AUTH_SECRET: text(),
  AUTH_URL: httpUrl('https://fleet.example.com'),
  USERS_FILE: text(),
  TRUST_PROXY: flag(),
  OIDC_ISSUER: httpUrl('https://idp.example.com/realms/noc'),
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
  /** The identity provider's issuer as configured, even when SSO is incomplete (the CSP allows it). */
  oidcIssuer: string | null;
  oidc: OidcSettings | null;
}

export const authEnv = envSection('auth', [...Object.keys(schema.shape), ...OIDC_VARIABLES], (env): AuthEnv => {
  const e = parseEnv(schema, env);
  return {
    secret: e.AUTH_SECRET ?? null,
    usersFile: e.USERS_FILE ?? DEFAULT_USERS_FILE,
    usersFileConfigured: e.USERS_FILE !== undefined,
    trustProxy: e.TRUST_PROXY,
    oidcIssuer: e.OIDC_ISSUER ?? null,
    oidc: oidcSettingsFromEnv(env),
  };
});

/** What serving in production needs beyond a well-formed configuration. */
export function checkAuthForServing(env: EnvSource): void {
  const secret = env.AUTH_SECRET?.trim();
  if (!secret) throw new EnvError('AUTH_SECRET must be set in production (e.g. openssl rand -hex 32)');
  if (secret.length < MIN_AUTH_SECRET_LENGTH) throw new EnvError(`AUTH_SECRET must be at least ${MIN_AUTH_SECRET_LENGTH} characters long`);
}
