/**
 * A router page's NCM cost does not grow with its viewers: the data functions it calls, run for two
 * (and twenty) concurrent viewers against the real simulator, make one upstream call per resource —
 * and none for what the fleet snapshot already holds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatorAsNcm } from '@/lib/testing/simulator-as-ncm';
import { getAlertWindow } from '@/lib/alerts/alert-window';
import { fleetIndexReady, getFleetSync, resetFleetSync } from '@/lib/fleet';
import { fleetSyncConfigFromEnv } from '@/lib/fleet/config';
import { setNcmCallBudget } from '@/lib/ncm/budget';
import { resetSharedReads } from '@/lib/reads';
import type { RunningSimulator } from '@/lib/simulator';
import { getRouterDetail, getRouterModems, listRecentRouterAlerts } from './routers';

vi.mock('@/lib/auth/session', () => ({
  authorize: vi.fn(async () => ({ id: 'u', username: 'viewer', name: 'Viewer', role: 'Read Only' })),
}));

let sim: RunningSimulator;
let stop: () => Promise<void>;
const ROUTER = '1000007';

beforeAll(async () => {
  ({ sim, stop } = await simulatorAsNcm({ routers: 120 }));
});

afterAll(() => stop());

beforeEach(() => {
  setNcmCallBudget(undefined);
  resetSharedReads();
  getAlertWindow().clear();
  resetFleetSync({ config: fleetSyncConfigFromEnv(), log: () => undefined });
});

afterEach(() => {
  resetFleetSync();
});

/** Calls per NCM path since `before` (the simulator counts every request by path template). */
function callsSince(before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, n] of Object.entries(sim.stats().byPath)) {
    const d = n - (before[path] ?? 0);
    if (d > 0) out[path.replace(/^\/api\/v2\//, '')] = d;
  }
  return out;
}

const onePageView = () =>
  Promise.all([
    getRouterDetail(ROUTER),
    getRouterModems(ROUTER),
    listRecentRouterAlerts(ROUTER, '24h'),
    listRecentRouterAlerts(ROUTER, '30d'),
  ]);

describe('a router page read by many viewers at once', () => {
  it('costs one NCM call per resource for two concurrent viewers, and the same for twenty', async () => {
    const before = { ...sim.stats().byPath };
    const [a, b] = await Promise.all([onePageView(), onePageView()]);
    expect(a[0]?.id).toBe(ROUTER);
    expect(b[0]).toEqual(a[0]);
    expect(b[1]).toEqual(a[1]);
    const two = callsSince(before);
    // Every resource the page needs, exactly once.
    expect(two).toEqual({
      'routers/{id}/': 1,
      'net_devices/': 1,
      'net_device_metrics/': 1,
      'net_device_health/': 1,
      'groups/': 1,
      'accounts/': 1,
      'products/': 1,
      'firmwares/': 1,
      // The fleet's held alert window (one page) and this router's 30-day look.
      'alerts/': 2,
    });

    const again = { ...sim.stats().byPath };
    await Promise.all(Array.from({ length: 20 }, onePageView));
    expect(callsSince(again)).toEqual({});
  });

  it('asks NCM nothing for the router, its devices or their metrics once the fleet snapshot holds them', async () => {
    const sync = getFleetSync();
    await sync.read();
    await vi.waitFor(() => expect(sync.view().sync.phase).toBe('ready'), { timeout: 15_000 });
    await fleetIndexReady();
    const before = { ...sim.stats().byPath };
    const views = await Promise.all(
      Array.from({ length: 20 }, () => Promise.all([getRouterDetail(ROUTER), getRouterModems(ROUTER)])),
    );
    const calls = callsSince(before);
    for (const path of [
      'routers/{id}/',
      'net_devices/',
      'net_device_metrics/',
      'net_device_health/',
      'groups/',
      'accounts/',
    ]) {
      expect(calls[path], path).toBeUndefined();
    }
    const [detail, modems] = views[0]!;
    expect(detail?.netDevices.length).toBeGreaterThan(0);
    expect(modems.length).toBeGreaterThan(0);
    expect(modems.some((m) => m.rsrp !== null)).toBe(true);
  });
});
