import { describe, expect, it } from 'vitest';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { MAP_MAX_SYMBOLS } from '@/lib/dto/fleet-map';
import { buildMapIndex, queryMapIndex } from './map-index';

const STATES = ['online', 'offline', 'initialized', 'unknown'] as const;

function rows(n: number, seed = 3): FleetRouterRow[] {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  return Array.from({ length: n }, (_, i) => {
    const located = rand() > 0.1;
    return {
      id: String(1_000_000 + i),
      name: `R-${i}`,
      state: STATES[Math.floor(rand() * 4)]!,
      latitude: located ? 25 + rand() * 24 : null,
      longitude: located ? -124 + rand() * 57 : null,
      rsrp: -80 - Math.floor(rand() * 40),
      signalQuality: 'good',
    } as FleetRouterRow;
  });
}

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('fleet map index', () => {
  it('accounts for every located router once, with the state mix of each cluster', () => {
    const input = rows(5_000);
    const index = buildMapIndex(input);
    const located = input.filter((r) => r.latitude !== null);
    expect(index.located).toBe(located.length);
    expect(index.unlocated).toBe(input.length - located.length);
    // Zooms at which the whole fleet fits the symbol budget (a world view at a higher zoom is capped).
    for (const zoom of [1, 3, 5]) {
      const view = queryMapIndex(index, WORLD, zoom);
      expect(view.capped).toBe(false);
      const total = view.routers.length + view.clusters.reduce((n, c) => n + c.count, 0);
      expect(total, `zoom ${zoom}`).toBe(located.length);
      for (const state of STATES) {
        const shown = view.routers.filter((r) => r.state === state).length + view.clusters.reduce((n, c) => n + c.states[state], 0);
        expect(shown, `${state} at zoom ${zoom}`).toBe(located.filter((r) => r.state === state).length);
      }
      for (const c of view.clusters) expect(c.expansionZoom).toBeGreaterThan(zoom);
    }
  });

  it('answers a viewport with what lies in it, and never more than the symbol budget', () => {
    const input = rows(20_000);
    const index = buildMapIndex(input);
    const bbox: [number, number, number, number] = [-100, 30, -90, 40];
    const view = queryMapIndex(index, bbox, 18);
    const inside = input.filter((r) => r.latitude !== null && r.longitude! >= -100 && r.longitude! <= -90 && r.latitude >= 30 && r.latitude <= 40);
    expect(view.routers.length + view.clusters.length).toBeLessThanOrEqual(MAP_MAX_SYMBOLS);
    expect(view.capped).toBe(inside.length > MAP_MAX_SYMBOLS);
    for (const r of view.routers) expect(r.longitude >= -100 && r.longitude <= -90 && r.latitude >= 30 && r.latitude <= 40).toBe(true);
    const far = queryMapIndex(index, [10, 10, 20, 20], 8);
    expect(far.routers.length + far.clusters.length).toBe(0);
  });

  it('handles a viewport across the antimeridian', () => {
    const index = buildMapIndex([
      { ...rows(1)[0]!, id: 'east', latitude: 10, longitude: 179.5 },
      { ...rows(1)[0]!, id: 'west', latitude: 10, longitude: -179.5 },
    ]);
    const view = queryMapIndex(index, [170, 0, -170, 20], 12);
    expect(view.routers.map((r) => r.id).sort()).toEqual(['east', 'west']);
  });
});
