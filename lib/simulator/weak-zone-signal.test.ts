/**
 * Charts and tracks tell a true story: where a vehicle's route crosses a weak-signal zone, its signal
 * samples and the radio values on its historical fixes dip, and nowhere else on the route do they
 * dip as far. The zones are read from the same deterministic geography the simulator builds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, FLAG_HAS_GPS, FLAG_PERM_OFFLINE, NET_DEVICE_ID_BASE, ROUTER_ID_BASE } from './fleet/fleet';
import { weakPenaltyDb } from './fleet/geo';
import { positionAt } from './fleet/motion';
import { parseTimestamp } from './fleet/time';
import type { RunningSimulator } from './index';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

const ROUTERS = 300;
const SEED = 42;
const DAY = 86_400_000;
/** A fix or sample counts as "in" a zone past this penalty (the simulator's own degraded line). */
const IN_ZONE_DB = 12;

let sim: RunningSimulator;
let a: Api;
const fleet = new Fleet(ROUTERS, SEED);

beforeAll(async () => {
  sim = await start({ routers: ROUTERS, seed: SEED });
  a = api(sim);
});
afterAll(() => sim.close());

/** The whole millisecond the simulator computed the record at. */
const ms = (iso: unknown) => Math.floor(parseTimestamp(String(iso)) / 1000);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Vehicles with GPS whose loop crosses at least one weak zone. */
function crossingVehicles(): number[] {
  const out: number[] = [];
  for (const r of fleet.vehicles) {
    if (!(fleet.flags[r]! & FLAG_HAS_GPS) || fleet.flags[r]! & FLAG_PERM_OFFLINE) continue;
    if (fleet.geo.routes[fleet.route[r]!]!.zoneEntries.length > 0) out.push(r);
  }
  return out;
}

function penaltyAt(r: number, atMs: number): number {
  const p = positionAt(fleet, r, atMs);
  return weakPenaltyDb(fleet.geo.zones, p.metro, p.x, p.y);
}

async function all(path: string): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (let offset = 0; ; offset += 500) {
    const page = asList((await a.get(`${path}&limit=500&offset=${offset}`)).body);
    out.push(...page.data);
    if (page.meta.next === null || page.data.length === 0) return out;
  }
}

const window = (days: number) =>
  `created_at__gte=${encodeURIComponent(new Date(FIXED_NOW - days * DAY).toISOString())}&created_at__lt=${encodeURIComponent(new Date(FIXED_NOW - 60_000).toISOString())}`;

describe('a vehicle crossing a weak zone', () => {
  it('some vehicles of the fleet do cross one', () => {
    expect(crossingVehicles().length).toBeGreaterThan(0);
  });

  it('its historical fixes are where the vehicle was, and their RSRP and SINR dip inside the zone', async () => {
    for (const r of crossingVehicles().slice(0, 3)) {
      const fixes = await all(`historical_locations/?router=${ROUTER_ID_BASE + r}&${window(1)}`);
      expect(fixes.length).toBeGreaterThan(600);
      const inside: Array<Record<string, unknown>> = [];
      const outside: Array<Record<string, unknown>> = [];
      for (const f of fixes) {
        const at = ms(f.created_at);
        const p = positionAt(fleet, r, at);
        expect([f.latitude, f.longitude]).toEqual([p.lat, p.lon]);
        // What a map and a chart need on every fix.
        expect(f).toMatchObject({
          rsrp: expect.any(Number),
          rsrq: expect.any(Number),
          sinr: expect.any(Number),
          rssi: expect.any(Number),
          carrier_id: expect.any(String),
          mph: expect.any(Number),
          rfband: expect.any(String),
        });
        const penalty = penaltyAt(r, at);
        if (penalty > IN_ZONE_DB) inside.push(f);
        else if (penalty === 0) outside.push(f);
      }
      expect(inside.length, `vehicle ${r} crosses its zone within a day`).toBeGreaterThan(0);
      const rsrpIn = inside.map((f) => f.rsrp as number);
      const rsrpOut = outside.map((f) => f.rsrp as number);
      console.log(
        `vehicle ${r}: ${inside.length} fixes in a zone, mean RSRP ${mean(rsrpIn).toFixed(1)} dBm against ${mean(rsrpOut).toFixed(1)} elsewhere`,
      );
      expect(mean(rsrpIn)).toBeLessThan(mean(rsrpOut) - 10);
      expect(mean(inside.map((f) => f.sinr as number))).toBeLessThan(mean(outside.map((f) => f.sinr as number)) - 5);
      // In a dead spot the modem falls back to its carrier's low band: one band for all those fixes.
      expect(new Set(inside.map((f) => f.rfband)).size).toBe(1);
      // The deepest dip of the day is in a zone, not somewhere else on the route.
      expect(Math.min(...rsrpIn)).toBeLessThan(Math.min(...rsrpOut));
    }
  });

  it('its modems’ signal samples dip at the instants the vehicle is inside the zone', async () => {
    for (const r of crossingVehicles().slice(0, 3)) {
      const modem = NET_DEVICE_ID_BASE + fleet.ndFirst[r]!;
      const samples = await all(`net_device_signal_samples/?net_device=${modem}&${window(7)}`);
      expect(samples.length).toBeGreaterThan(2000);
      const inside: number[] = [];
      const outside: number[] = [];
      for (const s of samples) {
        expect(s).toMatchObject({
          rsrp: expect.any(Number),
          rsrq: expect.any(Number),
          sinr: expect.any(Number),
          rssi: expect.any(Number),
        });
        const penalty = penaltyAt(r, ms(s.created_at));
        if (penalty > IN_ZONE_DB) inside.push(s.rsrp as number);
        else if (penalty === 0) outside.push(s.rsrp as number);
      }
      expect(inside.length, `vehicle ${r} is sampled inside its zone within a week`).toBeGreaterThan(0);
      expect(mean(inside)).toBeLessThan(mean(outside) - 10);
    }
  });
});
