import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './index';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

let sim: RunningSimulator;
let a: Api;

beforeAll(async () => {
  sim = await start({ routers: 60 });
  a = api(sim);
});
afterAll(() => sim.close());

describe('latest metrics', () => {
  it('are reported by each modem on its own phase, not by the whole fleet at one instant', async () => {
    const metrics = asList((await a.get('net_device_metrics/?limit=500')).body).data.filter((m) => m.rsrp !== null);
    expect(metrics.length).toBeGreaterThan(20);
    const times = metrics.map((m) => Date.parse(String(m.update_ts)));
    for (const t of times) {
      expect(t).toBeLessThanOrEqual(FIXED_NOW);
      expect(FIXED_NOW - t).toBeLessThan(5 * 60_000);
    }
    // Spread over the five-minute period: an incremental poll finds a few, never all at once.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3 * 60_000);
  });

  it('are the modem’s latest signal sample', async () => {
    const m = asList((await a.get('net_device_metrics/?limit=50')).body).data.find((r) => r.rsrp !== null)!;
    const id = String(m.id);
    const samples = asList((await a.get(`net_device_signal_samples/?net_device=${id}&limit=500`)).body).data;
    const latest = samples.reduce((best, s) =>
      Date.parse(String(s.created_at)) > Date.parse(String(best.created_at)) ? s : best,
    );
    expect(Date.parse(String(latest.created_at))).toBe(Date.parse(String(m.update_ts)));
    expect(latest.rsrp).toBe(m.rsrp);
  });
});
