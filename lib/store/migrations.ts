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
];
