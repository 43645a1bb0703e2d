/**
 * Where to send the user after sign-in. Only a same-origin relative path is accepted: anything
 * else (absolute URLs, protocol-relative `//host`, `/\host` which browsers read as `//host`) would
 * be an open redirect, and an absolute URL on another host name would also lose the cookie
 * (TOOLCHAIN pitfall 18). Browser-safe, pure.
 */
const FALLBACK = '/';
const PROBE_ORIGIN = 'http://fleet-console.invalid';

export function safeRedirectPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2048) return FALLBACK;
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return FALLBACK;
  // Backslashes and control characters are normalised by browsers into something else entirely.
  if (candidate.includes('\\') || hasControlCharacter(candidate)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  // Back to the login page would only loop, and an API route is JSON, not a page to land on
  // (a server-action redirect to a route handler leaves the browser on /login).
  if (url.pathname === '/login' || url.pathname === '/api' || url.pathname.startsWith('/api/')) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
