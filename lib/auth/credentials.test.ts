import { describe, expect, it, vi } from 'vitest';
import { authorizeCredentials, type CredentialsDependencies, ThrottledSignin, throttledRetryAfter } from './credentials';
import { LoginThrottle } from './login-throttle';
import type { StoredUser } from './users-file';

const ADMIN: StoredUser = { username: 'admin', name: 'Ada', role: 'Administrator', disabled: false };
const request = new Request('http://127.0.0.1:3210/api/auth/callback/credentials', { method: 'POST' });

function setup() {
  const verify = vi.fn(async (username: string, password: string) =>
    username === 'admin' && password === 'right' ? ADMIN : null,
  );
  const throttle = new LoginThrottle({ perAccount: { maxFailures: 3, windowMs: 60_000 } });
  const dependencies: CredentialsDependencies = { verify, throttle, clientKey: () => 'client-1' };
  return { verify, throttle, dependencies };
}

describe('authorizeCredentials', () => {
  it('signs in with the right password', async () => {
    const { dependencies } = setup();
    expect(await authorizeCredentials({ username: ' Admin ', password: 'right' }, request, dependencies)).toEqual({
      id: 'credentials:admin',
      username: 'admin',
      name: 'Ada',
      role: 'Administrator',
    });
  });

  it('fails the same way for an unknown user and a wrong password, and counts both', async () => {
    const { dependencies, throttle } = setup();
    expect(await authorizeCredentials({ username: 'admin', password: 'wrong' }, request, dependencies)).toBeNull();
    expect(await authorizeCredentials({ username: 'ghost', password: 'x' }, request, dependencies)).toBeNull();
    expect(await authorizeCredentials({}, request, dependencies)).toBeNull();
    expect(throttle.check('ghost', 'elsewhere').allowed).toBe(true);
  });

  it('refuses a throttled attempt without verifying the password, even a correct one', async () => {
    const { dependencies, verify } = setup();
    for (let i = 0; i < 3; i++) await authorizeCredentials({ username: 'admin', password: 'bad' }, request, dependencies);
    verify.mockClear();
    const attempt = authorizeCredentials({ username: 'admin', password: 'right' }, request, dependencies);
    await expect(attempt).rejects.toBeInstanceOf(ThrottledSignin);
    expect(verify).not.toHaveBeenCalled();
  });

  it('tells the login page how long to wait', async () => {
    const { dependencies } = setup();
    for (let i = 0; i < 3; i++) await authorizeCredentials({ username: 'admin', password: 'bad' }, request, dependencies);
    const error = await authorizeCredentials({ username: 'admin', password: 'x' }, request, dependencies).catch((e) => e);
    expect(error.code).toBe('throttled');
    expect(throttledRetryAfter(error)).toBe(60);
    expect(throttledRetryAfter(new Error('other'))).toBeNull();
  });
});
