/**
 * The time-series client against the real simulator, started in-process: whole windows paged
 * through meta.next, and every record read through the wire schemas into domain types.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simulatorAsNcm } from '@/lib/testing/simulator-as-ncm';
import type { RunningSimulator } from '@/lib/simulator';
import { setNcmCallBudget } from './budget';
import { listHistoricalLocations, listRouterStateSamples, listSignalSamples, listUsageSamples } from './time-series';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const HOUR = 3_600_000;
let sim: RunningSimulator;
let stop: () => Promise<void>;
let headers: Record<string, string>;

beforeAll(async () => {
  ({ sim, stop, headers } = await simulatorAsNcm({ routers: 150, now: () => NOW }));
});

afterAll(() => stop());

beforeEach(() => setNcmCallBudget(undefined));

function callsTo(path: string): number {
  return sim.stats().byPath[`/api/v2/${path}`] ?? 0;
}

/** A vehicle of the simulated fleet (its name says so) and its first modem. */
async function aVehicle(): Promise<{ routerId: string; modemId: string }> {
  const routers = (await (await fetch(`${sim.baseUrl}/routers/?limit=150&fields=id,name`, { headers })).json()) as {
    data: Array<{ id: string; name: string }>;
  };
  const bus = routers.data.find((r) => /^(BUS|PD|VAN)-/.test(r.name))!;
  const devices = (await (
    await fetch(`${sim.baseUrl}/net_devices/?router=${bus.id}&type=mdm`, { headers })
  ).json()) as { data: Array<{ id: string; type: string }> };
  return { routerId: bus.id, modemId: devices.data.find((d) => d.type === 'mdm')!.id };
}

describe('time series from the simulator', () => {
  it('a 24 h signal window: every five-minute sample, oldest first, in one call per 500', async () => {
    const { modemId } = await aVehicle();
    const before = callsTo('net_device_signal_samples/');
    const { items, complete } = await listSignalSamples([modemId], { fromMs: NOW - 24 * HOUR, toMs: NOW - 60_000 });
    expect(complete).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(287);
    expect(items.length).toBeLessThanOrEqual(288);
    expect(callsTo('net_device_signal_samples/') - before).toBe(1);
    for (let i = 1; i < items.length; i++) expect(items[i]!.atMs - items[i - 1]!.atMs).toBe(5 * 60_000);
    for (const s of items) {
      expect(s.netDeviceId).toBe(modemId);
      expect(s.rsrp).toEqual(expect.any(Number));
      expect(s.rsrq).toEqual(expect.any(Number));
      expect(s.sinr).toEqual(expect.any(Number));
      expect(s.rssi).toEqual(expect.any(Number));
    }
  });

  it('a 7-day signal window pages through meta.next: no hole and no repeat at part or page boundaries', async () => {
    const { modemId } = await aVehicle();
    const before = callsTo('net_device_signal_samples/');
    const { items } = await listSignalSamples(
      [modemId],
      { fromMs: NOW - 7 * 24 * HOUR, toMs: NOW - 60_000 },
      { parts: 4 },
    );
    expect(items.length).toBeGreaterThanOrEqual(2015);
    expect(new Set(items.map((s) => s.at)).size).toBe(items.length);
    for (let i = 1; i < items.length; i++) expect(items[i]!.atMs - items[i - 1]!.atMs).toBe(5 * 60_000);
    // Four parts of ~504 samples: two pages each.
    expect(callsTo('net_device_signal_samples/') - before).toBe(8);
  });

  it('usage samples every 15 minutes, historical fixes every minute with radio values, state changes', async () => {
    const { routerId, modemId } = await aVehicle();
    const usage = await listUsageSamples([modemId], { fromMs: NOW - 6 * HOUR, toMs: NOW - 60_000 });
    expect(usage.items.length).toBeGreaterThanOrEqual(23);
    expect(usage.items.every((u) => u.periodSeconds === 900 && u.bytesIn !== null)).toBe(true);
    const fixes = await listHistoricalLocations(routerId, { fromMs: NOW - 2 * HOUR, toMs: NOW - 60_000 });
    expect(fixes.items.length).toBeGreaterThan(0);
    for (const f of fixes.items) {
      expect(f.routerId).toBe(routerId);
      expect(f.rsrp).toEqual(expect.any(Number));
      expect(f.sinr).toEqual(expect.any(Number));
      expect(f.carrier).toEqual(expect.any(String));
      expect(f.mph).toEqual(expect.any(Number));
    }
    const ids = Array.from({ length: 100 }, (_, i) => String(1_000_001 + i));
    const states = await listRouterStateSamples(ids, { fromMs: NOW - 7 * 24 * HOUR, toMs: NOW - 60_000 });
    expect(states.items.length).toBeGreaterThan(0);
    expect(states.items.every((s) => s.state === 'online' || s.state === 'offline')).toBe(true);
  });
});
