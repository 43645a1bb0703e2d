/**
 * Every BFF route × method × role, generated from the permission table. Anonymous
 * calls get 401, roles without the action get 403, and in both cases NCM receives no call. A route
 * file or method missing from ROUTES fails the test, so new endpoints cannot skip the matrix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Action, can, ROLES, type Role } from '@/lib/auth/permissions';

const session = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }));
// Acknowledgements and the webhook secret live in the store: keep this test's writes in a temp file.
vi.hoisted(() => {
  process.env.STORE_PATH = `${require('node:os').tmpdir()}/fleet-permissions-${process.pid}.db`;
});
const ncmCalls = vi.hoisted(() => ({ count: 0 }));

vi.mock('@/lib/auth/index', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/auth/users-file', () => ({
  findUser: vi.fn(async (username: string) => ({
    username,
    name: username,
    role: session.current?.role,
    disabled: false,
  })),
}));
vi.mock('@/lib/ncm', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  const counted: Record<string, unknown> = { ...actual };
  for (const [name, value] of Object.entries(actual)) {
    if (typeof value === 'function' && /^(list|get|update)/.test(name) && name !== 'getNcmConfig') {
      counted[name] = vi.fn(async () => {
        ncmCalls.count += 1;
        throw new Error(`NCM call ${name} reached in a permission test`);
      });
    }
  }
  return counted;
});

interface RouteCase {
  action: Action;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** The handler answers from our own store or stream without calling NCM (allowed ≠ "reaches NCM"). */
  reachesNcm?: false;
  /**
   * PUBLIC BY DESIGN: called by NCM, not a browser, so no session check; authenticated by the HMAC
   * signature instead (proxy.ts must exclude it). Tested below: session or not, unsigned → 401.
   */
  public?: 'ncm-signature';
}

const ROUTES: Record<string, Record<string, RouteCase>> = {
  'app/api/routers/route.ts': { GET: { action: 'routers:read', path: '/api/routers' } },
  'app/api/routers/[id]/route.ts': {
    GET: { action: 'routers:read', path: '/api/routers/12', params: { id: '12' } },
    PATCH: { action: 'routers:update', path: '/api/routers/12', params: { id: '12' }, body: { name: 'x' } },
  },
  'app/api/routers/[id]/live/route.ts': {
    GET: { action: 'routers:read', path: '/api/routers/12/live', params: { id: '12' } },
  },
  'app/api/routers/[id]/reboot/route.ts': {
    POST: { action: 'routers:reboot', path: '/api/routers/12/reboot', params: { id: '12' }, body: {} },
  },
  'app/api/routers/[id]/signal/route.ts': {
    GET: { action: 'routers:read', path: '/api/routers/12/signal?window=24h&width=800', params: { id: '12' } },
  },
  'app/api/routers/[id]/usage/route.ts': {
    GET: { action: 'routers:read', path: '/api/routers/12/usage?window=7d&width=800', params: { id: '12' } },
  },
  'app/api/routers/[id]/track/route.ts': {
    GET: { action: 'routers:read', path: '/api/routers/12/track?window=24h&width=800&zoom=12', params: { id: '12' } },
  },
  'app/api/routers/[id]/series-export/route.ts': {
    GET: {
      action: 'routers:export',
      path: '/api/routers/12/series-export?window=24h&kind=signal',
      params: { id: '12' },
    },
  },
  'app/api/groups/route.ts': { GET: { action: 'routers:read', path: '/api/groups' } },
  'app/api/sessions/end/route.ts': {
    POST: {
      action: 'sessions:manage',
      path: '/api/sessions/end',
      body: { userId: 'credentials:someone' },
      reachesNcm: false,
    },
  },
  'app/api/fleet/routers/route.ts': { GET: { action: 'routers:read', path: '/api/fleet/routers' } },
  'app/api/fleet/routers/export/route.ts': { GET: { action: 'routers:export', path: '/api/fleet/routers/export' } },
  'app/api/fleet/map/route.ts': { GET: { action: 'routers:read', path: '/api/fleet/map?zoom=3' } },
  // --- alerts & activity slice ---
  'app/api/alerts/route.ts': { GET: { action: 'alerts:read', path: '/api/alerts' } },
  'app/api/alerts/unacked-count/route.ts': { GET: { action: 'alerts:read', path: '/api/alerts/unacked-count' } },
  'app/api/alerts/stream/route.ts': { GET: { action: 'alerts:read', path: '/api/alerts/stream', reachesNcm: false } },
  'app/api/alerts/[id]/ack/route.ts': {
    // Reaches NCM (the alert window) to check the alert exists before anything is written.
    POST: { action: 'alerts:acknowledge', path: '/api/alerts/a-1/ack', params: { id: 'a-1' }, body: { comment: 'x' } },
  },
  'app/api/ncm-webhook/route.ts': {
    POST: {
      action: 'alerts:read',
      path: '/api/ncm-webhook',
      body: { type: 'router_offline' },
      public: 'ncm-signature',
    },
  },
};

const root = join(__dirname, '..', '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [relative(root, path)] : [];
  });
}

function claims(role: Role) {
  return {
    id: 'u1',
    username: 'someone',
    name: 'Someone',
    role,
    provider: 'credentials',
    authTime: Math.floor(Date.now() / 1000),
    sid: 'sid-0123456789abcdef',
  };
}

async function call(
  file: string,
  method: string,
  c: RouteCase,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ join(root, file))) as Record<
    string,
    (req: Request, ctx: unknown) => Promise<Response>
  >;
  const request = new Request(`http://127.0.0.1:3210${c.path}`, {
    method,
    headers: {
      ...(c.body
        ? { 'content-type': 'application/json', origin: 'http://127.0.0.1:3210', host: '127.0.0.1:3210' }
        : {}),
      ...extraHeaders,
    },
    body: c.body ? JSON.stringify(c.body) : undefined,
  });
  return mod[method](request, { params: Promise.resolve(c.params ?? {}) });
}

beforeEach(() => {
  session.current = null;
  ncmCalls.count = 0;
  // Allowed calls end in the mocked NCM's error, which the BFF logs; keep the output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('BFF route permission matrix', () => {
  it('covers every route file and every exported method (except the Auth.js handler)', async () => {
    const files = routeFiles(join(root, 'app', 'api')).filter((f) => !f.includes('[...nextauth]'));
    expect(files.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      const exported = METHODS.filter((m) => new RegExp(`export (async )?function ${m}\\b`).test(source));
      expect(exported.sort(), file).toEqual(Object.keys(ROUTES[file]).sort());
    }
  });

  for (const [file, methods] of Object.entries(ROUTES)) {
    for (const [method, c] of Object.entries(methods)) {
      if (c.public) {
        for (const role of [null, ...ROLES]) {
          it(`${method} ${c.path} (public, ${c.public}) as ${role ?? 'anonymous'}: unsigned or forged → 401, no NCM call`, async () => {
            session.current = role ? ({ user: claims(role), role } as Record<string, unknown>) : null;
            const unsigned = await call(file, method, c);
            expect(unsigned.status).toBe(401);
            const forged = await call(file, method, c, { 'x-cp-signature': 'ab'.repeat(32) });
            expect(forged.status).toBe(401);
            expect(await forged.text()).toBe('');
            expect(ncmCalls.count).toBe(0);
          });
        }
        continue;
      }
      it(`${method} ${c.path}: anonymous → 401 JSON, no NCM call`, async () => {
        const response = await call(file, method, c);
        expect(response.status).toBe(401);
        expect(response.headers.get('cache-control')).toBe('private, no-store');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
        expect(ncmCalls.count).toBe(0);
      });

      it(`${method} ${c.path}: a session whose claims do not parse is anonymous`, async () => {
        session.current = { user: { name: 'x' }, role: 'Administrator' };
        const response = await call(file, method, c);
        expect(response.status).toBe(401);
        expect(ncmCalls.count).toBe(0);
      });

      for (const role of ROLES) {
        const allowed = can(role, c.action);
        it(`${method} ${c.path} as ${role}: ${allowed ? 'reaches NCM' : '403, no NCM call'}`, async () => {
          session.current = { user: claims(role), role } as Record<string, unknown>;
          const response = await call(file, method, c);
          if (allowed && c.reachesNcm === false) {
            expect(response.status).not.toBe(403);
            expect(response.status).not.toBe(401);
            expect(response.status).toBeLessThan(500);
            await response.body?.cancel();
          } else if (allowed) {
            // The mocked NCM throws, so an allowed call ends in a 500 after reaching it.
            expect(ncmCalls.count).toBeGreaterThan(0);
            expect(response.status).not.toBe(403);
            expect(response.status).not.toBe(401);
          } else {
            expect(response.status).toBe(403);
            expect(ncmCalls.count).toBe(0);
          }
        });
      }
    }
  }
});
