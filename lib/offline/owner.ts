/**
 * Whose page is this? proxy.ts puts a header on every page it renders for a signed-in session,
 * naming that sign-in by an opaque tag and saying when the session ends at the latest. The service
 * worker keeps copies for one tag at a time: a page of another sign-in (or of nobody: the login
 * page) empties its caches first, and a copy is never shown after its session would have ended.
 * Edge-safe (Web Crypto) and browser-safe.
 */

export const OFFLINE_OWNER_HEADER = 'x-offline-owner';

export interface OfflineOwner {
  /** 32 hex characters; the same for every page of one sign-in, different for the next one. */
  tag: string;
  /** Epoch milliseconds when the session ends at the latest (its absolute lifetime). */
  expiresAt: number;
}

interface SignIn {
  id: string;
  /** The session's own random id: a new sign-in, even by the same user, is a new owner. */
  sid: string;
  /** Epoch seconds of the sign-in. */
  authTime: number;
}

async function hexDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The header value for a page of this sign-in. */
export async function offlineOwnerHeader(signIn: SignIn, sessionMaxAgeSeconds: number): Promise<string> {
  const tag = (await hexDigest(`fleet-console offline copies\n${signIn.id}\n${signIn.sid}`)).slice(0, 32);
  return `${tag}; expires=${signIn.authTime + sessionMaxAgeSeconds}`;
}

export function parseOfflineOwner(value: string | null | undefined): OfflineOwner | null {
  const match = /^([0-9a-f]{32}); expires=(\d{1,12})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  return { tag: match[1]!, expiresAt: Number(match[2]) * 1000 };
}
