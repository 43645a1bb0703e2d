/** Schema history. Append only: a shipped migration is never edited, a new one is added. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'alert acknowledgements, audit trail, settings',
    sql: `
      CREATE TABLE alert_acks (
        alert_id TEXT PRIMARY KEY,
        acknowledged_by TEXT NOT NULL,
        acknowledged_by_name TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        username TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_at ON audit (at DESC, id DESC);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'sessions (to end them, and to re-check single sign-on roles); who acted, by provider and subject',
    sql: `
      CREATE TABLE sessions (
        sid TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        username TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        role_checked_at INTEGER NOT NULL,
        ended_at INTEGER,
        ended_reason TEXT,
        sealed_tokens TEXT
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expiry ON sessions (expires_at);
      ALTER TABLE audit ADD COLUMN provider TEXT NOT NULL DEFAULT 'credentials';
      ALTER TABLE audit ADD COLUMN subject TEXT;
    `,
  },
];
