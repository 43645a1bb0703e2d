/**
 * The claims Fleet Console keeps in its session token, and their validation. Edge-safe (used by
 * proxy.ts through auth.config.ts). Anything that does not parse is treated as "no session":
 * checking claims, not the mere presence of a session object, is what keeps a misconfigured or
 * tampered session from failing open (GHSA-8fpg-xm3f-6cx3).
 */
import { z } from 'zod';
import { ROLES } from './permissions';

export const AUTH_PROVIDERS = ['credentials', 'oidc'] as const;
export type AuthProvider = (typeof AUTH_PROVIDERS)[number];

/** Absolute session lifetime in seconds: activity extends the cookie, never past this. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** What `authorize` (credentials) or `profile` (OIDC) hands to the jwt callback. */
export const signedInUserSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const sessionClaimsSchema = signedInUserSchema.extend({
  provider: z.enum(AUTH_PROVIDERS),
  /** Epoch seconds of the interactive sign-in. */
  authTime: z.number().int().positive(),
  /** Random id of this session, so signing out can revoke exactly it (lib/auth/revocation.ts). */
  sid: z.string().min(16).max(64),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export function parseSessionClaims(value: unknown): SessionClaims | null {
  const result = sessionClaimsSchema.safeParse(value);
  return result.success ? result.data : null;
}

export function isProvider(value: unknown): value is AuthProvider {
  return typeof value === 'string' && (AUTH_PROVIDERS as readonly string[]).includes(value);
}

export function isExpired(claims: SessionClaims, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return nowSeconds - claims.authTime >= SESSION_MAX_AGE_SECONDS;
}
