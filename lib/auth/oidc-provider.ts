/**
 * The optional SSO provider (generic OIDC), built from OIDC_* environment variables. The role
 * comes from the IdP claim at sign-in; a user whose claim maps to no role gets no user, and the
 * signIn callback refuses them.
 */
import type { OIDCConfig } from 'next-auth/providers';
import { authEnv, type EnvSource, type OidcSettings } from '@/lib/env';
import { roleFromClaims } from './oidc-roles';

export const OIDC_PROVIDER_ID = 'oidc';

type OidcProfile = Record<string, unknown>;

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim().length > 0);
}

export function oidcProvider(settings: OidcSettings): OIDCConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: 'oidc',
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    profile(profile) {
      const subject = firstString(profile.sub) ?? '';
      const username = firstString(profile.preferred_username, profile.email, profile.sub) ?? '';
      const role = roleFromClaims(profile, settings);
      // Fields the jwt callback validates; a missing role (null) makes the signIn callback refuse.
      return {
        id: subject,
        name: firstString(profile.name, username) ?? username,
        email: firstString(profile.email) ?? null,
        username,
        role,
      };
    },
  };
}

/** The SSO provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
export function optionalOidcProviders(env: EnvSource = process.env): OIDCConfig<OidcProfile>[] {
  const settings = authEnv(env).oidc;
  return settings ? [oidcProvider(settings)] : [];
}

/** What the login page needs to know: whether to show the SSO button, and its label. */
export function ssoButtonLabel(env: EnvSource = process.env): string | null {
  const settings = authEnv(env).oidc;
  return settings ? `Sign in with ${settings.name}` : null;
}
