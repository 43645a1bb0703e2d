/** Unit tests of the stateless fleet derivations (no HTTP). */
import { describe, expect, it } from 'vitest';
import { AlertFeed } from './fleet/alerts';
import { EVENT_KINDS, EventSource } from './fleet/events';
import { Fleet } from './fleet/fleet';
import { positionAt } from './fleet/motion';
import { isoMicro, parseTimestamp, timeUuid, timeUuidMicros } from './fleet/time';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('event derivation', () => {
  const fleet = new Fleet(2000, 42);
  const events = new EventSource(fleet);

  it('per-router lookup (inverse permutation) finds exactly the events of the fleet-wide epoch list', () => {
    const k = Math.floor(NOW / 3_600_000);
    for (const kk of [k, k - 1, k - 500]) {
      const all = events.epoch(kk);
      expect(all.length).toBeGreaterThan(10);
      const viaRouter = [];
      for (let r = 0; r < fleet.n; r++)
        for (const t of EVENT_KINDS) {
          const e = events.eventFor(kk, t, r);
          if (e) viaRouter.push(e);
        }
      const key = (e: { type: number; router: number; ms: number }) => `${e.type}:${e.router}:${e.ms}`;
      expect(new Set(viaRouter.map(key))).toEqual(new Set(all.map(key)));
    }
  });

  it('router state agrees with the alert feed', () => {
    const feed = new AlertFeed(events);
    for (let r = 0; r < 300; r++) {
      const st = events.stateAt(r, NOW);
      const last = feed.page(
        (NOW - 2 * 3_600_000) * 1000,
        NOW * 1000,
        { types: new Set(['router_offline', 'router_online']), routers: [r] },
        () => true,
        0,
        1,
      ).items[0];
      if (last) {
        expect(st.online).toBe(last.type === 'router_online');
        expect(st.sinceUs).toBe(last.us);
      }
    }
  });

  it('vehicles move at 20-60 mph and fixed sites stay put', () => {
    let vehicles = 0;
    for (let r = 0; r < 200; r++) {
      const a = positionAt(fleet, r, NOW);
      const b = positionAt(fleet, r, NOW + 60_000);
      const km = Math.hypot((b.lat - a.lat) * 110.57, (b.lon - a.lon) * 111.32 * Math.cos((a.lat * Math.PI) / 180));
      if (fleet.isVehicle(r)) {
        vehicles++;
        expect(a.mph).toBeGreaterThanOrEqual(20);
        expect(a.mph).toBeLessThanOrEqual(60);
        expect(km).toBeLessThanOrEqual((60 * 1.61) / 60 + 0.01);
      } else expect(km).toBeLessThan(0.02);
    }
    expect(vehicles).toBeGreaterThan(30);
  });
});

describe('time formats', () => {
  it('round-trips µs through ISO and v1 time UUIDs, and UUID order follows time', () => {
    const us = NOW * 1000 + 123_456;
    expect(isoMicro(us)).toBe('2026-06-15T12:00:00.123456+00:00');
    expect(parseTimestamp(isoMicro(us))).toBe(us);
    const u1 = timeUuid(us, 1, 2);
    const u2 = timeUuid(us + 1, 1, 2);
    expect(u1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeUuidMicros(u1)).toBe(us);
    expect(timeUuidMicros(u2)).toBeGreaterThan(timeUuidMicros(u1));
    expect(parseTimestamp('2026-06-15')).toBe(Date.UTC(2026, 5, 15) * 1000);
    expect(parseTimestamp('2026-06-15T12:00:00-0200')).toBe(Date.UTC(2026, 5, 15, 14) * 1000);
    expect(Number.isNaN(parseTimestamp('soon'))).toBe(true);
  });
});

describe('dead spots', () => {
  it('signal_degraded alerts fire where the vehicle signal really is weaker', async () => {
    const { signalAt } = await import('./fleet/signal');
    const fleet = new Fleet(3000, 42);
    const feed = new AlertFeed(new EventSource(fleet));
    const items = feed.page(
      (NOW - 48 * 3_600_000) * 1000,
      NOW * 1000,
      { types: new Set(['signal_degraded']), routers: null },
      () => true,
      0,
      200,
    ).items;
    expect(items.length).toBeGreaterThan(20);
    let drops = 0;
    for (const a of items) {
      const ms = Math.floor(a.us / 1000);
      const nd = fleet.ndFirst[a.router]!;
      const at = signalAt(fleet, nd, positionAt(fleet, a.router, ms), ms, 0).rsrp;
      const before = signalAt(fleet, nd, positionAt(fleet, a.router, ms - 5 * 60_000), ms - 5 * 60_000, 0).rsrp;
      if (at < before) drops++;
    }
    expect(drops / items.length).toBeGreaterThan(0.8);
  });
});
