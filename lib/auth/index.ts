/**
 * The Auth.js instance used by route handlers, server actions and Server Components. proxy.ts
 * uses a separate instance built from auth.config.ts alone, so bcrypt, the users file and the
 * session store never load there. Auth.js reads the signing secret from AUTH_SECRET.
 */
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig, CLAIMS } from './auth.config';
import { parseSessionClaims } from './claims';
import { authorizeCredentials } from './credentials';
import { optionalOidcProviders } from './oidc-provider';
import { recordSignIn } from './session-records';
import { noteAuthError } from './sign-in-errors';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  trustHost: true, // also in authConfig; repeated so this instance never depends on the spread
  providers: [
    Credentials({
      credentials: { username: { label: 'Username' }, password: { label: 'Password', type: 'password' } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
    ...optionalOidcProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Every completed sign-in is recorded, so the session can be ended (and, for single sign-on,
    // its role asked of the provider again with the tokens kept sealed beside it).
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (token && params.user) {
        const claims = parseSessionClaims(token[CLAIMS]);
        if (claims) recordSignIn(claims, params.account);
      }
      return token;
    },
  },
  logger: {
    // Every refused password or SSO attempt would otherwise print a full stack trace, and an SSO one
    // its cause, which can hold the authorization code. One line each instead.
    // Matched on Auth.js's `type`, not the class name, which production minification mangles.
    error(error) {
      if ('type' in error && error.type === 'CredentialsSignin') {
        const code = 'code' in error && typeof error.code === 'string' ? error.code : 'credentials';
        console.warn(`[auth] sign-in refused (${code})`);
        return;
      }
      if (noteAuthError(error)) return;
      const type = 'type' in error && typeof error.type === 'string' ? error.type : error.name;
      console.error(`[auth] ${type}: ${error.message.split('\n')[0]?.slice(0, 200)}`);
    },
  },
});
