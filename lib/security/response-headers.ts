/**
 * What the proxy adds to every response it lets through. Edge-safe and pure, so the rules are tested
 * without a server.
 */
import { STRICT_TRANSPORT_SECURITY } from './content-security-policy';

export interface ResponseSecurity {
  /** Pages only: the policy carrying this response's nonce. */
  csp?: string;
  https: boolean;
}

/**
 * Auth.js needs an absolute Location, built on whatever Host the request named; the browser needs
 * only the path, which it resolves against the address it actually used. A forged Host or
 * X-Forwarded-Host then cannot steer the redirect (or a cache keyed without it) to another site.
 */
function relativeLocation(response: Response): void {
  const location = response.headers.get('location');
  if (!location) return;
  try {
    const url = new URL(location);
    response.headers.set('location', `${url.pathname}${url.search}${url.hash}`);
  } catch {
    // Already relative.
  }
}

export function secureResponse(response: Response, { csp, https }: ResponseSecurity): Response {
  if (csp) response.headers.set('Content-Security-Policy', csp);
  relativeLocation(response);
  // Browsers ignore HSTS received over http; sending it there would only mislead a reader.
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}
