// Auth.js endpoints (session, csrf, providers, OIDC callback, sign-out). Credentials sign-in goes
// through the login page's server action, which uses the same provider and throttle; a throttled
// attempt on Auth.js's own credentials endpoint gets a 429 rather than a redirect.
import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { withSignInThrottle } from '@/lib/auth/sign-in-endpoint';

export const { GET } = handlers;
export const POST = withSignInThrottle((request) => handlers.POST(request as NextRequest));
