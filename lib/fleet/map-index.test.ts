import { describe, expect, it } from 'vitest';
import type { FleetRouterRow } from '@/lib/dto/fleet';
import { MAP_MAX_SYMBOLS } from '@/lib/dto/fleet-map';
import { buildMapIndex, type MapFilters, MapIndexStore, type MapSource, queryMapIndex } from './map-index';

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
        const shown =
          view.routers.filter((r) => r.state === state).length + view.clusters.reduce((n, c) => n + c.states[state], 0);
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
    const inside = input.filter(
      (r) => r.latitude !== null && r.longitude! >= -100 && r.longitude! <= -90 && r.latitude >= 30 && r.latitude <= 40,
    );
    expect(view.routers.length + view.clusters.length).toBeLessThanOrEqual(MAP_MAX_SYMBOLS);
    expect(view.capped).toBe(inside.length > MAP_MAX_SYMBOLS);
    for (const r of view.routers)
      expect(r.longitude >= -100 && r.longitude <= -90 && r.latitude >= 30 && r.latitude <= 40).toBe(true);
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

/** A table index over `rows` as the map store reads it (filtered by state only). */
function table(rows: FleetRouterRow[], asOf: number): MapSource {
  const select = (query: MapFilters) => {
    const matching = rows.filter((r) => !query.state?.length || query.state.includes(r.state));
    return {
      rows: [],
      total: matching.length,
      counts: { online: 0, offline: 0, initialized: 0, unknown: 0 },
      ordered: (visit: (row: FleetRouterRow) => void) => matching.forEach(visit),
    };
  };
  return { index: { select } as unknown as MapSource['index'], asOf };
}

const ALL: MapFilters = {};
const OFFLINE = { state: ['offline'] } as MapFilters;
/** The name the served map shows for the first router (zoomed in far enough to see it alone). */
function firstName(served: { index: ReturnType<typeof buildMapIndex> }, row: FleetRouterRow): string | undefined {
  const near: [number, number, number, number] = [
    row.longitude! - 0.0001,
    row.latitude! - 0.0001,
    row.longitude! + 0.0001,
    row.latitude! + 0.0001,
  ];
  return queryMapIndex(served.index, near, 18).routers.find((r) => r.id === row.id)?.name;
}

describe('map index store', () => {
  const base = rows(3_000).filter((r) => r.latitude !== null);
  const renamed = (n: number) => base.map((r, i) => (i === 0 ? { ...r, name: `renamed ${n}` } : r));

  it('builds on a request only the first time a filter set is asked for', () => {
    const store = new MapIndexStore();
    const a = table(base, 1);
    store.serve(a, ALL);
    store.serve(a, ALL);
    store.serve(a, OFFLINE);
    expect(store.stats.builtOnRequest).toBe(2);
    expect(store.busy).toBe(false);
  });

  it('a request after the table changed does not build: it gets the previous map, then the new one once built in the background', async () => {
    const store = new MapIndexStore();
    const a = table(base, 1_000);
    expect(firstName(store.serve(a, ALL), base[0]!)).toBe(base[0]!.name);
    const b = table(renamed(1), 2_000);
    store.follow(b);
    const during = store.serve(b, ALL);
    expect(store.stats.builtOnRequest).toBe(1);
    expect(during.asOf).toBe(1_000);
    expect(firstName(during, base[0]!)).toBe(base[0]!.name);
    expect(store.busy).toBe(true);
    await store.settled();
    const after = store.serve(b, ALL);
    expect(after.asOf).toBe(2_000);
    expect(firstName(after, base[0]!)).toBe('renamed 1');
    expect(store.stats).toMatchObject({ builtOnRequest: 1, builtInBackground: 1 });
  });

  it('follows a burst of table changes with one build per filter set in use, from the newest table', async () => {
    const store = new MapIndexStore();
    store.serve(table(base, 1), ALL);
    store.serve(table(base, 1), OFFLINE);
    const tables = [2, 3, 4, 5, 6].map((n) => table(renamed(n), n));
    for (const t of tables) store.follow(t);
    await store.settled();
    expect(store.stats.builtInBackground).toBe(2);
    const served = store.serve(tables.at(-1)!, ALL);
    expect(served.asOf).toBe(6);
    expect(firstName(served, base[0]!)).toBe('renamed 6');
    expect(store.busy).toBe(false);
  });

  it('rebuilds a filter set nobody used lately on its next use, not on every table change', async () => {
    let now = 0;
    const store = new MapIndexStore({ followMs: 60_000, now: () => now });
    store.serve(table(base, 1), OFFLINE);
    now = 120_000;
    store.follow(table(renamed(2), 2));
    expect(store.busy).toBe(false);
    const b = table(renamed(3), 3);
    expect(store.serve(b, OFFLINE).asOf).toBe(1);
    expect(store.stats.builtOnRequest).toBe(1);
    await store.settled();
    expect(store.serve(b, OFFLINE).asOf).toBe(3);
    expect(store.stats.builtInBackground).toBe(1);
  });

  it('builds in the background in slices, letting other work run in between', async () => {
    const store = new MapIndexStore({ sliceMs: 1 });
    const big = rows(20_000, 11);
    store.serve(table(big, 1), ALL);
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    store.follow(table([...big], 2));
    await store.settled();
    clearInterval(tick);
    expect(store.stats.lastBuildSlices).toBeGreaterThan(1);
    expect(turns).toBeGreaterThan(0);
  });

  it('drops filter sets unused for long, and keeps at most maxEntries', () => {
    let now = 0;
    const store = new MapIndexStore({ maxEntries: 2, dropMs: 1_000, now: () => now });
    const a = table(base, 1);
    store.serve(a, ALL);
    store.serve(a, OFFLINE);
    store.serve(a, { state: ['online'] } as MapFilters);
    // ALL was the least recently used of three: built again.
    store.serve(a, ALL);
    expect(store.stats.builtOnRequest).toBe(4);
    now = 5_000;
    store.serve(a, OFFLINE);
    expect(store.stats.builtOnRequest).toBe(5);
  });
});
