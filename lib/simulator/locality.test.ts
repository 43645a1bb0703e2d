/**
 * Every router carries NCM's `locality`: a time zone name the dashboard can show times in, and the
 * zone of the place the router actually is (its metro), not a random one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './index';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

let sim: RunningSimulator;
let a: Api;

beforeAll(async () => {
  sim = await start({ routers: 200 });
  a = api(sim);
});
afterAll(() => sim.close());

/** The zone's offset from UTC in hours at the simulator's clock (winter or summer time alike). */
function offsetHours(zone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
}

describe('router locality', () => {
  it('is a time zone Intl knows, for every router, and the zone of where the router is', async () => {
    const routers = asList((await a.get('routers/?limit=200&fields=id,locality')).body).data;
    const locations = asList((await a.get('locations/?limit=500')).body).data;
    const lonOf = new Map(locations.map((l) => [String(l.router).match(/routers\/(\d+)\//)?.[1], Number(l.longitude)]));
    expect(routers).toHaveLength(200);
    let checked = 0;
    for (const r of routers) {
      const zone = String(r.locality);
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
      const lon = lonOf.get(String(r.id));
      if (lon === undefined) continue;
      // Solar time of the place, within the width of a zone plus summer time.
      expect(Math.abs(offsetHours(zone, FIXED_NOW) - lon / 15), `${r.id} at ${lon} in ${zone}`).toBeLessThan(2);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
