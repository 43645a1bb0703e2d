import { beforeEach, describe, expect, it, vi } from 'vitest';

// getSessionUser() asks Auth.js (./index) and the users file; both are replaced here.
const mocks = vi.hoisted(() => ({ auth: vi.fn(), findUser: vi.fn() }));
vi.mock('./index', () => ({ auth: mocks.auth }));
vi.mock('./users-file', () => ({ findUser: mocks.findUser }));

import { AuthorizationError, authErrorResponse, authorize, getSessionUser } from './session';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sessionFor(user: Record<string, unknown>) {
  return { user, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

const viewerClaims = {
  id: 'credentials:viewer',
  username: 'viewer',
  name: 'Vera',
  role: 'Read Only',
  provider: 'credentials',
  authTime: nowSeconds(),
  sid: 'sid-0123456789abcdef',
};

beforeEach(() => {
  mocks.auth.mockReset();
  mocks.findUser.mockReset();
  mocks.findUser.mockImplementation(async (username: string) =>
    username === 'viewer' ? { username: 'viewer', name: 'Vera', role: 'Read Only', disabled: false } : null,
  );
});

describe('getSessionUser', () => {
  it('returns the user for valid claims', async () => {
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    expect(await getSessionUser()).toEqual({ id: 'credentials:viewer', username: 'viewer', name: 'Vera', role: 'Read Only' });
  });

  it.each([
    ['no session', null],
    ['a session without user', { expires: 'x' }],
    ['a truthy error-like object', { message: 'Configuration error', user: {} }],
    ['an unknown role', sessionFor({ ...viewerClaims, role: 'Superuser' })],
    ['a username that is not a string', sessionFor({ ...viewerClaims, username: 7 })],
    ['a missing provider', sessionFor({ ...viewerClaims, provider: undefined })],
  ])('returns null for %s', async (_case, session) => {
    mocks.auth.mockResolvedValue(session);
    expect(await getSessionUser()).toBeNull();
  });

  it('treats a signed-out (revoked) session as anonymous, and only that session', async () => {
    const { revokeSession } = await import('./revocation');
    const other = { ...viewerClaims, sid: 'sid-other-session-0001' };
    revokeSession(other.sid, Date.now() + 60_000);
    mocks.auth.mockResolvedValue(sessionFor(other));
    expect(await getSessionUser()).toBeNull();
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    expect(await getSessionUser()).not.toBeNull();
  });

  it('drops a credentials user who was removed or disabled', async () => {
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    mocks.findUser.mockResolvedValueOnce(null);
    expect(await getSessionUser()).toBeNull();
    mocks.findUser.mockResolvedValueOnce({ username: 'viewer', name: 'Vera', role: 'Read Only', disabled: true });
    expect(await getSessionUser()).toBeNull();
  });

  it('takes the current role from the users file', async () => {
    mocks.auth.mockResolvedValue(sessionFor({ ...viewerClaims, role: 'Administrator' }));
    expect((await getSessionUser())?.role).toBe('Read Only');
  });

  it('fails closed when the users file cannot be read', async () => {
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    mocks.findUser.mockRejectedValue(new Error('EACCES'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await getSessionUser()).toBeNull();
  });

  it('keeps the token role for SSO users without consulting the users file', async () => {
    mocks.auth.mockResolvedValue(
      sessionFor({ ...viewerClaims, id: 'oidc:abc', username: 'viewer', provider: 'oidc', role: 'Full Access' }),
    );
    expect((await getSessionUser())?.role).toBe('Full Access');
    expect(mocks.findUser).not.toHaveBeenCalled();
  });
});

describe('authorize', () => {
  it('throws 401 without a valid session', async () => {
    mocks.auth.mockResolvedValue({ user: { name: 'someone' } });
    const error = await authorize('routers:read').catch((e) => e);
    expect(error).toBeInstanceOf(AuthorizationError);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('throws 403 when the role may not act', async () => {
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    await expect(authorize('routers:update')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('returns the user when the role may act', async () => {
    mocks.auth.mockResolvedValue(sessionFor(viewerClaims));
    expect(await authorize('routers:read')).toMatchObject({ username: 'viewer' });
  });

  it('uses the demoted role from the users file', async () => {
    mocks.auth.mockResolvedValue(sessionFor({ ...viewerClaims, role: 'Administrator' }));
    await expect(authorize('routers:update')).rejects.toMatchObject({ status: 403 });
  });
});

describe('authErrorResponse', () => {
  it('renders the JSON envelope, uncacheable', async () => {
    const response = authErrorResponse(new AuthorizationError('forbidden'));
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
  });
});
