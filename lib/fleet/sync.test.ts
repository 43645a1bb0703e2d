import { describe, expect, it } from 'vitest';
import { NcmError } from '@/lib/ncm/errors';
import { FleetSync } from './sync';
import { fakeUpstream, TEST_CONFIG } from './test-support/fake-upstream';

function setup(routers: number) {
  const clock = { t: Date.parse('2026-01-01T01:00:00Z') };
  const upstream = fakeUpstream(routers);
  const sync = new FleetSync({ upstream, config: TEST_CONFIG, now: () => clock.t });
  return { clock, upstream, sync };
}

const count = (calls: string[], name: string) => calls.filter((c) => c === name).length;

describe('FleetSync planner', () => {
  it('a full sync of N routers costs ⌈N/500⌉ router calls (plus at most concurrency−1 past the end when cold)', async () => {
    const { upstream, sync } = setup(2_250);
    await sync.refresh();
    const routerCalls = count(upstream.calls, 'routers');
    expect(routerCalls).toBeGreaterThanOrEqual(5);
    expect(routerCalls).toBeLessThanOrEqual(5 + TEST_CONFIG.concurrency - 1);
    expect(sync.view().sync.phase).toBe('ready');
    expect(sync.view().sync.loadedRouters).toBe(2_250);
  });

  it('a cold full sync costs exactly ⌈N/500⌉ router calls when the upstream sends the spec\u2019s total_count', async () => {
    const { upstream, sync } = setup(2_250);
    const plain = upstream.routers.bind(upstream);
    upstream.routers = async (q) => ({ ...(await plain(q)), totalCount: upstream.routerList.length });
    await sync.refresh();
    expect(count(upstream.calls, 'routers')).toBe(5);
    expect(sync.view().sync.loadedRouters).toBe(2_250);
  });

  it('a later full sync with a known fleet size costs exactly ⌈N/500⌉ calls per list', async () => {
    const { clock, upstream, sync } = setup(2_000);
    await sync.refresh();
    upstream.calls.length = 0;
    clock.t += TEST_CONFIG.fullSyncMs;
    await sync.refresh();
    expect(count(upstream.calls, 'routers')).toBe(4);
    expect(count(upstream.calls, 'net_devices')).toBe(4);
    expect(count(upstream.calls, 'metrics')).toBe(4);
    expect(count(upstream.calls, 'health')).toBe(4);
  });

  it('an incremental poll of a quiet fleet costs a constant 4 calls', async () => {
    const { clock, upstream, sync } = setup(3_000);
    await sync.refresh();
    for (let i = 0; i < 3; i++) {
      upstream.calls.length = 0;
      clock.t += TEST_CONFIG.pollMs;
      await sync.refresh();
      expect(upstream.calls).toEqual(['routers:state', 'routers:updated', 'net_devices:updated', 'metrics:updated']);
    }
  });

  it('a poll picks up a state change and bumps the version', async () => {
    const { clock, upstream, sync } = setup(10);
    await sync.refresh();
    const before = sync.view().version;
    upstream.routerList[3] = { ...upstream.routerList[3]!, state: 'offline', stateUpdatedAt: '2026-01-01T00:30:00Z' };
    clock.t += TEST_CONFIG.pollMs;
    await sync.refresh();
    const view = sync.view();
    expect(view.version).toBeGreaterThan(before);
    expect(view.data.routers.get('1003')?.state).toBe('offline');
  });

  it('journals what each poll touched, so indexes can patch just those routers', async () => {
    const { clock, upstream, sync } = setup(10);
    await sync.refresh();
    const v0 = sync.view().version;
    // A full sync replaces everything: nothing to patch from before it.
    expect(sync.changedSince(v0 - 1)).toBeNull();
    expect(sync.changedSince(v0)).toEqual({ routers: new Set(), devices: new Set() });

    upstream.routerList[3] = { ...upstream.routerList[3]!, state: 'offline', stateUpdatedAt: '2026-01-01T00:30:00Z' };
    const modem = upstream.deviceList[5]!;
    upstream.deviceList[5] = { ...modem, carrier: 'AT&T', updatedAt: '2026-01-01T00:31:00Z' };
    upstream.metricList[7] = { ...upstream.metricList[7]!, rsrp: -110, updatedAt: '2026-01-01T00:32:00Z' };
    clock.t += TEST_CONFIG.pollMs;
    await sync.refresh();
    const v1 = sync.view().version;
    expect(v1).toBe(v0 + 1);
    const changes = sync.view().changedSince?.(v0);
    expect(changes?.routers).toEqual(new Set(['1003', modem.routerId!, upstream.deviceList[7]!.routerId!]));
    expect(changes?.devices).toEqual(new Set([modem.id]));

    sync.applyRouterUpdate({ ...sync.view().data.routers.get('1001')!, name: 'Renamed' });
    expect(sync.changedSince(v0)?.routers).toEqual(
      new Set(['1003', modem.routerId!, upstream.deviceList[7]!.routerId!, '1001']),
    );
    expect(sync.changedSince(v1)?.routers).toEqual(new Set(['1001']));

    // Metrics for a device the snapshot does not know: unknown, so indexes rebuild.
    upstream.metricList.push({ ...upstream.metricList[0]!, netDeviceId: '999999', updatedAt: '2026-01-01T00:40:00Z' });
    clock.t += TEST_CONFIG.pollMs;
    await sync.refresh();
    expect(sync.changedSince(v1 + 1)).toBeNull();
  });

  it('polls go on during a later full sync, and a change its pages missed is replayed after the swap', async () => {
    const { clock, upstream, sync } = setup(2_000);
    await sync.refresh();
    upstream.latencyMs = 40;
    clock.t += TEST_CONFIG.fullSyncMs;
    upstream.calls.length = 0;
    const both = sync.refresh();
    // A poll started beside the full sync, and finishes long before it.
    expect(upstream.calls).toContain('routers:state');
    // After the full sync read router 0's page (40 ms) and while it reads the others (40–80 ms):
    // router 0 and router 1999 change state, 1999's change the later of the two.
    await new Promise((r) => setTimeout(r, 60));
    expect(upstream.routerList[0]!.state).toBe('offline');
    upstream.routerList[0] = { ...upstream.routerList[0]!, state: 'online', stateUpdatedAt: '2026-01-01T00:50:00Z' };
    upstream.routerList[1999] = {
      ...upstream.routerList[1999]!,
      state: 'offline',
      stateUpdatedAt: '2026-01-01T00:51:00Z',
    };
    await both;
    expect(sync.view().data.routers.get('2999')?.state).toBe('offline');
    upstream.latencyMs = 0;
    clock.t += TEST_CONFIG.pollMs;
    await sync.refresh();
    // The full sync's own newest timestamp (router 1999's) is later than router 0's change: resuming
    // from there would have lost it.
    expect(sync.view().data.routers.get('1000')?.state).toBe('online');
  });

  it('makes no call when the snapshot is fresh', async () => {
    const { clock, upstream, sync } = setup(100);
    await sync.read();
    await sync.refresh();
    upstream.calls.length = 0;
    clock.t += TEST_CONFIG.pollMs - 1;
    await sync.read();
    await sync.read();
    expect(upstream.calls).toEqual([]);
  });

  it('the first read waits only for the first routers page; rows stream in', async () => {
    const { upstream, sync } = setup(1_500);
    upstream.latencyMs = 20;
    const view = await sync.read();
    expect(view.sync.phase).toBe('initial');
    expect(view.data.routers.size).toBeGreaterThanOrEqual(500);
    expect(view.data.routers.size).toBeLessThan(1_500);
    await sync.refresh();
    expect(sync.view().sync.loadedRouters).toBe(1_500);
  });

  it('says how many routers the first sync expects when NCM states it, and forgets it once done', async () => {
    const { upstream, sync } = setup(1_500);
    upstream.latencyMs = 20;
    upstream.sendsTotal = true;
    const view = await sync.read();
    expect(view.sync).toMatchObject({ phase: 'initial', expectedRouters: 1_500 });
    expect(view.sync.loadedRouters).toBeLessThan(1_500);
    await sync.refresh();
    expect(sync.view().sync).toMatchObject({ phase: 'ready', expectedRouters: null, loadedRouters: 1_500 });
  });

  it('leaves the expected size unknown when NCM does not state it', async () => {
    const { upstream, sync } = setup(1_500);
    upstream.latencyMs = 20;
    expect((await sync.read()).sync.expectedRouters).toBeNull();
  });
});

describe('FleetSync single-flight and stale-if-error', () => {
  it('50 concurrent reads on an empty snapshot start one sync', async () => {
    const { upstream, sync } = setup(600);
    upstream.latencyMs = 5;
    const views = await Promise.all(Array.from({ length: 50 }, () => sync.read()));
    await sync.refresh();
    expect(views.every((v) => v.data.routers.size >= 500)).toBe(true);
    expect(count(upstream.calls, 'reference')).toBe(1);
    expect(sync.getStats().fullSyncs).toBe(1);
  });

  it('50 concurrent reads of an old snapshot start one poll and answer immediately', async () => {
    const { clock, upstream, sync } = setup(600);
    await sync.refresh();
    upstream.calls.length = 0;
    clock.t += TEST_CONFIG.pollMs;
    await Promise.all(Array.from({ length: 50 }, () => sync.read()));
    await sync.refresh();
    expect(sync.getStats().polls).toBe(1);
    expect(upstream.calls).toHaveLength(4);
  });

  it('serves the last data with stale=true and asOf unchanged when NCM answers 503', async () => {
    const { clock, upstream, sync } = setup(100);
    await sync.refresh();
    const warm = sync.view();
    upstream.failWith = new NcmError('upstream_error', 'NCM answered 503', { status: 503, upstreamStatus: 503 });
    clock.t += TEST_CONFIG.pollMs;
    await sync.read();
    await sync.refresh().catch(() => undefined);
    clock.t += TEST_CONFIG.pollMs + 1;
    const view = await sync.read();
    await sync.refresh().catch(() => undefined);
    expect(view.data.routers.size).toBe(100);
    expect(view.stale).toBe(true);
    expect(view.asOf).toBe(warm.asOf);
    expect(view.sync.lastError).toBe('NetCloud Manager reported an error.');
    // Recovery clears the flag.
    upstream.failWith = null;
    clock.t += TEST_CONFIG.pollMs;
    await sync.read();
    await sync.refresh().catch(() => undefined);
    expect(sync.view().stale).toBe(false);
    expect(sync.view().sync.lastError).toBeNull();
  });

  it('fails once the data is older than the stale limit', async () => {
    const { clock, upstream, sync } = setup(10);
    await sync.refresh();
    upstream.failWith = new NcmError('unreachable', 'down');
    clock.t += TEST_CONFIG.maxStaleMs + 1;
    await sync.refresh().catch(() => undefined);
    expect(() => sync.view()).toThrow(NcmError);
  });

  it('a first read that fails rejects (nothing to serve), and the next read tries again', async () => {
    const { upstream, sync } = setup(10);
    upstream.failWith = new NcmError('unreachable', 'down');
    await expect(sync.read()).rejects.toBeInstanceOf(NcmError);
    upstream.failWith = null;
    const view = await sync.read();
    expect(view.data.routers.size).toBe(10);
  });

  it('polls on schedule while someone reads, so a reader is never served data older than an interval plus a poll', async () => {
    const clock = { t: Date.parse('2026-01-01T01:00:00Z') };
    const upstream = fakeUpstream(10);
    const timers: Array<{ at: number; fn: () => void }> = [];
    const sync = new FleetSync({
      upstream,
      config: TEST_CONFIG,
      now: () => clock.t,
      keepWarm: { setTimer: (fn, ms) => timers.push({ at: clock.t + ms, fn }) },
    });
    await sync.read();
    await sync.refresh();
    await sync.read();
    expect(timers).toHaveLength(1);
    expect(timers[0]!.at - clock.t).toBe(TEST_CONFIG.pollMs);
    // The timer fires on time: the poll runs before any reader finds old data.
    clock.t = timers[0]!.at;
    upstream.calls.length = 0;
    timers.shift()!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(upstream.calls.length).toBeGreaterThan(0);
    expect(sync.view().asOf).toBe(clock.t);
    // Nobody reads any more: after two intervals the schedule stops by itself.
    while (timers.length > 0) {
      clock.t = timers[0]!.at;
      timers.shift()!.fn();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(clock.t - Date.parse('2026-01-01T01:00:00Z')).toBeLessThanOrEqual(4 * TEST_CONFIG.pollMs);
  });
});
