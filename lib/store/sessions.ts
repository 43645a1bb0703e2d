import 'server-only';
/**
 * Every signed-in session, so one can be ended before its cookie expires (by signing out, by an
 * Administrator, or because the identity provider no longer vouches for the user), and so a single
 * sign-on session can keep the provider's tokens (sealed) to ask for the user's role again.
 */
import { getStore, type StoreDb } from './db';

export interface SessionRecord {
  sid: string;
  userId: string;
  provider: string;
  username: string;
  name: string;
  role: string;
  /** Epoch seconds. */
  startedAt: number;
  expiresAt: number;
  lastSeenAt: number;
  roleCheckedAt: number;
  endedAt: number | null;
  endedReason: string | null;
  sealedTokens: string | null;
}

interface SessionRow {
  sid: string;
  user_id: string;
  provider: string;
  username: string;
  name: string;
  role: string;
  started_at: number;
  expires_at: number;
  last_seen_at: number;
  role_checked_at: number;
  ended_at: number | null;
  ended_reason: string | null;
  sealed_tokens: string | null;
}

const toRecord = (row: SessionRow): SessionRecord => ({
  sid: row.sid,
  userId: row.user_id,
  provider: row.provider,
  username: row.username,
  name: row.name,
  role: row.role,
  startedAt: row.started_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
  roleCheckedAt: row.role_checked_at,
  endedAt: row.ended_at,
  endedReason: row.ended_reason,
  sealedTokens: row.sealed_tokens,
});

export type NewSession = Omit<SessionRecord, 'lastSeenAt' | 'roleCheckedAt' | 'endedAt' | 'endedReason'>;

export function insertSession(input: NewSession, db: StoreDb = getStore()): void {
  // Sessions past their lifetime are never read again; dropping them here keeps the table small.
  db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(input.startedAt - 86_400);
  db.prepare(
    `INSERT OR REPLACE INTO sessions
       (sid, user_id, provider, username, name, role, started_at, expires_at, last_seen_at, role_checked_at, sealed_tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.sid,
    input.userId,
    input.provider,
    input.username,
    input.name,
    input.role,
    input.startedAt,
    input.expiresAt,
    input.startedAt,
    input.startedAt,
    input.sealedTokens,
  );
}

export function findSession(sid: string, db: StoreDb = getStore()): SessionRecord | null {
  const row = db.prepare('SELECT * FROM sessions WHERE sid = ?').get(sid) as SessionRow | undefined;
  return row ? toRecord(row) : null;
}

/** Ends one session; a session the table never saw (e.g. started before it existed) is recorded as ended. */
export function endSession(
  sid: string,
  reason: string,
  expiresAt: number,
  now: number,
  db: StoreDb = getStore(),
): void {
  const updated = db
    .prepare(
      'UPDATE sessions SET ended_at = ?, ended_reason = ?, sealed_tokens = NULL WHERE sid = ? AND ended_at IS NULL',
    )
    .run(now, reason, sid);
  if (updated.changes > 0 || findSession(sid, db)) return;
  db.prepare(
    `INSERT INTO sessions (sid, user_id, provider, username, name, role, started_at, expires_at, last_seen_at,
       role_checked_at, ended_at, ended_reason) VALUES (?, '', '', '', '', '', ?, ?, ?, ?, ?, ?)`,
  ).run(sid, now, expiresAt, now, now, now, reason);
}

/** Ends every live session of one user; returns how many were live. */
export function endUserSessions(userId: string, reason: string, now: number, db: StoreDb = getStore()): number {
  return db
    .prepare(
      'UPDATE sessions SET ended_at = ?, ended_reason = ?, sealed_tokens = NULL WHERE user_id = ? AND ended_at IS NULL AND expires_at > ?',
    )
    .run(now, reason, userId, now).changes;
}

export function touchSession(sid: string, now: number, db: StoreDb = getStore()): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE sid = ?').run(now, sid);
}

export function updateCheckedRole(
  sid: string,
  update: { role: string; name: string; checkedAt: number; sealedTokens: string | null },
  db: StoreDb = getStore(),
): void {
  db.prepare(
    'UPDATE sessions SET role = ?, name = ?, role_checked_at = ?, sealed_tokens = ? WHERE sid = ? AND ended_at IS NULL',
  ).run(update.role, update.name, update.checkedAt, update.sealedTokens, sid);
}

/** Live sessions (not ended, not expired), newest activity first. */
export function liveSessions(now: number, db: StoreDb = getStore()): SessionRecord[] {
  const rows = db
    .prepare('SELECT * FROM sessions WHERE ended_at IS NULL AND expires_at > ? ORDER BY last_seen_at DESC LIMIT 1000')
    .all(now) as SessionRow[];
  return rows.map(toRecord);
}
