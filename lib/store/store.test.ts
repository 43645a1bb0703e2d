import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, findAck, findAcks } from './alert-acks';
import { insertAudit, listAudit } from './audit';
import { closeStoreForTests, getStore, migrate, openStore, type StoreDb } from './db';
import { getOrCreateSetting, getSetting, setSetting } from './settings';

let dir: string;
let db: StoreDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-store-'));
  db = openStore(join(dir, 'nested', 'store.db'));
});

afterEach(() => {
  db.close();
  closeStoreForTests();
  rmSync(dir, { recursive: true, force: true });
});

const ack = (alertId: string, by = 'alice') => ({
  alertId,
  acknowledgedBy: by,
  acknowledgedByName: by.toUpperCase(),
  acknowledgedAt: '2026-01-01T00:00:00.000Z',
  comment: 'on it',
});

describe('store', () => {
  it('creates missing directories, uses WAL and records each migration once', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    migrate(db);
    migrate(db);
    const rows = db.prepare('SELECT id FROM migrations').all();
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps one shared connection for STORE_PATH', () => {
    const previous = process.env.STORE_PATH;
    process.env.STORE_PATH = join(dir, 'shared.db');
    try {
      expect(getStore()).toBe(getStore());
    } finally {
      process.env.STORE_PATH = previous;
    }
  });
});

describe('alert acknowledgements', () => {
  it('stores an acknowledgement and reads it back', () => {
    const result = acknowledge(ack('a-1'), db);
    expect(result.created).toBe(true);
    expect(findAck('a-1', db)).toEqual(ack('a-1'));
    expect(findAck('missing', db)).toBeNull();
  });

  it('keeps the first acknowledgement when a second arrives', () => {
    acknowledge(ack('a-1', 'alice'), db);
    const second = acknowledge(ack('a-1', 'bob'), db);
    expect(second.created).toBe(false);
    expect(second.ack.acknowledgedBy).toBe('alice');
  });

  it('finds acknowledgements for many ids at once', () => {
    acknowledge(ack('a-1'), db);
    acknowledge(ack('a-3'), db);
    const ids = Array.from({ length: 1200 }, (_, i) => `a-${i}`);
    const found = findAcks(ids, db);
    expect([...found.keys()].sort()).toEqual(['a-1', 'a-3']);
    expect(findAcks([], db).size).toBe(0);
  });
});

describe('audit', () => {
  it('lists entries newest first with parsed before/after and a total', () => {
    const base = {
      provider: 'credentials',
      subject: null,
      username: 'alice',
      name: 'Alice',
      role: 'Administrator',
      action: 'router.update',
      targetType: 'router',
    };
    insertAudit(
      { ...base, at: '2026-01-01T00:00:00.000Z', targetId: '1', before: { name: 'a' }, after: { name: 'b' } },
      db,
    );
    insertAudit({ ...base, at: '2026-01-02T00:00:00.000Z', targetId: '2', before: null, after: undefined }, db);
    const page = listAudit({ limit: 1, offset: 0 }, db);
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ targetId: '2', before: null, after: null });
    const second = listAudit({ limit: 5, offset: 1 }, db).items[0];
    expect(second).toMatchObject({ targetId: '1', before: { name: 'a' }, after: { name: 'b' } });
  });
});

describe('settings', () => {
  it('sets, overwrites and creates once', () => {
    expect(getSetting('k', db)).toBeNull();
    setSetting('k', 'v1', db);
    setSetting('k', 'v2', db);
    expect(getSetting('k', db)).toBe('v2');
    expect(getOrCreateSetting('secret', () => 'first', db)).toBe('first');
    expect(getOrCreateSetting('secret', () => 'second', db)).toBe('first');
  });
});
