import 'server-only';
/**
 * The password check behind the Credentials provider: throttle first, then bcrypt. Unknown user,
 * wrong password and disabled account all end the same way (null → Auth.js "CredentialsSignin");
 * only throttling is distinguishable, on purpose, so a locked-out operator knows to wait.
 */
// The same class next-auth re-exports; imported from its source so unit tests need not load Next.
import { CredentialsSignin } from '@auth/core/errors';
import type { SignedInUser } from './claims';
import { clientKeyFromHeaders, type LoginThrottle, sharedLoginThrottle } from './login-throttle';
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
  clientKey: (headers: Headers) => string;
}

const defaultDependencies = (): CredentialsDependencies => ({
  verify: (username, password) => verifyPassword(username, password),
  throttle: sharedLoginThrottle(),
  clientKey: (headers) => clientKeyFromHeaders(headers),
});

const MAX_USERNAME_LENGTH = 128;

export async function authorizeCredentials(
  input: Partial<Record<string, unknown>>,
  request: Request,
  dependencies: CredentialsDependencies = defaultDependencies(),
): Promise<SignedInUser | null> {
  const { verify, throttle, clientKey } = dependencies;
  const username = typeof input.username === 'string' ? input.username.slice(0, MAX_USERNAME_LENGTH) : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const account = normaliseUsername(username);
  const client = clientKey(request.headers);

  const verdict = throttle.check(account, client);
  if (!verdict.allowed) throw new ThrottledSignin(verdict.retryAfterSeconds);

  const user = await verify(account, password);
  if (!user) {
    throttle.recordFailure(account, client);
    return null;
  }
  throttle.recordSuccess(account);
  return { id: `credentials:${user.username}`, username: user.username, name: user.name, role: user.role };
}

/** For the login page: the wait in seconds when `error` is our throttling refusal, else null. */
export function throttledRetryAfter(error: unknown): number | null {
  if (!(error instanceof CredentialsSignin) || error.code !== THROTTLED_CODE) return null;
  return error instanceof ThrottledSignin ? error.retryAfterSeconds : null;
}
