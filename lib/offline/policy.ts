/**
 * What the service worker may keep, decided per request before anything is fetched. Pure and
 * browser-safe: the worker bundle and the unit tests import it alike.
 *
 * Only GETs of our own origin are ever considered: a mutation (POST, PUT, PATCH, DELETE, server
 * actions) never reaches a cache, and neither does anything of another origin (map tiles).
 * API routes are kept only when they are listed here as offline-readable; a new route stays out of
 * every cache until someone decides otherwise (policy.test.ts makes that decision explicit).
 */

/** GET routes whose last answer a technician may read again offline (patterns as in the route table). */
export const OFFLINE_READABLE_API = [
  '/api/alerts',
  '/api/alerts/unacked-count',
  '/api/fleet/map',
  '/api/fleet/routers',
  '/api/groups',
  '/api/routers',
  '/api/routers/[id]',
  '/api/routers/[id]/live',
  '/api/routers/[id]/signal',
  '/api/routers/[id]/track',
  '/api/routers/[id]/usage',
] as const;

/**
 * GET routes that are never kept, and why: sign-in state, a live stream that has no end to store, and
 * CSV exports (whole data sets the user downloads on purpose, not pages they looked at).
 */
export const NEVER_KEPT_API = {
  '/api/auth/[...nextauth]': 'sign-in, sign-out and session endpoints',
  '/api/alerts/stream': 'a live Server-Sent Events stream',
  '/api/fleet/routers/export': 'a CSV export',
  '/api/routers/[id]/series-export': 'a CSV export',
} as const;

export type RequestPlan =
  /** Not ours to touch: the browser fetches it as if there were no service worker. */
  | { kind: 'pass' }
  /** The sign-in page: whoever comes next must not find the last user's pages. */
  | { kind: 'signed-out' }
  /** A document load of a dashboard page: network first, the kept copy when the network is gone. */
  | { kind: 'page'; key: string }
  /** A client-side navigation's payload: passed through; a copy of the page is kept afterwards. */
  | { kind: 'page-data'; pageKey: string }
  /** An offline-readable API answer: network first, the kept copy when the network is gone. */
  | { kind: 'api'; key: string }
  /** Build output with a content hash in its name: never changes, so the kept copy is always right. */
  | { kind: 'asset'; key: string }
  /** Icons and the manifest: network first, kept for offline. */
  | { kind: 'public-file'; key: string };

export interface RequestFacts {
  method: string;
  url: string;
  /** `navigate` for document loads. */
  mode: string;
  headers: Headers;
}

/** Next's query parameter that only varies the client-side navigation payload's cache key. */
const RSC_QUERY = '_rsc';

function segmentsMatch(pattern: string, pathname: string): boolean {
  const parts = pattern.split('/').filter(Boolean);
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('[...')) return segments.length > i;
    if (i >= segments.length) return false;
    if (!part.startsWith('[') && part !== segments[i]) return false;
  }
  return parts.length === segments.length;
}

/** The route pattern `pathname` belongs to, among `patterns`, or null. */
export function matchRoute(patterns: readonly string[], pathname: string): string | null {
  return patterns.find((pattern) => segmentsMatch(pattern, pathname)) ?? null;
}

/** The key a page is kept under: its path and query, without the fragment or Next's `_rsc`. */
function pageKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  copy.searchParams.delete(RSC_QUERY);
  return copy.href;
}

function isSignInPath(pathname: string): boolean {
  return pathname === '/login' || pathname.startsWith('/login/');
}

const PUBLIC_FILES = new Set(['/manifest.webmanifest', '/icon.svg', '/favicon.ico']);

export function planRequest(request: RequestFacts, origin: string): RequestPlan {
  if (request.method !== 'GET') return { kind: 'pass' };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'pass' };
  }
  if (url.origin !== origin) return { kind: 'pass' };
  const { pathname } = url;

  if (pathname === '/api' || pathname.startsWith('/api/')) {
    // A link straight to an API route is a download (CSV), not something read on a page.
    if (request.mode === 'navigate') return { kind: 'pass' };
    if ((request.headers.get('accept') ?? '').includes('text/event-stream')) return { kind: 'pass' };
    return matchRoute(OFFLINE_READABLE_API, pathname) ? { kind: 'api', key: url.href } : { kind: 'pass' };
  }
  if (pathname.startsWith('/_next/static/')) return { kind: 'asset', key: `${url.origin}${pathname}` };
  if (pathname.startsWith('/_next/')) return { kind: 'pass' };
  if (pathname.startsWith('/icons/') || PUBLIC_FILES.has(pathname))
    return { kind: 'public-file', key: `${url.origin}${pathname}` };
  if (pathname === '/sw.js') return { kind: 'pass' };
  if (isSignInPath(pathname))
    return request.mode === 'navigate' || request.headers.get('rsc') === '1'
      ? { kind: 'signed-out' }
      : { kind: 'pass' };

  if (request.headers.get('rsc') === '1') {
    // Prefetches fetch what someone might open, not what they opened.
    if (request.headers.has('next-router-prefetch') || request.headers.has('next-router-segment-prefetch'))
      return { kind: 'pass' };
    return { kind: 'page-data', pageKey: pageKey(url) };
  }
  if (request.mode === 'navigate') return { kind: 'page', key: pageKey(url) };
  return { kind: 'pass' };
}
