import 'server-only';
/** The dashboard's own audit trail: who changed what through Fleet Console, with before and after. */
import { getStore, type StoreDb } from './db';

export interface AuditInput {
  at: string;
  /** `credentials` or `oidc`: a single sign-on account is never the local account of the same name. */
  provider: string;
  /** The provider's subject for single sign-on users; null for local accounts (the username is the identity). */
  subject: string | null;
  username: string;
  name: string;
  role: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends Omit<AuditInput, 'before' | 'after'> {
  id: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface AuditRow {
  id: number;
  at: string;
  provider: string;
  subject: string | null;
  username: string;
  name: string;
  role: string;
  action: string;
  target_type: string;
  target_id: string;
  before_json: string | null;
  after_json: string | null;
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return null;
  }
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  provider: row.provider,
  subject: row.subject,
  username: row.username,
  name: row.name,
  role: row.role,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  before: parseJsonObject(row.before_json),
  after: parseJsonObject(row.after_json),
});

/** Absent and null both mean "nothing" (e.g. no before-state for a creation). */
function toJsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function insertAudit(input: AuditInput, db: StoreDb = getStore()): AuditEntry {
  const result = db
    .prepare(
      `INSERT INTO audit (at, provider, subject, username, name, role, action, target_type, target_id, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.at,
      input.provider,
      input.subject,
      input.username,
      input.name,
      input.role,
      input.action,
      input.targetType,
      input.targetId,
      toJsonOrNull(input.before),
      toJsonOrNull(input.after),
    );
  const row = db.prepare('SELECT * FROM audit WHERE id = ?').get(result.lastInsertRowid) as AuditRow;
  return toEntry(row);
}

/** Newest first; `total` lets the page say how many there are without loading them. */
export function listAudit(
  opts: { limit: number; offset: number },
  db: StoreDb = getStore(),
): { items: AuditEntry[]; total: number } {
  const rows = db
    .prepare('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT ? OFFSET ?')
    .all(opts.limit, opts.offset) as AuditRow[];
  const { total } = db.prepare('SELECT COUNT(*) AS total FROM audit').get() as { total: number };
  return { items: rows.map(toEntry), total };
}
