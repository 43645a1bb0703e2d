/**
 * The Auth.js instance used by route handlers, server actions and Server Components. proxy.ts
 * uses a separate instance built from auth.config.ts alone, so bcrypt and the users file never
 * load there. Auth.js reads the signing secret from AUTH_SECRET.
 */
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { authorizeCredentials } from './credentials';
import { optionalOidcProviders } from './oidc-provider';

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
  logger: {
    // Every refused password would otherwise print a full stack trace.
    // Matched on Auth.js's `type`, not the class name, which production minification mangles.
    error(error) {
      if ('type' in error && error.type === 'CredentialsSignin') {
        const code = 'code' in error && typeof error.code === 'string' ? error.code : 'credentials';
        console.warn(`[auth] sign-in refused (${code})`);
        return;
      }
      console.error('[auth]', error);
    },
  },
});
