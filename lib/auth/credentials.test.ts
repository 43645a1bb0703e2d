import { describe, expect, it, vi } from 'vitest';
import {
  authorizeCredentials,
  type CredentialsDependencies,
  ThrottledSignin,
  throttledRetryAfter,
} from './credentials';
import { cookieFromHeader, issueKnownDevice, knownDeviceCookieName, knownDeviceFor } from './known-device';
import { LoginThrottle, UNKNOWN_CLIENT } from './login-throttle';
import type { StoredUser } from './users-file';

const ADMIN: StoredUser = { username: 'admin', name: 'Ada', role: 'Administrator', disabled: false };
const SECRET = 'test-secret-0123456789abcdef';
const URL_ = 'http://127.0.0.1:3210/api/auth/callback/credentials';
const request = (cookie?: string) => new Request(URL_, { method: 'POST', headers: cookie ? { cookie } : {} });

/** Real throttle and real known-device cookies; only the users file and the clock of sleep are replaced. */
function setup() {
  const verify = vi.fn(async (username: string, password: string) =>
    username === 'admin' && password === 'right' ? ADMIN : null,
  );
  const throttle = new LoginThrottle();
  const remembered: string[] = [];
  const sleep = vi.fn(async (_ms: number) => undefined);
  const dependencies: CredentialsDependencies = {
    verify,
    throttle,
    clientKey: () => UNKNOWN_CLIENT,
    knownDevice: (headers, account) =>
      knownDeviceFor(cookieFromHeader(headers.get('cookie'), knownDeviceCookieName(false)), account, SECRET),
    rememberDevice: async (account) => {
      remembered.push(issueKnownDevice(account, SECRET));
    },
    sleep,
  };
  return { verify, throttle, dependencies, remembered, sleep };
}

const failTimes = async (n: number, username: string, deps: CredentialsDependencies) => {
  for (let i = 0; i < n; i++)
    await authorizeCredentials({ username, password: 'bad' }, request(), deps).catch(() => null);
};

describe('authorizeCredentials', () => {
  it('signs in with the right password and gives the browser a known-device cookie', async () => {
    const { dependencies, remembered } = setup();
    expect(await authorizeCredentials({ username: ' Admin ', password: 'right' }, request(), dependencies)).toEqual({
      id: 'credentials:admin',
      username: 'admin',
      name: 'Ada',
      role: 'Administrator',
    });
    expect(remembered).toHaveLength(1);
  });

  it('fails the same way for an unknown user and a wrong password', async () => {
    const { dependencies } = setup();
    expect(await authorizeCredentials({ username: 'admin', password: 'wrong' }, request(), dependencies)).toBeNull();
    expect(await authorizeCredentials({ username: 'ghost', password: 'x' }, request(), dependencies)).toBeNull();
    expect(await authorizeCredentials({}, request(), dependencies)).toBeNull();
  });

  it('refuses a throttled attempt without verifying the password, even a correct one', async () => {
    const { dependencies, verify } = setup();
    await failTimes(6, 'admin', dependencies);
    verify.mockClear();
    const attempt = authorizeCredentials({ username: 'admin', password: 'right' }, request(), dependencies);
    await expect(attempt).rejects.toBeInstanceOf(ThrottledSignin);
    expect(verify).not.toHaveBeenCalled();
  });

  it('tells the login page how long to wait', async () => {
    const { dependencies } = setup();
    await failTimes(6, 'admin', dependencies);
    const error = await authorizeCredentials({ username: 'admin', password: 'x' }, request(), dependencies).catch(
      (e) => e,
    );
    expect(error.code).toBe('throttled');
    expect(throttledRetryAfter(error)).toBe(1);
    expect(throttledRetryAfter(new Error('other'))).toBeNull();
  });

  it('after a flood of random usernames, an administrator with the right password still gets in (delayed)', async () => {
    const { dependencies, sleep } = setup();
    for (let i = 0; i < 250; i++) await failTimes(1, `random-${i}`, dependencies);
    const user = await authorizeCredentials({ username: 'admin', password: 'right' }, request(), dependencies);
    expect(user?.role).toBe('Administrator');
    expect(sleep).toHaveBeenLastCalledWith(5_000);
  });

  it('wrong passwords from elsewhere do not keep out the browser the administrator signed in with before', async () => {
    const { dependencies, remembered } = setup();
    await authorizeCredentials({ username: 'admin', password: 'right' }, request(), dependencies);
    const cookie = `${knownDeviceCookieName(false)}=${remembered[0]}`;
    await failTimes(40, 'admin', dependencies);
    await expect(
      authorizeCredentials({ username: 'admin', password: 'right' }, request(), dependencies),
    ).rejects.toBeInstanceOf(ThrottledSignin);
    const user = await authorizeCredentials({ username: 'admin', password: 'right' }, request(cookie), dependencies);
    expect(user?.username).toBe('admin');
  });
});

describe('known-device cookies', () => {
  it('are bound to the account and the secret, and expire', () => {
    const token = issueKnownDevice('admin', SECRET, 0);
    expect(knownDeviceFor(token, 'admin', SECRET, 1000)).toMatch(/.{8,}/);
    expect(knownDeviceFor(token, 'viewer', SECRET, 1000)).toBeNull();
    expect(knownDeviceFor(token, 'admin', 'another-secret', 1000)).toBeNull();
    expect(knownDeviceFor(`${token.slice(0, -2)}xx`, 'admin', SECRET, 1000)).toBeNull();
    expect(knownDeviceFor(token, 'admin', SECRET, 181 * 24 * 3600 * 1000)).toBeNull();
    expect(knownDeviceFor(token, 'admin', '', 1000)).toBeNull();
  });

  it('use a __Host- name when served over HTTPS', () => {
    expect(knownDeviceCookieName(true)).toMatch(/^__Host-/);
    expect(knownDeviceCookieName(false)).not.toMatch(/^__Host-/);
  });
});
