import { describe, expect, it } from 'vitest';
import { API_ROUTE_METHODS } from '@/lib/api/route-methods';
import { matchRoute, NEVER_KEPT_API, OFFLINE_READABLE_API, planRequest, type RequestFacts } from './policy';

const ORIGIN = 'http://127.0.0.1:3210';

function facts(
  path: string,
  init: Partial<Omit<RequestFacts, 'headers'>> & { headers?: Record<string, string> } = {},
): RequestFacts {
  return {
    method: init.method ?? 'GET',
    url: path.startsWith('http') ? path : `${ORIGIN}${path}`,
    mode: init.mode ?? 'cors',
    headers: new Headers(init.headers),
  };
}

/** A concrete path for a route pattern. */
const example = (pattern: string) => pattern.replace('[...nextauth]', 'session').replace(/\[[^\]]+\]/g, '7');

describe('what the offline worker may keep', () => {
  const getRoutes = API_ROUTE_METHODS.filter(([, methods]) => methods.includes('GET')).map(([pattern]) => pattern);

  it('has decided, for every API route that answers GET, whether its answers may be kept', () => {
    const undecided = getRoutes.filter(
      (route) => !OFFLINE_READABLE_API.includes(route as never) && !(route in NEVER_KEPT_API),
    );
    expect(undecided, 'add the route to OFFLINE_READABLE_API or NEVER_KEPT_API in lib/offline/policy.ts').toEqual([]);
    expect(OFFLINE_READABLE_API.filter((route) => route in NEVER_KEPT_API)).toEqual([]);
    // And lists no route that does not exist (a typo would silently keep nothing).
    for (const route of [...OFFLINE_READABLE_API, ...Object.keys(NEVER_KEPT_API)]) expect(getRoutes).toContain(route);
  });

  it.each(getRoutes)('GET %s is kept exactly when it is offline-readable', (route) => {
    const plan = planRequest(facts(`${example(route)}?limit=25`), ORIGIN);
    expect(plan.kind).toBe(OFFLINE_READABLE_API.includes(route as never) ? 'api' : 'pass');
  });

  it('never touches a mutation: every method but GET of every route passes by', () => {
    const paths = [...API_ROUTE_METHODS.map(([pattern]) => example(pattern)), '/', '/routers/7', '/field/7', '/login'];
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
      for (const path of paths) {
        expect(planRequest(facts(path, { method }), ORIGIN), `${method} ${path}`).toEqual({ kind: 'pass' });
        expect(planRequest(facts(path, { method, mode: 'navigate' }), ORIGIN), `${method} ${path} (form post)`).toEqual(
          { kind: 'pass' },
        );
        expect(
          planRequest(facts(path, { method, headers: { RSC: '1', 'Next-Action': 'abc' } }), ORIGIN),
          `${method} ${path} (server action)`,
        ).toEqual({ kind: 'pass' });
      }
    }
  });

  it('never keeps a live stream, even on a route that is otherwise kept', () => {
    expect(planRequest(facts('/api/alerts', { headers: { Accept: 'text/event-stream' } }), ORIGIN).kind).toBe('pass');
  });

  it('passes a link straight to an API route (a download) and anything of another origin', () => {
    expect(planRequest(facts('/api/fleet/routers', { mode: 'navigate' }), ORIGIN).kind).toBe('pass');
    expect(planRequest(facts('https://tiles.example.org/3/4/5.png'), ORIGIN).kind).toBe('pass');
    expect(planRequest(facts('https://elsewhere.example/routers/7', { mode: 'navigate' }), ORIGIN).kind).toBe('pass');
  });

  it('keeps pages under their path and query, without the fragment or the navigation payload marker', () => {
    expect(planRequest(facts('/routers/7?tab=signal#chart', { mode: 'navigate' }), ORIGIN)).toEqual({
      kind: 'page',
      key: `${ORIGIN}/routers/7?tab=signal`,
    });
    expect(planRequest(facts('/routers/7?tab=signal&_rsc=x1', { headers: { RSC: '1' } }), ORIGIN)).toEqual({
      kind: 'page-data',
      pageKey: `${ORIGIN}/routers/7?tab=signal`,
    });
    expect(
      planRequest(facts('/routers/7?_rsc=x1', { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } }), ORIGIN).kind,
    ).toBe('pass');
    expect(
      planRequest(
        facts('/routers/7?_rsc=x1', { headers: { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' } }),
        ORIGIN,
      ).kind,
    ).toBe('pass');
  });

  it('treats the sign-in page as the end of a session, and never keeps it', () => {
    expect(planRequest(facts('/login?callbackUrl=%2F', { mode: 'navigate' }), ORIGIN).kind).toBe('signed-out');
    expect(planRequest(facts('/login?_rsc=1', { headers: { RSC: '1' } }), ORIGIN).kind).toBe('signed-out');
  });

  it('keeps build assets and icons, not the worker itself nor other framework paths', () => {
    expect(planRequest(facts('/_next/static/chunks/app-1a2b.js'), ORIGIN).kind).toBe('asset');
    expect(planRequest(facts('/icons/icon-192.png'), ORIGIN).kind).toBe('public-file');
    expect(planRequest(facts('/manifest.webmanifest'), ORIGIN).kind).toBe('public-file');
    expect(planRequest(facts('/sw.js'), ORIGIN).kind).toBe('pass');
    expect(planRequest(facts('/_next/image?url=x'), ORIGIN).kind).toBe('pass');
  });
});

describe('matchRoute', () => {
  it('matches dynamic and catch-all segments and nothing longer or shorter', () => {
    expect(matchRoute(['/api/routers/[id]'], '/api/routers/12')).toBe('/api/routers/[id]');
    expect(matchRoute(['/api/routers/[id]'], '/api/routers/12/live')).toBeNull();
    expect(matchRoute(['/api/routers/[id]'], '/api/routers')).toBeNull();
    expect(matchRoute(['/api/auth/[...nextauth]'], '/api/auth/callback/oidc')).toBe('/api/auth/[...nextauth]');
  });
});
