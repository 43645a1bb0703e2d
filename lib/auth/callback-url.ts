/**
 * Where to send the user after sign-in. Only a same-origin relative path is accepted: anything
 * else (absolute URLs, protocol-relative `//host`, `/\host` which browsers read as `//host`) would
 * be an open redirect, and an absolute URL on another host name would also lose the cookie (Auth.js
 * builds absolute URLs on the request's host). Browser-safe, pure.
 *
 * The check runs on what is returned, not on what came in: URL normalisation turns `/.//host`,
 * `/..//host`, `/%2e//host` or `/a/..//host` into `//host`, which a browser follows off-site.
 */
const FALLBACK = '/';
const PROBE_ORIGIN = 'http://fleet-console.invalid';
const MAX_LENGTH = 2048;

/**
 * The normalised same-origin path (with query and fragment) of `candidate`, or null when it is not
 * one. Used for every redirect target the app builds, including Auth.js's own redirects.
 */
export function sameOriginPath(candidate: unknown): string | null {
  if (!isPlainRelativePath(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  // The result must pass the same test as the input, and must read back as itself: a browser
  // resolves the Location header again, relative to our origin.
  if (!isPlainRelativePath(normalised)) return null;
  const reread = new URL(normalised, PROBE_ORIGIN);
  if (reread.origin !== PROBE_ORIGIN || `${reread.pathname}${reread.search}${reread.hash}` !== normalised) return null;
  return normalised;
}

/** Where to land after sign-in: a same-origin page, never the login page itself or an API route. */
export function safeRedirectPath(candidate: unknown): string {
  const path = sameOriginPath(candidate);
  if (path === null) return FALLBACK;
  const pathname = new URL(path, PROBE_ORIGIN).pathname;
  // Back to the login page would only loop, and an API route is JSON, not a page to land on
  // (a server-action redirect to a route handler leaves the browser on /login).
  if (pathname === '/login' || pathname === '/api' || pathname.startsWith('/api/')) return FALLBACK;
  return path;
}

function isPlainRelativePath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return false;
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  // Backslashes and control characters are normalised by browsers into something else entirely.
  return !value.includes('\\') && !hasControlCharacter(value);
}

function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
