/**
 * The optional SSO provider (generic OIDC), built from OIDC_* environment variables. The role comes
 * from the provider's role claim, read from the ID token and from userinfo (many providers put
 * groups only in userinfo); a user whose claim maps to no role gets no user, and the signIn callback
 * refuses them.
 */
import type { OIDCConfig } from 'next-auth/providers';
import { type EnvVars, mergeClaims, type OidcSettings, oidcSettingsFromEnv, roleFromClaims } from './oidc-roles';

export const OIDC_PROVIDER_ID = 'oidc';

type OidcProfile = Record<string, unknown>;

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim().length > 0);
}

/** The ID token's claims; Auth.js has already verified its signature, issuer, audience and nonce. */
function idTokenClaims(idToken: unknown): Record<string, unknown> | null {
  if (typeof idToken !== 'string') return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
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
    authorization: { params: { scope: settings.scopes.join(' ') } },
    // Ask userinfo too (Auth.js checks its subject against the ID token's); profile() merges both.
    idToken: false,
    // Both the authorization request and the code exchange name this redirect URI, built from
    // PUBLIC_URL. Left to itself Auth.js takes it from each request's URL, and the two differ when
    // the browser uses a loopback IP (Next rewrites it to `localhost` in one of them) or a proxy
    // changes the host.
    redirectProxyUrl: `${settings.publicOrigin}/api/auth`,
    profile(userinfo, tokens) {
      const claims = mergeClaims(idTokenClaims(tokens.id_token), userinfo, settings.roleClaim);
      const subject = firstString(claims.sub) ?? '';
      const username = firstString(claims.preferred_username, claims.email, claims.sub) ?? '';
      const role = roleFromClaims(claims, settings);
      // Fields the jwt callback validates; a missing role (null) makes the signIn callback refuse.
      return {
        id: subject,
        name: firstString(claims.name, username) ?? username,
        email: firstString(claims.email) ?? null,
        username,
        role,
      };
    },
  };
}

/** The SSO provider when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
export function optionalOidcProviders(env: EnvVars = process.env): OIDCConfig<OidcProfile>[] {
  const settings = oidcSettingsFromEnv(env);
  return settings ? [oidcProvider(settings)] : [];
}

/** What the login page needs to know: whether to show the SSO button, and its label. */
export function ssoButtonLabel(env: EnvVars = process.env): string | null {
  const settings = oidcSettingsFromEnv(env);
  return settings ? `Sign in with ${settings.name}` : null;
}
