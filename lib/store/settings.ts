import 'server-only';
/** Small key/value facts the server keeps across restarts (e.g. the webhook secret). */
import { getStore, type StoreDb } from './db';

export function getSetting(key: string, db: StoreDb = getStore()): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(key: string, value: string, db: StoreDb = getStore()): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, new Date().toISOString());
}

/** Returns the stored value, or stores and returns `make()` when there is none (first writer wins). */
export function getOrCreateSetting(key: string, make: () => string, db: StoreDb = getStore()): string {
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(
    key,
    make(),
    new Date().toISOString(),
  );
  return getSetting(key, db) as string;
}
