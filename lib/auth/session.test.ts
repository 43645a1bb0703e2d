import { beforeEach, describe, expect, it, vi } from 'vitest';

// getSessionUser() asks Auth.js (./index) and the users file; both are replaced here.
const mocks = vi.hoisted(() => ({ auth: vi.fn(), findUser: vi.fn(), confirmSsoRole: vi.fn() }));
vi.mock('./index', () => ({ auth: mocks.auth }));
vi.mock('./users-file', () => ({ findUser: mocks.findUser }));
vi.mock('./sso-role-check', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./sso-role-check')>()),
  confirmSsoRole: mocks.confirmSsoRole,
}));

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
    expect(await getSessionUser()).toEqual({
      id: 'credentials:viewer',
      provider: 'credentials',
      username: 'viewer',
      name: 'Vera',
      role: 'Read Only',
    });
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
    const { endSignedInSession } = await import('./session-records');
    const other = {
      ...viewerClaims,
      role: 'Read Only' as const,
      provider: 'credentials' as const,
      sid: 'sid-other-session-0001',
    };
    endSignedInSession(other, 'signed out');
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

  describe('single sign-on users', () => {
    const ssoClaims = { ...viewerClaims, id: 'oidc:abc', username: 'viewer', provider: 'oidc', role: 'Full Access' };

    it('get the role the provider last confirmed, never the local account of the same name', async () => {
      mocks.auth.mockResolvedValue(sessionFor(ssoClaims));
      mocks.confirmSsoRole.mockResolvedValue({ role: 'Read Only', name: 'Vera at the IdP' });
      expect(await getSessionUser()).toMatchObject({
        id: 'oidc:abc',
        provider: 'oidc',
        role: 'Read Only',
        name: 'Vera at the IdP',
      });
      expect(mocks.findUser).not.toHaveBeenCalled();
      expect(mocks.confirmSsoRole).toHaveBeenCalledWith(expect.objectContaining({ sid: viewerClaims.sid }), {
        write: false,
      });
    });

    it('lose the session when the provider no longer gives a role', async () => {
      mocks.auth.mockResolvedValue(sessionFor(ssoClaims));
      mocks.confirmSsoRole.mockResolvedValue(null);
      expect(await getSessionUser()).toBeNull();
    });

    it('have their role confirmed before every write, and a write is refused (503) when it cannot be', async () => {
      const { RoleUnconfirmedError } = await import('./sso-role-check');
      mocks.auth.mockResolvedValue(sessionFor(ssoClaims));
      mocks.confirmSsoRole.mockResolvedValue({ role: 'Full Access', name: 'Vera' });
      await authorize('routers:read');
      expect(mocks.confirmSsoRole).toHaveBeenLastCalledWith(expect.anything(), { write: false });
      await authorize('routers:update');
      expect(mocks.confirmSsoRole).toHaveBeenLastCalledWith(expect.anything(), { write: true });
      mocks.confirmSsoRole.mockRejectedValue(new RoleUnconfirmedError('down'));
      await expect(authorize('alerts:acknowledge')).rejects.toMatchObject({ status: 503, code: 'role-unconfirmed' });
    });
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
