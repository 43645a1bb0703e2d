'use server';
/**
 * Login form actions. Auth.js signals success by throwing Next's redirect (NEXT_REDIRECT), so
 * only AuthErrors are handled here and everything else is re-thrown.
 */
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth';
import { safeRedirectPath } from '@/lib/auth/callback-url';
import { throttledRetryAfter } from '@/lib/auth/credentials';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc-provider';
import { SSO_FAILURES } from '@/lib/auth/sign-in-errors';

function loginUrl(params: Record<string, string>, redirectTo: string): string {
  const query = new URLSearchParams(params);
  if (redirectTo !== '/') query.set('callbackUrl', redirectTo);
  return `/login?${query}`;
}

export async function signInWithPassword(formData: FormData): Promise<void> {
  const redirectTo = safeRedirectPath(formData.get('callbackUrl'));
  const username = formData.get('username');
  const password = formData.get('password');
  try {
    await signIn('credentials', {
      username: typeof username === 'string' ? username : '',
      password: typeof password === 'string' ? password : '',
      redirectTo,
    });
  } catch (error) {
    const retryAfter = throttledRetryAfter(error);
    if (retryAfter !== null) redirect(loginUrl({ error: 'throttled', retryAfter: String(retryAfter) }, redirectTo));
    if (error instanceof AuthError) redirect(loginUrl({ error: 'CredentialsSignin' }, redirectTo));
    throw error;
  }
}

export async function signInWithSso(formData: FormData): Promise<void> {
  const redirectTo = safeRedirectPath(formData.get('callbackUrl'));
  try {
    await signIn(OIDC_PROVIDER_ID, { redirectTo });
  } catch (error) {
    // Failing before the browser leaves for the provider means the provider could not be asked
    // (discovery failed, or it is down).
    if (error instanceof AuthError) redirect(loginUrl({ error: SSO_FAILURES.unavailable }, redirectTo));
    throw error;
  }
}
