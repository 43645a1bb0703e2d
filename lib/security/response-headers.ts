/**
 * What the proxy adds to every response it lets through. Edge-safe and pure, so the rules are tested
 * without a server. (Redirect Locations need nothing here: Next's proxy adapter turns a same-host
 * Location into a path itself, and requires it absolute on the way in.)
 */
import { STRICT_TRANSPORT_SECURITY } from './content-security-policy';

export interface ResponseSecurity {
  /** Pages only: the policy carrying this response's nonce. */
  csp?: string;
  https: boolean;
}

export function secureResponse(response: Response, { csp, https }: ResponseSecurity): Response {
  if (csp) response.headers.set('Content-Security-Policy', csp);
  // Browsers ignore HSTS received over http; sending it there would only mislead a reader.
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}
