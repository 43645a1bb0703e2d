import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { REQUEST_PATH_HEADER } from '@/lib/security/request-path';
import { safeRedirectPath } from '@/lib/auth/callback-url';
import type { Action } from '@/lib/auth/permissions';
import { AuthorizationError, authorize, type SessionUser } from '@/lib/auth/session';

type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

/** `/routers/7` + `{ tab: 'modems' }` → `/routers/7?tab=modems`: the whole deep link, not just its path. */
export function pathWithSearch(pathname: string, search: SearchParams = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

/**
 * The view to come back to. Layouts are not given the query, so the path and query the proxy saw
 * are preferred, when they are of this very page; otherwise what the page passed.
 */
async function returnPath(pathname: string, search: SearchParams | undefined): Promise<string> {
  const seen = (await headers()).get(REQUEST_PATH_HEADER);
  if (seen) {
    try {
      const url = new URL(seen, 'http://x');
      if (url.origin === 'http://x' && url.pathname === new URL(pathname, 'http://x').pathname) return seen;
    } catch {
      // not a path: fall through
    }
  }
  return pathWithSearch(pathname, search);
}

/**
 * For pages and layouts: the same check as every data function, but an anonymous visitor (or one
 * whose session was ended) is sent to the login page, coming back afterwards to the same view,
 * query included (e.g. a router's `?tab=modems`).
 */
export async function requirePageUser(action: Action, pathname: string, search?: SearchParams): Promise<SessionUser> {
  try {
    return await authorize(action);
  } catch (err) {
    if (err instanceof AuthorizationError && err.status === 401) {
      redirect(`/login?callbackUrl=${encodeURIComponent(safeRedirectPath(await returnPath(pathname, search)))}`);
    }
    throw err;
  }
}
