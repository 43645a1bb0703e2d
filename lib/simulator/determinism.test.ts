import { describe, expect, it } from 'vitest';
import { type Api, api, asList, FIXED_NOW, start } from './test-helpers';

const PATHS = [
  'routers/?limit=100',
  'net_devices/?limit=100',
  'net_device_metrics/?limit=50',
  'alerts/?limit=200',
  'locations/?limit=50',
  'net_device_signal_samples/?net_device=5000001&limit=50',
  'historical_locations/?router=1000001&limit=20',
  'groups/',
  'accounts/',
];

async function snapshot(a: Api): Promise<string[]> {
  const out: string[] = [];
  for (const p of PATHS) out.push((await a.get(p)).text);
  return out;
}

describe('determinism', () => {
  it('two instances with the same seed and clock answer byte for byte the same (modulo port)', async () => {
    const [s1, s2] = await Promise.all([start({ seed: 7 }), start({ seed: 7 })]);
    try {
      const [a, b] = await Promise.all([snapshot(api(s1)), snapshot(api(s2))]);
      expect(a.map((t) => t.replaceAll(`:${s1.port}/`, ':PORT/'))).toEqual(
        b.map((t) => t.replaceAll(`:${s2.port}/`, ':PORT/')),
      );
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });

  it('a different seed gives a different fleet', async () => {
    const [s1, s2] = await Promise.all([start({ seed: 1 }), start({ seed: 2 })]);
    try {
      const n1 = asList((await api(s1).get('routers/?fields=name&limit=20')).body).data;
      const n2 = asList((await api(s2).get('routers/?fields=name&limit=20')).body).data;
      expect(n1).not.toEqual(n2);
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });

  it('the fleet lives: vehicles move and alerts accrue as the clock advances', async () => {
    let clock = FIXED_NOW;
    const sim = await start({ routers: 200, now: () => clock });
    try {
      const a = api(sim);
      const names = asList((await a.get('routers/?limit=200&fields=id,name,last_known_location')).body).data;
      const bus = names.find((r) => /^(BUS|PD|VAN)-/.test(String(r.name)))!;
      const locId = String(bus.last_known_location).match(/locations\/(\d+)\//)![1];
      const p1 = (await a.get(`locations/${locId}/`)).body as { latitude: number; longitude: number };
      const newest1 = asList((await a.get('alerts/?limit=1')).body).data[0]!.created_at;
      clock += 2 * 60_000;
      const p2 = (await a.get(`locations/${locId}/`)).body as { latitude: number; longitude: number };
      // ≥ 20 mph for 2 min is ≥ 1 km, i.e. ≳ 0.009° of latitude or longitude on a grid-like route
      expect(Math.abs(p2.latitude - p1.latitude) + Math.abs(p2.longitude - p1.longitude)).toBeGreaterThan(0.008);
      clock += 58 * 60_000;
      const newest2 = asList((await a.get('alerts/?limit=1')).body).data[0]!.created_at;
      expect(String(newest2) > String(newest1)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it('names, identifiers and modems look like a Cradlepoint fleet', async () => {
    const sim = await start({ routers: 300 });
    try {
      const a = api(sim);
      const routers = asList((await a.get('routers/?limit=300&fields=name,full_product_name,mac')).body).data;
      for (const r of routers)
        expect(String(r.name)).toMatch(/^(BUS|PD|VAN|SHOP|KIOSK|SITE)-(DEN|DAL|ATL|SEA|CHI)-\d{4}$/);
      const vehicles = routers.filter((r) => /^(BUS|PD|VAN)-/.test(String(r.name))).length / routers.length;
      expect(vehicles).toBeGreaterThan(0.2);
      expect(vehicles).toBeLessThan(0.4);
      const modems = asList((await a.get('net_devices/?type=mdm&limit=200')).body).data;
      for (const m of modems) {
        expect(String(m.iccid)).toMatch(/^\d{19,20}$/);
        expect(String(m.imei)).toMatch(/^\d{15}$/);
        expect(['modem1', 'modem2']).toContain(m.port);
        expect(['Verizon', 'AT&T', 'T-Mobile', 'FirstNet']).toContain(m.carrier);
      }
      const accounts = asList((await a.get('accounts/')).body).data;
      expect(accounts.length).toBeGreaterThanOrEqual(5);
      expect(accounts.length).toBeLessThanOrEqual(9);
      const health = asList((await a.get('net_device_health/?limit=300')).body).data.filter(
        (h) => h.cellular_health_score !== null,
      );
      expect(new Set(health.map((h) => h.cellular_health_category)).size).toBeGreaterThan(1);
    } finally {
      await sim.close();
    }
  });
});
