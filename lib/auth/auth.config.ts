/**
 * Auth.js settings that are safe to load in proxy.ts: no providers, no bcrypt, no file access.
 * lib/auth/index.ts adds the providers. Route protection for page loads lives in `authorized`,
 * but it is only a convenience redirect: every handler still calls authorize() (lib/auth/session.ts).
 */
import type { NextAuthConfig } from 'next-auth';
import {
  isExpired,
  isProvider,
  parseSessionClaims,
  SESSION_MAX_AGE_SECONDS,
  type SessionClaims,
  signedInUserSchema,
} from './claims';
import { publicUrlIsHttps } from '@/lib/security/transport';
import { safeRedirectPath, sameOriginPath } from './callback-url';

/** Where the session token keeps our claims. */
export const CLAIMS = 'fleetConsole';

function publicOrigin(): string | null {
  try {
    return new URL(process.env.PUBLIC_URL ?? '').origin;
  } catch {
    return null;
  }
}

/** Paths the proxy lets through without a session (the matcher already skips most of them). */
function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/login' ||
    pathname.startsWith('/login/') ||
    pathname === '/api/auth' ||
    pathname.startsWith('/api/auth/') ||
    pathname.startsWith('/_next/') ||
    pathname === '/favicon.ico' ||
    pathname === '/icon.svg' ||
    // The install manifest is fetched without credentials; it holds nothing but names and icons.
    pathname === '/manifest.webmanifest'
  );
}

/**
 * Over HTTPS (PUBLIC_URL https) the session cookie is `Secure` with a `__Host-` name, which the browser
 * only accepts from this exact host, over HTTPS, for Path=/: no sibling subdomain can plant or
 * shadow it. Auth.js's own default is the weaker `__Secure-` prefix.
 */
function cookieSettings(): Pick<NextAuthConfig, 'useSecureCookies' | 'cookies'> {
  if (!publicUrlIsHttps()) return {};
  return {
    useSecureCookies: true,
    cookies: {
      sessionToken: {
        name: '__Host-authjs.session-token',
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
      },
    },
  };
}

export const authConfig = {
  ...cookieSettings(),
  // Both instances (proxy and app) run under `next start` on our own host name, not on Vercel.
  // Without it Auth.js refuses every request with UntrustedHost. Set AUTH_URL to pin the origin.
  trustHost: true,
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (isPublicPath(pathname)) return true;
      if (parseSessionClaims(auth?.user)) return true;
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        return Response.json(
          { error: { code: 'unauthenticated', message: 'Sign in to continue' } },
          { status: 401, headers: { 'Cache-Control': 'private, no-store' } },
        );
      }
      // Our own redirect instead of `false`: Auth.js would put an absolute callbackUrl on the
      // request's host name, which the login page refuses anyway (it would switch host names and
      // lose the cookie). The path is validated here too, so no hostile value is echoed.
      const login = new URL('/login', request.nextUrl);
      const returnTo = safeRedirectPath(`${pathname}${search}`);
      if (returnTo !== '/') login.searchParams.set('callbackUrl', returnTo);
      return Response.redirect(login, 307);
    },

    // Every redirect Auth.js itself builds (callbackUrl form field, query or cookie; sign-out)
    // goes through the same check as ours: a normalised same-origin path on this origin, or home.
    redirect({ url, baseUrl }) {
      let candidate: string = url;
      if (!url.startsWith('/')) {
        try {
          const absolute = new URL(url);
          // PUBLIC_URL's origin is ours too: a sign-in started there comes back through a request
          // whose URL Next may have rewritten (a loopback IP becomes `localhost`).
          if (absolute.origin !== baseUrl && absolute.origin !== publicOrigin()) return baseUrl;
          candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
        } catch {
          return baseUrl;
        }
      }
      const path = sameOriginPath(candidate);
      return path === null ? baseUrl : `${baseUrl}${path}`;
    },

    // Refuses sign-in when the provider produced no usable user, e.g. an SSO user whose groups map
    // to no role and no OIDC_DEFAULT_ROLE is set (shown on /login as error=AccessDenied).
    signIn({ user, account }) {
      return isProvider(account?.provider) && signedInUserSchema.safeParse(user).success;
    },

    jwt({ token, user, account }) {
      // `user` is only present on the request that completes a sign-in.
      if (user) {
        const signedIn = signedInUserSchema.safeParse(user);
        if (!signedIn.success || !account || !isProvider(account.provider)) return null;
        const claims: SessionClaims = {
          ...signedIn.data,
          // Auth.js replaces an OAuth user's id with a random UUID on every sign-in; the stable
          // identity is the provider's subject.
          id: account.provider === 'oidc' ? `oidc:${account.providerAccountId}` : signedIn.data.id,
          provider: account.provider,
          authTime: Math.floor(Date.now() / 1000),
          sid: crypto.randomUUID(),
        };
        return { sub: claims.id, name: claims.name, [CLAIMS]: claims };
      }
      // Returning null clears the cookie: a token without our claims, or past its absolute
      // lifetime, is no session at all.
      const claims = parseSessionClaims(token[CLAIMS]);
      if (!claims || isExpired(claims)) return null;
      return token;
    },

    session({ session, token }) {
      const claims = parseSessionClaims(token[CLAIMS]);
      // Without valid claims the session carries no user; getSessionUser() then returns null.
      return { ...session, user: claims ?? undefined };
    },
  },
} satisfies NextAuthConfig;
