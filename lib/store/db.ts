import 'server-only';
/**
 * The dashboard's own small store (acknowledgements, audit, settings): one SQLite file through
 * better-sqlite3. Synchronous calls are fine here: every statement is a primary-key read or a single
 * insert, far below a millisecond. One connection per process (lib/process-state.ts), so Next's dev
 * reloads and route bundles share it instead of opening the file again.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { storeEnv } from '@/lib/env';
import { processSingleton } from '@/lib/process-state';
import { MIGRATIONS } from './migrations';

export type StoreDb = Database.Database;

/** The open connection and the file it is for (a test may point STORE_PATH elsewhere). */
const connection = () => processSingleton('store', () => ({ current: null as { path: string; db: StoreDb } | null }));

function storePath(): string {
  const configured = storeEnv().path;
  // Unit tests run with an in-memory store per worker process.
  if (configured === ':memory:') return configured;
  return resolve(configured);
}

/** Opens (creating directories and schema as needed) a database file; tests call it with a temp path. */
export function openStore(path: string): StoreDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL lets the page render read while a webhook writes; NORMAL sync is durable enough for acks.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db);
  return db;
}

/** Applies each migration once, in order, each inside its own transaction. */
export function migrate(db: StoreDb): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set((db.prepare('SELECT id FROM migrations').all() as Array<{ id: number }>).map((r) => r.id));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

/** The process-wide connection to STORE_PATH (default `.data/fleet-console.db`). */
export function getStore(): StoreDb {
  const path = storePath();
  const held = connection();
  if (held.current && held.current.path === path) return held.current.db;
  held.current?.db.close();
  const db = openStore(path);
  held.current = { path, db };
  return db;
}

/** Tests only: forget the shared connection (closing it) so the next call opens STORE_PATH afresh. */
export function closeStoreForTests(): void {
  connection().current?.db.close();
  connection().current = null;
}
