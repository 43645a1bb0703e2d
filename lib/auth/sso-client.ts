import 'server-only';
/**
 * The dashboard's own calls to the identity provider after sign-in (Auth.js makes the sign-in ones):
 * refreshing tokens, reading userinfo to re-check a role, and finding where to end the provider's
 * session. Through oauth4webapi, the OAuth library Auth.js itself is built on.
 */
import * as oauth from 'oauth4webapi';
import { processSingleton } from '@/lib/process-state';
import type { OidcSettings } from '@/lib/env';

/** Tokens kept (sealed) with a single sign-on session. */
export interface ProviderTokens {
  accessToken: string;
  /** Epoch seconds; 0 when the provider did not say. */
  accessExpiresAt: number;
  refreshToken: string | null;
  idToken: string | null;
}

/** The provider answered, and its answer was "no": the session is over. */
export class ProviderRefusedError extends Error {
  override name = 'ProviderRefusedError';
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;

const discoveries = processSingleton(
  'sso-discovery',
  () => new Map<string, { at: number; as: Promise<oauth.AuthorizationServer> }>(),
);

const PROVIDER_TIMEOUT_MS = 5000;

function requestOptions(settings: OidcSettings) {
  // A provider on plain http (a test or on-premises provider) is accepted as Auth.js's own sign-in
  // requests accept it.
  const insecure = new URL(settings.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  return { ...insecure, signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) };
}

export function authorizationServer(settings: OidcSettings, now = Date.now()): Promise<oauth.AuthorizationServer> {
  const cached = discoveries.get(settings.issuer);
  if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.as;
  const issuer = new URL(settings.issuer);
  const as = oauth
    .discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(settings) })
    .then((response) => oauth.processDiscoveryResponse(issuer, response));
  discoveries.set(settings.issuer, { at: now, as });
  as.catch(() => discoveries.delete(settings.issuer));
  return as;
}

const client = (settings: OidcSettings): oauth.Client => ({ client_id: settings.clientId });

/** New tokens and the claims of a new ID token, if the provider issued one. */
export async function refreshTokens(
  settings: OidcSettings,
  tokens: ProviderTokens,
  nowSeconds: number,
): Promise<{ tokens: ProviderTokens; idClaims: Record<string, unknown> | null }> {
  if (!tokens.refreshToken) throw new ProviderRefusedError('no refresh token');
  const as = await authorizationServer(settings);
  const response = await oauth.refreshTokenGrantRequest(
    as,
    client(settings),
    oauth.ClientSecretBasic(settings.clientSecret),
    tokens.refreshToken,
    requestOptions(settings),
  );
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processRefreshTokenResponse(as, client(settings), response);
  } catch (error) {
    // invalid_grant and friends: the provider ended or revoked the grant.
    if (error instanceof oauth.ResponseBodyError) throw new ProviderRefusedError(error.error);
    throw error;
  }
  const idClaims = oauth.getValidatedIdTokenClaims(result) ?? null;
  return {
    tokens: {
      accessToken: result.access_token,
      accessExpiresAt: typeof result.expires_in === 'number' ? nowSeconds + result.expires_in : 0,
      refreshToken: result.refresh_token ?? tokens.refreshToken,
      idToken: result.id_token ?? tokens.idToken,
    },
    idClaims: idClaims ? { ...idClaims } : null,
  };
}

/** The userinfo claims for the session's subject; a refused token is a ProviderRefusedError. */
export async function readUserinfo(
  settings: OidcSettings,
  accessToken: string,
  subject: string,
): Promise<Record<string, unknown>> {
  const as = await authorizationServer(settings);
  const response = await oauth.userInfoRequest(as, client(settings), accessToken, requestOptions(settings));
  if (response.status === 401 || response.status === 403) throw new ProviderRefusedError(`userinfo ${response.status}`);
  return { ...(await oauth.processUserInfoResponse(as, client(settings), subject, response)) };
}

/**
 * Where to send the browser so the provider ends its own session too (RP-initiated logout), or
 * null when the provider offers no end-session endpoint.
 */
export async function endSessionUrl(
  settings: OidcSettings,
  idToken: string | null,
  postLogoutUri: string,
): Promise<string | null> {
  const as = await authorizationServer(settings);
  if (!as.end_session_endpoint) return null;
  const url = new URL(as.end_session_endpoint);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', postLogoutUri);
  return url.toString();
}
