import 'server-only';
import { redirect } from 'next/navigation';
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
 * For pages: the same check as every data function, but an anonymous visitor (or one whose session
 * was ended) is sent to the login page, coming back afterwards to the same view, query included.
 */
export async function requirePageUser(action: Action, pathname: string, search?: SearchParams): Promise<SessionUser> {
  try {
    return await authorize(action);
  } catch (err) {
    if (err instanceof AuthorizationError && err.status === 401) {
      redirect(`/login?callbackUrl=${encodeURIComponent(safeRedirectPath(pathWithSearch(pathname, search)))}`);
    }
    throw err;
  }
}
