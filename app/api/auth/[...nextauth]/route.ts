// Auth.js endpoints (session, csrf, providers, OIDC callback, sign-out). Credentials sign-in goes
// through the login page's server action, which uses the same provider and throttle; a throttled
// attempt on Auth.js's own credentials endpoint gets a 429 rather than a redirect. Redirects say
// what went wrong in a refused single sign-on, and stay on the host the browser used.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { withSignInErrors } from '@/lib/auth/sign-in-errors';
import { withSignInThrottle } from '@/lib/auth/sign-in-endpoint';

export const GET = withSignInErrors((request) => handlers.GET(request as NextRequest));
export const POST = withSignInThrottle(withSignInErrors((request) => handlers.POST(request as NextRequest)));
