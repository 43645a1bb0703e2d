import 'server-only';
/** Acknowledgements of NCM alerts. NCM has no such concept, so they live only here, keyed by alert id. */
import { getStore, type StoreDb } from './db';

export interface AlertAck {
  alertId: string;
  acknowledgedBy: string;
  acknowledgedByName: string;
  acknowledgedAt: string;
  comment: string;
}

interface AckRow {
  alert_id: string;
  acknowledged_by: string;
  acknowledged_by_name: string;
  acknowledged_at: string;
  comment: string;
}

const toAck = (row: AckRow): AlertAck => ({
  alertId: row.alert_id,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedByName: row.acknowledged_by_name,
  acknowledgedAt: row.acknowledged_at,
  comment: row.comment,
});

/**
 * Stores an acknowledgement unless one exists; returns the stored one and whether this call created
 * it. The first acknowledgement wins: a second person clicking a stale page must not rewrite who
 * handled the alert.
 */
export function acknowledge(ack: AlertAck, db: StoreDb = getStore()): { ack: AlertAck; created: boolean } {
  const result = db
    .prepare(
      `INSERT INTO alert_acks (alert_id, acknowledged_by, acknowledged_by_name, acknowledged_at, comment)
       VALUES (@alertId, @acknowledgedBy, @acknowledgedByName, @acknowledgedAt, @comment)
       ON CONFLICT (alert_id) DO NOTHING`,
    )
    .run(ack);
  const stored = findAck(ack.alertId, db);
  if (!stored) throw new Error('acknowledgement vanished after insert');
  return { ack: stored, created: result.changes === 1 };
}

export function findAck(alertId: string, db: StoreDb = getStore()): AlertAck | null {
  const row = db.prepare('SELECT * FROM alert_acks WHERE alert_id = ?').get(alertId) as AckRow | undefined;
  return row ? toAck(row) : null;
}

/** Acknowledgements for the given alert ids, by id (ids without one are absent). */
export function findAcks(alertIds: readonly string[], db: StoreDb = getStore()): Map<string, AlertAck> {
  const found = new Map<string, AlertAck>();
  // SQLite's default limit on bound parameters is well above this; chunk anyway for huge windows.
  for (let i = 0; i < alertIds.length; i += 500) {
    const chunk = alertIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = db
      .prepare(`SELECT * FROM alert_acks WHERE alert_id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as AckRow[];
    for (const row of rows) found.set(row.alert_id, toAck(row));
  }
  return found;
}
