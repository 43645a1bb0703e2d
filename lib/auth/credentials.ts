import 'server-only';
/**
 * The password check behind the Credentials provider: throttle first, then bcrypt. Unknown user,
 * wrong password and disabled account all end the same way (null → Auth.js "CredentialsSignin");
 * only throttling is distinguishable, on purpose, so a locked-out operator knows to wait.
 */
// The same class next-auth re-exports; imported from its source so unit tests need not load Next.
import { CredentialsSignin } from '@auth/core/errors';
import { authEnv } from '@/lib/env';
import { servedOverHttps } from '@/lib/security/transport';
import type { SignedInUser } from './claims';
import { cookieFromHeader, knownDeviceCookieName, knownDeviceFor } from './known-device';
import {
  clientKeyFromHeaders,
  type LoginAttempt,
  type LoginThrottle,
  sharedLoginThrottle,
  type ThrottleVerdict,
} from './login-throttle';
import { normaliseUsername } from './users-schema';
import { type StoredUser, verifyPassword } from './users-file';

export const THROTTLED_CODE = 'throttled';

/** Thrown instead of returning null so the login page can say how long to wait. */
export class ThrottledSignin extends CredentialsSignin {
  override code = THROTTLED_CODE;
  constructor(readonly retryAfterSeconds: number) {
    super('too many failed sign-in attempts');
  }
}

export interface CredentialsDependencies {
  verify: (username: string, password: string) => Promise<StoredUser | null>;
  throttle: LoginThrottle;
  /** The trusted client address, or UNKNOWN_CLIENT. */
  clientKey: (headers: Headers) => string;
  /** The known-device id the request carries for this account, or null. */
  knownDevice: (headers: Headers, account: string) => string | null;
  /** Called after a successful password check, to give this browser a known-device cookie. */
  rememberDevice: (account: string, headers: Headers) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

function knownDeviceFromHeaders(headers: Headers, account: string): string | null {
  const secret = authEnv().secret ?? '';
  const token = cookieFromHeader(headers.get('cookie'), knownDeviceCookieName(servedOverHttps(headers)));
  return knownDeviceFor(token, account, secret);
}

const defaultDependencies = (): CredentialsDependencies => ({
  verify: (username, password) => verifyPassword(username, password),
  throttle: sharedLoginThrottle(),
  clientKey: (headers) => clientKeyFromHeaders(headers),
  knownDevice: knownDeviceFromHeaders,
  rememberDevice: async (account, headers) =>
    (await import('./known-device-cookie')).rememberKnownDevice(account, headers),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

const MAX_USERNAME_LENGTH = 128;

function loginAttempt(
  input: Partial<Record<string, unknown>>,
  headers: Headers,
  deps: CredentialsDependencies,
): LoginAttempt {
  const username = typeof input.username === 'string' ? input.username.slice(0, MAX_USERNAME_LENGTH) : '';
  const account = normaliseUsername(username);
  return { account, address: deps.clientKey(headers), device: deps.knownDevice(headers, account) };
}

/**
 * The throttle's verdict for a sign-in request, without trying the password; lets the Auth.js
 * endpoint answer a refused attempt with 429 before Auth.js turns it into a redirect.
 */
export function checkSignInAttempt(
  input: Partial<Record<string, unknown>>,
  headers: Headers,
  dependencies: CredentialsDependencies = defaultDependencies(),
): ThrottleVerdict {
  return dependencies.throttle.check(loginAttempt(input, headers, dependencies));
}

export async function authorizeCredentials(
  input: Partial<Record<string, unknown>>,
  request: Request,
  dependencies: CredentialsDependencies = defaultDependencies(),
): Promise<SignedInUser | null> {
  const { verify, throttle } = dependencies;
  const password = typeof input.password === 'string' ? input.password : '';
  const attempt = loginAttempt(input, request.headers, dependencies);

  const verdict = throttle.check(attempt);
  if (!verdict.allowed) throw new ThrottledSignin(verdict.retryAfterSeconds);
  // The global budget slows everyone down a little instead of turning anyone away.
  if (verdict.delayMs > 0) await dependencies.sleep(verdict.delayMs);

  const user = await verify(attempt.account, password);
  if (!user) {
    throttle.recordFailure(attempt);
    return null;
  }
  throttle.recordSuccess(attempt);
  await dependencies.rememberDevice(attempt.account, request.headers).catch(() => undefined);
  return { id: `credentials:${user.username}`, username: user.username, name: user.name, role: user.role };
}

/** For the login page: the wait in seconds when `error` is our throttling refusal, else null. */
export function throttledRetryAfter(error: unknown): number | null {
  if (!(error instanceof CredentialsSignin) || error.code !== THROTTLED_CODE) return null;
  return error instanceof ThrottledSignin ? error.retryAfterSeconds : null;
}
