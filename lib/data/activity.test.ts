import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { listAudit } from '@/lib/store/audit';
import { openStore, type StoreDb } from '@/lib/store/db';
import { changedFields, recordAudit } from './activity';

vi.mock('@/lib/auth/session', () => ({ authorize: vi.fn() }));
vi.mock('@/lib/reads', () => ({ readActivityLogs: vi.fn() }));

const user: SessionUser = {
  id: 'credentials:alice',
  provider: 'credentials',
  username: 'alice',
  name: 'Alice Admin',
  role: 'Administrator',
};
let dir: string;
let db: StoreDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-audit-'));
  db = openStore(join(dir, 'store.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recordAudit', () => {
  it('stores who did what with before and after', () => {
    const entry = recordAudit(
      {
        user,
        action: 'router.update',
        targetType: 'router',
        targetId: '42',
        before: { name: 'a' },
        after: { name: 'b' },
      },
      db,
    );
    expect(entry).toMatchObject({ username: 'alice', name: 'Alice Admin', role: 'Administrator', targetId: '42' });
    const [stored] = listAudit({ limit: 10, offset: 0 }, db).items;
    expect(stored.before).toEqual({ name: 'a' });
    expect(stored.after).toEqual({ name: 'b' });
    expect(Date.parse(stored.at)).toBeGreaterThan(Date.now() - 5_000);
  });

  it('logs instead of throwing when the store is unusable (the change already happened)', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    db.close();
    expect(recordAudit({ user, action: 'router.update', targetType: 'router', targetId: '42' }, db)).toBeNull();
    expect(spy.mock.calls[0]?.[0]).toContain('FAILED to record router.update');
    db = openStore(join(dir, 'store.db'));
    spy.mockRestore();
  });
});

describe('changedFields', () => {
  it('keeps only the fields that differ', () => {
    const result = changedFields(
      { name: 'a', description: 'same', group: '1' },
      { name: 'b', description: 'same', group: null },
      ['name', 'description', 'group'],
    );
    expect(result).toEqual({ before: { name: 'a', group: '1' }, after: { name: 'b', group: null } });
  });
});
