/**
 * What the login page says for each `?error=` Auth.js or our actions put in the URL. One generic
 * message for every credential failure, so the page never tells who has an account.
 */
export const BAD_CREDENTIALS = 'Sign-in failed. Check your username and password.';
export const SSO_REFUSED = 'Your single sign-on account has no Fleet Console role. Ask an administrator.';
export const SIGN_IN_UNAVAILABLE = 'Sign-in is unavailable right now. Try again later.';

/** Single sign-on failures, by the `error` value lib/auth/sign-in-errors.ts puts in the URL. */
export const SSO_MESSAGES: Readonly<Record<string, string>> = {
  SsoCancelled: 'Single sign-on was cancelled at the identity provider. Nothing was changed; sign in again when ready.',
  SsoProviderError: 'The identity provider refused the sign-in. Try again, or ask an administrator.',
  SsoExpired:
    'That sign-in attempt could not be verified: it took too long, was already used, or was altered on the way. Start again.',
  SsoCodeRejected:
    'The identity provider did not accept the sign-in (its one-time code was already used or expired). Start again.',
  SsoUnavailable: 'The single sign-on provider could not be reached. Try again later, or sign in with a password.',
};

export interface LoginMessage {
  kind: 'credentials' | 'throttled' | 'refused' | 'unavailable' | 'sso';
  text: string;
}

export function throttledMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return 'Too many attempts. Try again later.';
  if (retryAfterSeconds < 60) return `Too many attempts. Try again in ${retryAfterSeconds} s.`;
  return `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`;
}

/** Reads `error`, `code` and `retryAfter` from the query; null when there is nothing to show. */
export function loginMessage(query: { error?: string; code?: string; retryAfter?: string }): LoginMessage | null {
  const { error, code } = query;
  if (!error) return null;
  // `throttled` comes from our server action; `CredentialsSignin&code=throttled` from Auth.js's
  // own callback endpoint, which cannot carry the wait.
  if (error === 'throttled' || (error === 'CredentialsSignin' && code === 'throttled')) {
    const seconds = Number.parseInt(query.retryAfter ?? '', 10);
    const retryAfter = Number.isFinite(seconds) && seconds > 0 && seconds <= 86_400 ? seconds : null;
    return { kind: 'throttled', text: throttledMessage(retryAfter) };
  }
  if (error === 'CredentialsSignin') return { kind: 'credentials', text: BAD_CREDENTIALS };
  if (error === 'AccessDenied') return { kind: 'refused', text: SSO_REFUSED };
  if (Object.hasOwn(SSO_MESSAGES, error)) return { kind: 'sso', text: SSO_MESSAGES[error]! };
  return { kind: 'unavailable', text: SIGN_IN_UNAVAILABLE };
}
