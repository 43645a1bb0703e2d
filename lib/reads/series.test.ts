/**
 * A chart's NCM cost does not grow with its viewers: twenty concurrent reads of the same modem's or
 * router's window, counted at the simulator, make one NCM call per page of that window.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatorAsNcm } from '@/lib/testing/simulator-as-ncm';
import { setNcmCallBudget } from '@/lib/ncm/budget';
import type { RunningSimulator } from '@/lib/simulator';
import { readLocationTrack, readRouterStates, readSignalSeries, readUsageSeries } from './series';
import { chunkWindow } from './series-window';
import { resetSharedReads, sharedReadStats } from './shared-read';

// The simulator runs on the real clock here: the reads clamp windows against Date.now().
let sim: RunningSimulator;
let stop: () => Promise<void>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MODEM = '5000001';
const ROUTER = '1000001';

beforeAll(async () => {
  ({ sim, stop } = await simulatorAsNcm({ routers: 120 }));
});

afterAll(() => stop());

beforeEach(() => {
  setNcmCallBudget(undefined);
  resetSharedReads();
});

/** A second into the current minute: viewers' clocks a few ms apart stay in one minute. */
function settledNow(): number {
  return Math.floor(Date.now() / 60_000) * 60_000 + 1_000;
}

function calls(path: string): number {
  return sim.stats().byPath[`/api/v2/${path}`] ?? 0;
}

describe('time-series reads shared between viewers', () => {
  it('twenty viewers of one modem’s 7-day signal chart: one NCM call per page, the same samples for all', async () => {
    const now = settledNow();
    const before = calls('net_device_signal_samples/');
    // Viewers arrive within the same minute with slightly different clocks: the same key.
    const reads = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        readSignalSeries(MODEM, { fromMs: now - 7 * DAY + i * 100, toMs: now }, now + i * 10),
      ),
    );
    const made = calls('net_device_signal_samples/') - before;
    // ~2,016 five-minute samples in day-aligned chunks of at most 288: one page each, asked once.
    const chunks = chunkWindow('signal', reads[0]!.window);
    expect(chunks.length).toBeGreaterThanOrEqual(7);
    expect(made).toBe(chunks.length);
    expect(reads[0]!.items.length).toBeGreaterThan(2000);
    for (let i = 1; i < reads[0]!.items.length; i++)
      expect(reads[0]!.items[i]!.atMs).toBeGreaterThan(reads[0]!.items[i - 1]!.atMs);
    for (const r of reads) expect(r.items).toBe(reads[0]!.items);
    expect(sharedReadStats().signalSeries).toEqual({ requests: 20 * chunks.length, loads: chunks.length });

    // A later viewer of the same minute costs nothing.
    await readSignalSeries(MODEM, { fromMs: now - 7 * DAY, toMs: now }, now);
    expect(calls('net_device_signal_samples/') - before).toBe(chunks.length);

    // The chart still open a minute later: only the chunks whose bounds moved (its two ends) are read.
    const later = await readSignalSeries(MODEM, { fromMs: now + 60_000 - 7 * DAY, toMs: now + 60_000 }, now + 60_000);
    const held = new Set(chunks.map((c) => `${c.fromMs}-${c.toMs}`));
    const fresh = chunkWindow('signal', later.window).filter((c) => !held.has(`${c.fromMs}-${c.toMs}`));
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(calls('net_device_signal_samples/') - before).toBe(chunks.length + fresh.length);
  });

  it('twenty viewers of one router’s 24-hour track and its states: one call per page', async () => {
    const now = settledNow();
    const beforeFixes = calls('historical_locations/');
    const beforeStates = calls('router_state_samples/');
    const tracks = await Promise.all(
      Array.from({ length: 20 }, () => readLocationTrack(ROUTER, { fromMs: now - DAY, toMs: now }, now)),
    );
    const states = await Promise.all(
      Array.from({ length: 20 }, () => readRouterStates(ROUTER, { fromMs: now - DAY, toMs: now }, now)),
    );
    // Six-hour chunks of at most 360 fixes: one page each, asked once whatever the number of viewers.
    expect(tracks[0]!.items.length).toBeGreaterThan(0);
    expect(calls('historical_locations/') - beforeFixes).toBe(chunkWindow('locations', tracks[0]!.window).length);
    expect(tracks.every((t) => t.items === tracks[0]!.items)).toBe(true);
    // Week-long chunks aligned to the epoch (a Thursday, 00:00 UTC): a day's window that crosses one
    // is two chunks, so on Thursdays two calls; never more than one per chunk.
    expect(calls('router_state_samples/') - beforeStates).toBe(chunkWindow('routerStates', states[0]!.window).length);
    expect(states.every((s) => s.items === states[0]!.items)).toBe(true);
  });

  it('clamps a window to what NCM keeps, says so, and asks nothing for a window wholly past it', async () => {
    const now = settledNow();
    const signal = await readSignalSeries(MODEM, { fromMs: now - 30 * DAY, toMs: now }, now);
    expect(signal.clampedToRetention).toBe(true);
    expect(signal.window.fromMs).toBeGreaterThanOrEqual(now - 7 * DAY);
    expect(signal.items[0]!.atMs).toBeGreaterThanOrEqual(now - 7 * DAY);
    const usage = await readUsageSeries(MODEM, { fromMs: now - 30 * DAY, toMs: now - 29 * DAY }, now);
    expect(usage.clampedToRetention).toBe(false);
    expect(usage.closed).toBe(true);
    expect(usage.items.length).toBeGreaterThanOrEqual(95);
    const before = calls('net_device_signal_samples/');
    const gone = await readSignalSeries(MODEM, { fromMs: now - 30 * DAY, toMs: now - 20 * DAY }, now);
    expect(gone.items).toEqual([]);
    expect(gone.clampedToRetention).toBe(true);
    expect(calls('net_device_signal_samples/')).toBe(before);
  });
});
