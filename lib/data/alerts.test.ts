/**
 * Alert data functions over the held window: the account filter goes through the routers (NCM leaves
 * the account of most router alerts null), the type menu lists what the window holds, and an alert
 * NCM never sent cannot be acknowledged.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '@/lib/domain/types';

const upstream = vi.hoisted(() => ({ alerts: [] as Alert[], calls: 0 }));
vi.hoisted(() => {
  process.env.STORE_PATH = `${require('node:os').tmpdir()}/fleet-alerts-data-${process.pid}.db`;
});

vi.mock('@/lib/auth/session', () => ({
  authorize: vi.fn(async () => ({
    id: 'credentials:op',
    provider: 'credentials',
    username: 'op',
    name: 'Operator',
    role: 'Full Access',
  })),
}));
vi.mock('@/lib/alerts/live', () => ({ getLiveAlerts: () => ({ ensureStarted: async () => undefined }) }));
vi.mock('@/lib/ncm', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  listAlerts: vi.fn(async (q: { createdAfter?: string; offset?: number; limit?: number }) => {
    upstream.calls++;
    const after = q.createdAfter ? Date.parse(q.createdAfter) : 0;
    const items = upstream.alerts.filter((a) => Date.parse(a.createdAt) > after);
    return { items, limit: q.limit ?? 100, offset: q.offset ?? 0, hasMore: false };
  }),
}));
vi.mock('@/lib/reads/routers', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  // Routers 1 and 2 are in account 7; router 3 in account 8.
  readRouterIdsIn: vi.fn(
    async (where: { accountId?: string }) => new Set(where.accountId === '7' ? ['1', '2'] : ['3']),
  ),
  readRouterFacts: vi.fn(async () => new Map()),
}));
vi.mock('@/lib/reads/reference', () => ({
  readReference: vi.fn(async () => ({
    groups: new Map(),
    accounts: new Map(),
    products: new Map(),
    firmwares: new Map(),
  })),
}));

const { getAlertsPage, acknowledgeAlert } = await import('./alerts');
const { getAlertWindow } = await import('@/lib/alerts/alert-window');
const { alertsQuerySchema } = await import('@/lib/dto/alerts');
const { listAudit } = await import('@/lib/store/audit');
const { getStore } = await import('@/lib/store/db');

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const alert = (id: string, routerId: string | null, type: string, accountId: string | null = null): Alert => ({
  id,
  type,
  routerId,
  accountId,
  message: id,
  createdAt: minutesAgo(Number(id.slice(1))),
  detectedAt: null,
});

beforeEach(() => {
  getAlertWindow().clear();
  upstream.calls = 0;
  upstream.alerts = [
    alert('a1', '1', 'router_offline'),
    alert('a2', '2', 'connection_state'),
    alert('a3', '3', 'failover_event', '8'),
    alert('a4', null, 'test_alert', '7'),
  ];
});

afterAll(() => {
  getStore().close();
});

describe('alert feed data', () => {
  it('filters by account through the routers, keeping account-wide alerts of that account', async () => {
    const page = await getAlertsPage(alertsQuerySchema.parse({ account: '7' }));
    expect(page.items.map((a) => a.id)).toEqual(['a1', 'a2', 'a4']);
  });

  it('offers the types the window holds, unknown ones included, and filters by them', async () => {
    const all = await getAlertsPage(alertsQuerySchema.parse({}));
    expect(all.types).toEqual(['connection_state', 'failover_event', 'router_offline', 'test_alert']);
    const one = await getAlertsPage(alertsQuerySchema.parse({ type: 'failover_event' }));
    expect(one.items.map((a) => a.id)).toEqual(['a3']);
    expect(upstream.calls).toBe(1);
  });

  it('refuses to acknowledge an alert NCM never sent, and writes nothing', async () => {
    const before = listAudit({ limit: 100, offset: 0 }).total;
    await expect(acknowledgeAlert('1', { comment: 'x' })).rejects.toMatchObject({ status: 404 });
    expect(listAudit({ limit: 100, offset: 0 }).total).toBe(before);
    const done = await acknowledgeAlert('a1', { comment: 'seen' });
    expect(done.created).toBe(true);
    expect(listAudit({ limit: 100, offset: 0 }).total).toBe(before + 1);
  });
});
