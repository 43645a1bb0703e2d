/**
 * The methods each API route answers, for the proxy: an unsupported method gets 405 with `Allow`
 * before any handler runs (Next itself answers 500 for methods it does not know, such as TRACE, and
 * its own 405 carries no `Allow`). route-methods.test.ts checks this table against the route files.
 * Edge-safe and pure.
 */
export const API_ROUTE_METHODS: ReadonlyArray<readonly [pattern: string, methods: readonly string[]]> = [
  ['/api/activity', ['GET']],
  ['/api/alerts', ['GET']],
  ['/api/alerts/[id]/ack', ['POST']],
  ['/api/alerts/stream', ['GET']],
  ['/api/alerts/unacked-count', ['GET']],
  ['/api/auth/[...nextauth]', ['GET', 'POST']],
  ['/api/fleet/map', ['GET']],
  ['/api/fleet/overview', ['GET']],
  ['/api/fleet/routers', ['GET']],
  ['/api/fleet/routers/export', ['GET']],
  ['/api/groups', ['GET']],
  ['/api/ncm-webhook', ['POST']],
  ['/api/routers', ['GET']],
  ['/api/routers/[id]', ['GET', 'PATCH']],
  ['/api/routers/[id]/live', ['GET']],
  ['/api/routers/[id]/reboot', ['POST']],
  ['/api/routers/[id]/series-export', ['GET']],
  ['/api/routers/[id]/signal', ['GET']],
  ['/api/routers/[id]/track', ['GET']],
  ['/api/routers/[id]/usage', ['GET']],
  ['/api/sessions/end', ['POST']],
];

/** Pages answer GET (and HEAD), and POST for server actions. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'] as const;

function matches(pattern: string, segments: string[]): boolean {
  const parts = pattern.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('[...')) return segments.length > i;
    if (i >= segments.length) return false;
    if (!part.startsWith('[') && part !== segments[i]) return false;
  }
  return parts.length === segments.length;
}

/** The methods the route at `pathname` allows (HEAD and OPTIONS as Next adds them), or null when no route matches. */
export function allowedMethods(pathname: string): string[] | null {
  const segments = pathname.split('/').filter(Boolean);
  const route = API_ROUTE_METHODS.find(([pattern]) => matches(pattern, segments));
  if (!route) return null;
  const methods = [...route[1]];
  if (methods.includes('GET')) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods;
}
