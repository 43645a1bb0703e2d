import 'server-only';
/**
 * What went wrong in a sign-in, said plainly. Auth.js sends every single sign-on failure but a
 * cancel to its error page as `error=Configuration`, and logs it with its cause (which can hold the
 * authorization code and state). Here its logger notes the failure in the request's context, the
 * Auth.js route turns the redirect into `/login?error=<what happened>`, and the log gets one line.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from '@/lib/process-state';

/** The `error` values the login page explains (app/login/login-messages.ts). */
export const SSO_FAILURES = {
  cancelled: 'SsoCancelled',
  refusedByProvider: 'SsoProviderError',
  expired: 'SsoExpired',
  codeRejected: 'SsoCodeRejected',
  unavailable: 'SsoUnavailable',
} as const;
type SsoFailure = (typeof SSO_FAILURES)[keyof typeof SSO_FAILURES];

interface Noted {
  failure?: SsoFailure;
  /** The `error` a provider put in the callback URL (Auth.js does not keep it on the error it throws). */
  providerError?: string | null;
}

const context = processSingleton('auth-request-context', () => new AsyncLocalStorage<Noted>());

/** A provider's error code as OAuth spells them (`access_denied`); anything else is not repeated. */
function oauthCode(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : null;
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** oauth4webapi's codes for a response that fails its checks (state, issuer, ID-token claims, times). */
const RESPONSE_CHECKS = new Set([
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
]);

export interface Classified {
  failure: SsoFailure;
  /** Safe for a log line: a fixed phrase and at most an OAuth error code. */
  reason: string;
}

export function classifyAuthError(error: unknown, providerError: string | null = null): Classified | null {
  const type = field(error, 'type');
  if (typeof type !== 'string') return null;
  const cause = field(error, 'cause');
  if (type === 'OAuthCallbackError') {
    const code = oauthCode(field(cause, 'error')) ?? oauthCode(providerError);
    if (code === 'access_denied')
      return { failure: SSO_FAILURES.cancelled, reason: 'cancelled at the provider (access_denied)' };
    return { failure: SSO_FAILURES.refusedByProvider, reason: `the provider answered ${code ?? 'an error'}` };
  }
  if (type === 'InvalidCheck') {
    return {
      failure: SSO_FAILURES.expired,
      reason: 'state, PKCE or nonce check failed (expired, replayed or altered)',
    };
  }
  if (type === 'CallbackRouteError' || type === 'OAuthSignInError') {
    const inner = field(cause, 'err');
    const code = oauthCode(field(inner, 'error'));
    if (code === 'invalid_grant')
      return { failure: SSO_FAILURES.codeRejected, reason: 'the provider refused the code (invalid_grant)' };
    // The OAuth library's own checks: a response that does not belong to this sign-in (e.g. another state).
    const check = field(inner, 'code');
    if (typeof check === 'string' && RESPONSE_CHECKS.has(check)) {
      return { failure: SSO_FAILURES.expired, reason: `the provider's response did not match this sign-in (${check})` };
    }
    return { failure: SSO_FAILURES.unavailable, reason: `callback failed${code ? ` (${code})` : ''}` };
  }
  return null;
}

/** Called by Auth.js's logger: one line, and the failure noted for the redirect. */
export function noteAuthError(error: unknown): boolean {
  const noted = context.getStore();
  const classified = classifyAuthError(error, noted?.providerError ?? null);
  if (!classified) return false;
  if (noted) noted.failure = classified.failure;
  console.warn(`[auth] single sign-on refused: ${classified.reason}`);
  return true;
}

/**
 * Runs an Auth.js endpoint. A redirect to the login page's error carries what happened, and a
 * redirect back into the dashboard becomes a path: Auth.js builds it on the request's origin, which
 * Next rewrites (a loopback IP becomes `localhost`), and a different host would lose the session cookie.
 */
export function withSignInErrors(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const noted: Noted = { providerError: oauthCode(new URL(request.url).searchParams.get('error')) };
    const response = await context.run(noted, () => handler(request));
    const location = response.headers.get('location');
    if (!location) return response;
    let target: URL;
    try {
      target = new URL(location, request.url);
    } catch {
      return response;
    }
    if (target.origin !== new URL(request.url).origin) return response;
    if (target.pathname === '/login' && noted.failure && target.searchParams.get('error') !== 'AccessDenied') {
      target.searchParams.set('error', noted.failure);
    }
    const headers = new Headers(response.headers);
    headers.set('location', `${target.pathname}${target.search}${target.hash}`);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
