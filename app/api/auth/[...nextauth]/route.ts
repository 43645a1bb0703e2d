// Auth.js endpoints (session, csrf, providers, OIDC callback, sign-out). Credentials sign-in goes
// through the login page's server action, which uses the same provider and throttle.
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
