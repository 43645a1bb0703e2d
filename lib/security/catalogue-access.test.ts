/**
 * Attack catalogue, part 1: who may call what. One test per attack, named by what it checks; each runs
 * the real route handlers, session checks, users file and NCM client against a loopback NCM that
 * records every call. (Part 2: catalogue-upstream.test.ts; browser-level cases: e2e/security.spec.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decode, encode } from '@auth/core/jwt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSharedReads } from '@/lib/reads';
import { API_ROUTE_METHODS } from '@/lib/api/route-methods';
import { authConfig } from '@/lib/auth/auth.config';
import { authorizeCredentials, type CredentialsDependencies, ThrottledSignin } from '@/lib/auth/credentials';
import { clientKeyFromHeaders, LoginThrottle } from '@/lib/auth/login-throttle';
import { endSignedInSession } from '@/lib/auth/session-records';
import { getSessionUser } from '@/lib/auth/session';
import { signAlertPush } from '@/lib/ncm';
import { HttpError } from '@/lib/dto/errors';
import { UserRateLimiter } from '@/lib/fleet/user-rate-limit';
import { setupMockNcm } from '@/lib/ncm/test-support/harness';
import { listBody, wireRouter } from '@/lib/ncm/test-support/mock-ncm';
import { APP_ORIGIN, callRoute, claimsFor, SAME_ORIGIN_JSON, writeUsersFile } from './test-support/bff';

const session = vi.hoisted(() => ({ user: null as null | Record<string, unknown> }));
vi.hoisted(() => {
  process.env.STORE_PATH = `${require('node:os').tmpdir()}/fleet-catalogue-access-${process.pid}.db`;
});
vi.mock('@/lib/auth/index', () => ({
  auth: vi.fn(async () => (session.user ? { user: session.user, expires: '' } : null)),
}));

const h = setupMockNcm();
const root = join(__dirname, '..', '..');

beforeEach(() => {
  // Each case asks NCM afresh: shared reads must not carry an answer over from the case before.
  resetSharedReads();
  session.user = null;
  process.env.USERS_FILE = writeUsersFile([
    { username: 'admin', role: 'Administrator' },
    { username: 'viewer', role: 'Read Only' },
    { username: 'diag', role: 'Diagnostic' },
  ]);
  h.mock.setHandler((req) => {
    if (req.url.startsWith('/api/v2/routers/')) return { body: listBody([wireRouter('1')]) };
    return { body: listBody([]) };
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const signInAs = (username: string, role: Parameters<typeof claimsFor>[1]) => {
  session.user = claimsFor(username, role);
};

const paramsOf = (pattern: string): Record<string, string> => (pattern.includes('[id]') ? { id: '1' } : {});
const pathOf = (pattern: string) => pattern.replace('[id]', '1');

describe('attack catalogue: authentication, authorization, CSRF', () => {
  it('every API route answers an anonymous caller 401 and NCM receives nothing', async () => {
    const routes = API_ROUTE_METHODS.filter(
      ([pattern]) => !pattern.startsWith('/api/auth') && pattern !== '/api/ncm-webhook',
    );
    expect(routes.length).toBeGreaterThan(8);
    for (const [pattern, methods] of routes) {
      for (const method of methods) {
        const body = method === 'GET' ? undefined : '{}';
        const response = await callRoute(pattern, method, pathOf(pattern), {
          params: paramsOf(pattern),
          headers: body ? SAME_ORIGIN_JSON : {},
          body,
        });
        expect(response.status, `${method} ${pattern}`).toBe(401);
      }
    }
    expect(h.mock.requests).toHaveLength(0);
  });

  it('a forged internal middleware header does not get an anonymous caller past a handler', async () => {
    for (const value of [
      'middleware',
      'middleware:middleware:middleware:middleware:middleware',
      'src/middleware',
      'proxy:proxy:proxy:proxy:proxy',
    ]) {
      const response = await callRoute('/api/routers', 'GET', '/api/routers', {
        headers: { 'x-middleware-subrequest': value },
      });
      expect(response.status, value).toBe(401);
    }
    expect(h.mock.requests).toHaveLength(0);
  });

  it('roles without the right to edit are refused a router change, and NCM sees no write', async () => {
    for (const [username, role] of [
      ['viewer', 'Read Only'],
      ['diag', 'Diagnostic'],
    ] as const) {
      signInAs(username, role);
      const response = await callRoute('/api/routers/[id]', 'PATCH', '/api/routers/1', {
        params: { id: '1' },
        headers: SAME_ORIGIN_JSON,
        body: JSON.stringify({ name: 'renamed' }),
      });
      expect(response.status, role).toBe(403);
    }
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('no server action can change anything: mutations are route handlers that authorize', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === 'node_modules' || name.startsWith('.')) return [];
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const actionFiles = ['app', 'lib', 'components']
      .flatMap((dir) => files(join(root, dir)))
      .filter((file) => /^\s*['"]use server['"]/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
      .sort();
    // Sign-in and sign-out only: an action added here must authorize like a route handler, and be added to this list.
    // The display preference action only sets the caller's own theme and time-zone cookies: it reads
    // and changes no data, so it needs no role.
    expect(actionFiles).toEqual(['app/login/actions.ts', 'lib/auth/actions.ts', 'lib/display/actions.ts']);
  });

  it('a tampered token, a token under another secret and an expired session are no session', async () => {
    const secret = 'a'.repeat(40);
    const salt = 'authjs.session-token';
    const token = await encode({
      token: { sub: 'x', fleetConsole: claimsFor('admin', 'Administrator') },
      secret,
      salt,
    });
    expect(await decode({ token, secret, salt })).toMatchObject({ sub: 'x' });
    const flipped = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    await expect(decode({ token: flipped, secret, salt })).rejects.toThrow();
    await expect(decode({ token, secret: 'b'.repeat(40), salt })).rejects.toThrow();
    const expired = {
      fleetConsole: { ...claimsFor('admin', 'Administrator'), authTime: Math.floor(Date.now() / 1000) - 9 * 3600 },
    };
    expect(
      authConfig.callbacks.jwt({ token: expired } as unknown as Parameters<typeof authConfig.callbacks.jwt>[0]),
    ).toBeNull();
  });

  it('a session copied before sign-out is refused after it', async () => {
    signInAs('admin', 'Administrator');
    expect(await getSessionUser()).not.toBeNull();
    endSignedInSession(session.user as unknown as Parameters<typeof endSignedInSession>[0], 'signed out');
    expect(await getSessionUser()).toBeNull();
    expect((await callRoute('/api/routers', 'GET', '/api/routers')).status).toBe(401);
  });

  it('a demoted or disabled user loses their rights on their next request', async () => {
    signInAs('admin', 'Administrator');
    process.env.USERS_FILE = writeUsersFile([{ username: 'admin', role: 'Read Only' }]);
    const patch = () =>
      callRoute('/api/routers/[id]', 'PATCH', '/api/routers/1', {
        params: { id: '1' },
        headers: SAME_ORIGIN_JSON,
        body: JSON.stringify({ name: 'x' }),
      });
    expect((await patch()).status).toBe(403);
    process.env.USERS_FILE = writeUsersFile([{ username: 'admin', role: 'Administrator', disabled: true }]);
    expect((await patch()).status).toBe(401);
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('a mutation from another site, without the JSON content type, or as a plain form is refused before NCM', async () => {
    signInAs('admin', 'Administrator');
    const attempts: Array<[Record<string, string>, number]> = [
      [{ ...SAME_ORIGIN_JSON, origin: 'https://evil.example' }, 403],
      [{ ...SAME_ORIGIN_JSON, 'sec-fetch-site': 'cross-site' }, 403],
      [{ ...SAME_ORIGIN_JSON, 'content-type': 'text/plain' }, 415],
      [{ ...SAME_ORIGIN_JSON, 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ];
    for (const [headers, status] of attempts) {
      const response = await callRoute('/api/routers/[id]', 'PATCH', '/api/routers/1', {
        params: { id: '1' },
        headers,
        body: JSON.stringify({ name: 'x' }),
      });
      expect(response.status, JSON.stringify(headers)).toBe(status);
    }
    expect(h.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it('over HTTPS the session cookie is Secure, HttpOnly and host-only (__Host-)', async () => {
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = 'https://fleet.example.com';
    vi.resetModules();
    try {
      const { authConfig: httpsConfig } = await import('@/lib/auth/auth.config');
      expect(httpsConfig.useSecureCookies).toBe(true);
      expect(httpsConfig.cookies?.sessionToken?.name).toMatch(/^__Host-/);
      expect(httpsConfig.cookies?.sessionToken?.options).toMatchObject({
        secure: true,
        httpOnly: true,
        path: '/',
        sameSite: 'lax',
      });
      expect(httpsConfig.cookies?.sessionToken?.options).not.toHaveProperty('domain');
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = saved;
      vi.resetModules();
    }
  });

  it('the NCM webhook accepts only deliveries signed with our secret', async () => {
    const { getPushSecret } = await import('@/lib/alerts/push-registration');
    const body = JSON.stringify({ type: 'router_offline' });
    const post = (signature?: string) =>
      callRoute('/api/ncm-webhook', 'POST', '/api/ncm-webhook', {
        body,
        headers: signature ? { 'x-cp-signature': signature } : {},
      });
    expect((await post()).status).toBe(401);
    expect((await post('ab'.repeat(32))).status).toBe(401);
    expect((await post(signAlertPush('not-our-secret', body))).status).toBe(401);
    // Signed correctly, it gets past authentication (this body is no alert, so: 400, not 401).
    expect((await post(signAlertPush(getPushSecret(), body))).status).toBe(400);
  });
});

describe('attack catalogue: abuse', () => {
  const deps = (throttle: LoginThrottle, headers: (h: Headers) => string): CredentialsDependencies => ({
    verify: async (username, password) =>
      username === 'admin' && password === 'right'
        ? { username: 'admin', name: 'A', role: 'Administrator', disabled: false }
        : null,
    throttle,
    clientKey: headers,
    knownDevice: () => null,
    rememberDevice: async () => undefined,
    sleep: async () => undefined,
  });
  const attempt = (username: string, password: string, d: CredentialsDependencies, xff = '203.0.113.9') =>
    authorizeCredentials(
      { username, password },
      new Request(`${APP_ORIGIN}/api/auth/callback/credentials`, { headers: { 'x-forwarded-for': xff } }),
      d,
    );

  it('password guessing is slowed per account and client, unknown users look like wrong passwords, spoofed addresses buy nothing', async () => {
    const trusted = deps(new LoginThrottle(), (headers) => clientKeyFromHeaders(headers, { TRUST_PROXY: '1' }));
    expect(await attempt('ghost', 'x', trusted)).toBeNull();
    expect(await attempt('admin', 'wrong', trusted)).toBeNull();
    let refused: unknown;
    for (let i = 0; i < 20 && !refused; i++)
      refused = await attempt('admin', 'wrong', trusted).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(ThrottledSignin);
    expect((refused as ThrottledSignin).retryAfterSeconds).toBeGreaterThan(0);

    const untrusted = deps(new LoginThrottle(), (headers) => clientKeyFromHeaders(headers, {}));
    let spoofRefused: unknown;
    for (let i = 0; i < 20 && !spoofRefused; i++) {
      spoofRefused = await attempt('admin', 'wrong', untrusted, `10.0.${i}.1`).then(
        () => undefined,
        (e: unknown) => e,
      );
    }
    expect(spoofRefused).toBeInstanceOf(ThrottledSignin);
  });

  it('one user flooding the fleet routes is limited with Retry-After while another is not', () => {
    let now = 0;
    const limiter = new UserRateLimiter(120, 10_000, () => now);
    for (let i = 0; i < 120; i++) limiter.take('flooder');
    let error: unknown;
    try {
      limiter.take('flooder');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(429);
    expect(Number((error as HttpError).headers['Retry-After'])).toBeGreaterThan(0);
    expect(() => limiter.take('colleague')).not.toThrow();
    now += 10_000;
    expect(() => limiter.take('flooder')).not.toThrow();
  });
});
