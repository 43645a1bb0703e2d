/**
 * Cheap checks the proxy makes on every request before any route runs, so malformed input is a 400
 * and an unsupported method a 405 with `Allow`, instead of a framework 500. No session decoding:
 * each handler still authorizes itself. Edge-safe and pure.
 */
import { allowedMethods, PAGE_METHODS } from './route-methods';

function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** True when every path segment percent-decodes to valid UTF-8 (`%c0%ae` does not). */
function decodesCleanly(rawPathname: string): boolean {
  try {
    for (const segment of rawPathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The raw path as sent, before anything decoded it. */
function rawPathname(url: string): string {
  const afterOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const end = afterOrigin.search(/[?#]/);
  return end === -1 ? afterOrigin : afterOrigin.slice(0, end);
}

/** A refusal for a request no route should see, or null to let it through. */
export function refuseMalformedRequest(request: Request, pathname: string): Response | null {
  if (!decodesCleanly(rawPathname(request.url)) || !decodesCleanly(pathname)) {
    return jsonError(400, 'bad_request', 'The URL is not valid');
  }
  const method = request.method.toUpperCase();
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  const allowed = isApi ? allowedMethods(pathname) : [...PAGE_METHODS];
  // An unknown API path is left to Next's 404.
  if (allowed && !allowed.includes(method)) {
    return jsonError(405, 'method_not_allowed', `${method} is not supported here`, { Allow: allowed.join(', ') });
  }
  return null;
}
