/**
 * Sessions ended by signing out. Sessions are stateless JWTs, so without this list a token copied
 * before sign-out — or re-issued by a request that was still in flight when the user clicked
 * "Sign out" — would stay valid until it expires. Entries live as long as the longest session could.
 * In memory, per process (kept on globalThis so every Next bundle shares it); a restart forgets it.
 */
const store = globalThis as typeof globalThis & { __fleetConsoleRevoked?: Map<string, number> };
store.__fleetConsoleRevoked ??= new Map<string, number>();
const revoked = store.__fleetConsoleRevoked;

export function revokeSession(sid: string, expiresAtMs: number, now = Date.now()): void {
  for (const [id, until] of revoked) if (until <= now) revoked.delete(id);
  revoked.set(sid, expiresAtMs);
}

export function isSessionRevoked(sid: string, now = Date.now()): boolean {
  const until = revoked.get(sid);
  return until !== undefined && until > now;
}
