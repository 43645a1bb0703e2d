import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ headers: new Headers(), authorize: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => mocks.headers }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('redirect'), { to });
  },
}));
vi.mock('@/lib/auth/session', () => {
  class AuthorizationError extends Error {
    constructor(readonly code: string) {
      super(code);
    }
    get status() {
      return this.code === 'unauthenticated' ? 401 : 403;
    }
  }
  return { AuthorizationError, authorize: mocks.authorize };
});

import { AuthorizationError } from '@/lib/auth/session';
import { pathWithSearch, requirePageUser } from './page-auth';

const redirectedTo = async (run: Promise<unknown>) =>
  decodeURIComponent(String(((await run.catch((e) => e)) as { to?: string }).to));

beforeEach(() => {
  mocks.headers = new Headers();
  mocks.authorize.mockRejectedValue(
    new (AuthorizationError as unknown as new (code: string) => Error)('unauthenticated'),
  );
});

describe('requirePageUser', () => {
  it('sends an anonymous visitor to sign in, coming back to the whole deep link', async () => {
    expect(await redirectedTo(requirePageUser('routers:read', '/routers/7', { tab: 'modems', range: ['24h'] }))).toBe(
      '/login?callbackUrl=/routers/7?tab=modems&range=24h',
    );
  });

  it('uses the path and query the proxy saw, as layouts are not given the query', async () => {
    mocks.headers.set('x-fleet-request-path', '/routers/7?tab=modems');
    expect(await redirectedTo(requirePageUser('routers:read', '/routers/7'))).toBe(
      '/login?callbackUrl=/routers/7?tab=modems',
    );
  });

  it('ignores a seen path of another page, and anything off this origin', async () => {
    mocks.headers.set('x-fleet-request-path', '//evil.example/routers/7');
    expect(await redirectedTo(requirePageUser('routers:read', '/routers/7'))).toBe('/login?callbackUrl=/routers/7');
    mocks.headers.set('x-fleet-request-path', '/alerts?x=1');
    expect(await redirectedTo(requirePageUser('routers:read', '/routers/7'))).toBe('/login?callbackUrl=/routers/7');
  });

  it('lets a 403 through to the page', async () => {
    mocks.authorize.mockRejectedValue(new (AuthorizationError as unknown as new (code: string) => Error)('forbidden'));
    await expect(requirePageUser('activity:read', '/activity')).rejects.toMatchObject({ status: 403 });
  });
});

describe('pathWithSearch', () => {
  it('keeps repeated values and leaves a bare path bare', () => {
    expect(pathWithSearch('/map', { state: ['online', 'offline'], x: undefined })).toBe(
      '/map?state=online&state=offline',
    );
    expect(pathWithSearch('/map')).toBe('/map');
  });
});
