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
function withRelativeLocation(response: Response): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  let path: string;
  try {
    const url = new URL(location);
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return response; // already relative
  }
  // A copy: Response.redirect() answers have read-only headers.
  const copy = new Response(response.body, response);
  copy.headers.set('location', path);
  return copy;
}

export function secureResponse(original: Response, { csp, https }: ResponseSecurity): Response {
  const response = withRelativeLocation(original);
  if (csp) response.headers.set('Content-Security-Policy', csp);
  // Browsers ignore HSTS received over http; sending it there would only mislead a reader.
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}
