import { describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS, loginMessage } from './login-messages';

describe('loginMessage', () => {
  it('shows nothing without an error', () => {
    expect(loginMessage({})).toBeNull();
  });

  it('shows one generic message for bad credentials', () => {
    expect(loginMessage({ error: 'CredentialsSignin', code: 'credentials' })).toEqual({
      kind: 'credentials',
      text: BAD_CREDENTIALS,
    });
  });

  it('says how long to wait when throttled, in seconds below a minute, else rounded up to minutes', () => {
    expect(loginMessage({ error: 'throttled', retryAfter: '61' })?.text).toBe('Too many attempts. Try again in 2 min.');
    expect(loginMessage({ error: 'throttled', retryAfter: '8' })?.text).toBe('Too many attempts. Try again in 8 s.');
    expect(loginMessage({ error: 'CredentialsSignin', code: 'throttled' })?.text).toBe(
      'Too many attempts. Try again later.',
    );
    expect(loginMessage({ error: 'throttled', retryAfter: '<script>' })?.text).toBe(
      'Too many attempts. Try again later.',
    );
  });

  it('explains a refused SSO user and hides other errors behind a generic one', () => {
    expect(loginMessage({ error: 'AccessDenied' })?.kind).toBe('refused');
    expect(loginMessage({ error: 'Configuration' })?.kind).toBe('unavailable');
  });

  it('says what happened in a refused single sign-on', () => {
    expect(loginMessage({ error: 'SsoCancelled' })?.text).toMatch(/cancelled at the identity provider/);
    expect(loginMessage({ error: 'SsoExpired' })?.text).toMatch(/already used, or was altered/);
    expect(loginMessage({ error: 'SsoCodeRejected' })?.text).toMatch(/one-time code/);
    expect(loginMessage({ error: 'SsoUnavailable' })?.text).toMatch(/could not be reached/);
    // Only own keys: an inherited name is not a message.
    expect(loginMessage({ error: 'toString' })?.kind).toBe('unavailable');
  });
});
