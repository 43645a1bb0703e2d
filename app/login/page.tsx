import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeRedirectPath } from '@/lib/auth/callback-url';
import { ssoButtonLabel } from '@/lib/auth/oidc-provider';
import { getSessionUser } from '@/lib/auth/session';
import { signInWithPassword, signInWithSso } from './actions';
import { loginMessage } from './login-messages';
import { SubmitButton } from './submit-button';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const redirectTo = safeRedirectPath(single(query.callbackUrl));
  if (await getSessionUser()) redirect(redirectTo);

  const message = loginMessage({
    error: single(query.error),
    code: single(query.code),
    retryAfter: single(query.retryAfter),
  });
  const ssoLabel = ssoButtonLabel();

  return (
    <main className="login-page">
      <form action={signInWithPassword} className="login-card">
        <h1>Fleet Console</h1>
        {message && (
          <p className="error" data-testid="login-error" data-kind={message.kind} role="alert">
            {message.text}
          </p>
        )}
        <input type="hidden" name="callbackUrl" value={redirectTo} />
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" type="text" autoComplete="username" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <SubmitButton className="button primary">Sign in</SubmitButton>
        {ssoLabel && (
          <SubmitButton className="button" formAction={signInWithSso}>
            {ssoLabel}
          </SubmitButton>
        )}
      </form>
    </main>
  );
}
