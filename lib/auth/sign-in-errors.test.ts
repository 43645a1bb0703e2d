import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyAuthError, noteAuthError, SSO_FAILURES, withSignInErrors } from './sign-in-errors';

const authError = (type: string, cause?: unknown) =>
  Object.assign(new Error(`${type} message with code=SECRETCODE`), { type, cause });

afterEach(() => vi.restoreAllMocks());

describe('classifyAuthError', () => {
  it.each([
    [authError('OAuthCallbackError', { error: 'access_denied' }), SSO_FAILURES.cancelled],
    [authError('OAuthCallbackError', { error: 'server_error' }), SSO_FAILURES.refusedByProvider],
    [authError('InvalidCheck'), SSO_FAILURES.expired],
    [authError('CallbackRouteError', { err: { error: 'invalid_grant' } }), SSO_FAILURES.codeRejected],
    [authError('CallbackRouteError', { err: new Error('fetch failed') }), SSO_FAILURES.unavailable],
    [
      authError('CallbackRouteError', {
        err: Object.assign(new Error('unexpected "state"'), { code: 'OAUTH_INVALID_RESPONSE' }),
      }),
      SSO_FAILURES.expired,
    ],
  ])('%s → %s', (error, failure) => {
    expect(classifyAuthError(error)?.failure).toBe(failure);
  });

  it('leaves other errors alone', () => {
    expect(classifyAuthError(authError('CredentialsSignin'))).toBeNull();
    expect(classifyAuthError(new Error('plain'))).toBeNull();
  });

  it('logs one line without the message, code or state', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(noteAuthError(authError('OAuthCallbackError', { error: 'access_denied', state: 'STATE-VALUE' }))).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(line).not.toMatch(/SECRETCODE|STATE-VALUE|\n/);
    expect(noteAuthError(authError('OAuthCallbackError', { error: 'x; DROP TABLE' }))).toBe(true);
    expect(String(warn.mock.calls[1]?.[0])).not.toContain('DROP');
  });
});

describe('withSignInErrors', () => {
  const request = new Request('http://localhost:3210/api/auth/callback/oidc?code=c&state=s');

  it("puts what happened in the login redirect, as a path on the browser's host", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = withSignInErrors(async () => {
      noteAuthError(authError('InvalidCheck'));
      return Response.redirect('http://localhost:3210/login?error=Configuration', 302);
    });
    const response = await handler(request);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/login?error=${SSO_FAILURES.expired}`);
  });

  it('reads a cancel from the callback URL, where the provider put it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = withSignInErrors(async () => {
      noteAuthError(authError('OAuthCallbackError'));
      return Response.redirect('http://localhost:3210/login?error=OAuthCallbackError', 302);
    });
    const cancelled = new Request('http://localhost:3210/api/auth/callback/oidc?error=access_denied&state=s');
    expect((await handler(cancelled)).headers.get('location')).toBe(`/login?error=${SSO_FAILURES.cancelled}`);
  });

  it('keeps a refusal for want of a role as it is', async () => {
    const handler = withSignInErrors(async () =>
      Response.redirect('http://localhost:3210/login?error=AccessDenied', 302),
    );
    expect((await handler(request)).headers.get('location')).toBe('/login?error=AccessDenied');
  });

  it("turns a same-origin redirect into a path and leaves the provider's address alone", async () => {
    const home = withSignInErrors(
      async () =>
        new Response(null, { status: 302, headers: { location: 'http://localhost:3210/routers/7?tab=modems' } }),
    );
    expect((await home(request)).headers.get('location')).toBe('/routers/7?tab=modems');
    const away = withSignInErrors(
      async () => new Response(null, { status: 302, headers: { location: 'https://idp.example/auth?x=1' } }),
    );
    expect((await away(request)).headers.get('location')).toBe('https://idp.example/auth?x=1');
  });
});
