import type { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { authConfig } from './auth.config';
import { SESSION_MAX_AGE_SECONDS } from './claims';

type AuthorizedParams = Parameters<typeof authConfig.callbacks.authorized>[0];
type JwtParams = Parameters<typeof authConfig.callbacks.jwt>[0];

function authorized(path: string, user?: Record<string, unknown>) {
  const url = new URL(path, 'http://127.0.0.1:3210');
  const request = { nextUrl: url } as unknown as NextRequest;
  const auth = user ? { user, expires: '' } : null;
  return authConfig.callbacks.authorized({ request, auth } as AuthorizedParams);
}

const claims = {
  id: 'credentials:admin',
  username: 'admin',
  name: 'Ada',
  role: 'Administrator',
  provider: 'credentials',
  authTime: Math.floor(Date.now() / 1000),
  sid: 'sid-0123456789abcdef',
};

describe('authorized (proxy pre-filter)', () => {
  it('lets the login page and Auth.js endpoints through', () => {
    expect(authorized('/login')).toBe(true);
    expect(authorized('/api/auth/session')).toBe(true);
  });

  it('answers anonymous API calls with a 401 JSON', async () => {
    const response = authorized('/api/routers');
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(401);
    expect(await (response as Response).json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue' },
    });
  });

  it('redirects anonymous page loads to /login with a relative callbackUrl', () => {
    const response = authorized('/routers/42?tab=status') as Response;
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('callbackUrl')).toBe('/routers/42?tab=status');
  });

  it('never puts a path that normalises off-site into the callbackUrl', () => {
    // Next hands the proxy a parsed URL, so `/.//evil.example` arrives as the path `//evil.example`.
    for (const path of ['/.//evil.example', '/a/..//evil.example', '/%2e//evil.example']) {
      const location = new URL((authorized(path) as Response).headers.get('location') ?? '');
      expect(location.origin).toBe('http://127.0.0.1:3210');
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('callbackUrl')).toBeNull();
    }
  });

  it('treats a session with invalid claims as anonymous', () => {
    expect(authorized('/api/routers', { name: 'x' })).toBeInstanceOf(Response);
    expect(authorized('/api/routers', { ...claims, role: 'Root' })).toBeInstanceOf(Response);
    expect(authorized('/api/routers', claims)).toBe(true);
  });
});

describe('redirect callback (every redirect Auth.js builds)', () => {
  const baseUrl = 'http://127.0.0.1:3210';
  const redirect = (url: string) => authConfig.callbacks.redirect({ url, baseUrl });

  it.each([
    ['/routers?x=1', `${baseUrl}/routers?x=1`],
    ['/login', `${baseUrl}/login`],
    [`${baseUrl}/alerts`, `${baseUrl}/alerts`],
  ])('keeps the same-origin target %s', (url, expected) => {
    expect(redirect(url)).toBe(expected);
  });

  it('keeps a target on PUBLIC_URL when Next rewrote the request host (127.0.0.1 → localhost)', () => {
    const previous = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = 'http://127.0.0.1:3210';
    try {
      const rewritten = 'http://localhost:3210';
      expect(
        authConfig.callbacks.redirect({ url: 'http://127.0.0.1:3210/routers/7?tab=modems', baseUrl: rewritten }),
      ).toBe(`${rewritten}/routers/7?tab=modems`);
      expect(authConfig.callbacks.redirect({ url: 'http://127.0.0.2:3210/x', baseUrl: rewritten })).toBe(rewritten);
    } finally {
      if (previous === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = previous;
    }
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    `${baseUrl}/.//evil.example`,
    'javascript:alert(1)',
  ])('sends %s home instead', (url) => {
    expect(redirect(url)).toBe(baseUrl);
  });
});

describe('jwt and session callbacks', () => {
  const jwt = (params: Partial<JwtParams>) => authConfig.callbacks.jwt({ token: {}, ...params } as JwtParams);

  it('stores validated claims at sign-in', () => {
    const token = jwt({
      user: { id: 'credentials:admin', username: 'admin', name: 'Ada', role: 'Administrator' } as JwtParams['user'],
      account: { provider: 'credentials', type: 'credentials', providerAccountId: 'credentials:admin' },
    });
    expect(token).toMatchObject({
      sub: 'credentials:admin',
      fleetConsole: { role: 'Administrator', provider: 'credentials' },
    });
  });

  it('uses the IdP subject as the id of an SSO user', () => {
    const token = jwt({
      user: { id: 'random-uuid', username: 'ann@example.com', name: 'Ann', role: 'Full Access' } as JwtParams['user'],
      account: { provider: 'oidc', type: 'oidc', providerAccountId: 'sub-123' },
    });
    expect(token).toMatchObject({ sub: 'oidc:sub-123' });
  });

  it('refuses a sign-in without a valid role', () => {
    const user = { id: 'x', username: 'ann', name: 'Ann', role: null } as unknown as JwtParams['user'];
    expect(jwt({ user, account: { provider: 'oidc', type: 'oidc', providerAccountId: 's' } })).toBeNull();
    expect(
      authConfig.callbacks.signIn({ user, account: null } as Parameters<typeof authConfig.callbacks.signIn>[0]),
    ).toBe(false);
  });

  it('clears tokens without claims or past the absolute lifetime', () => {
    expect(jwt({ token: { sub: 'x' } })).toBeNull();
    const old = { ...claims, authTime: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 1 };
    expect(jwt({ token: { fleetConsole: old } })).toBeNull();
    expect(jwt({ token: { fleetConsole: claims } })).toMatchObject({ fleetConsole: claims });
  });
});
