import Supercluster, { type PointFeature } from 'supercluster';
import { describe, expect, it } from 'vitest';
import { expansionZoomReader, loadClusterSteps } from './cluster-steps';

/** mulberry32: a deterministic sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Props = { id: number; state: number };
type Counts = { n: number; s: number };

/** Random fleets with the shapes that matter: dense metros, spread points, exact duplicates. */
function points(n: number, seed: number): Array<PointFeature<Props>> {
  const rnd = random(seed);
  const metros = Array.from({ length: 5 }, () => [-120 + rnd() * 45, 28 + rnd() * 18] as const);
  return Array.from({ length: n }, (_, id) => {
    const kind = rnd();
    const [lon, lat] =
      kind < 0.6
        ? [metros[id % 5]![0] + (rnd() - 0.5) * 0.4, metros[id % 5]![1] + (rnd() - 0.5) * 0.3]
        : kind < 0.9
          ? [-179 + rnd() * 358, -84 + rnd() * 168]
          : [-97, 39];
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { id, state: Math.floor(rnd() * 4) },
    };
  });
}

const options = () => ({
  radius: 60,
  maxZoom: 16,
  map: (p: Props): Counts => ({ n: 1, s: p.state }),
  reduce: (acc: Counts, p: Readonly<Counts>) => {
    acc.n += p.n;
    acc.s += p.s;
  },
});

/** Everything a reader of the index sees: clusters and points per zoom, with ids, counts, reduced properties and expansion zooms. */
function snapshot(index: Supercluster<Props, Counts>): unknown[] {
  const out: unknown[] = [];
  for (let zoom = 0; zoom <= 17; zoom++) {
    for (const f of index.getClusters([-180, -85, 180, 85], zoom)) {
      const props = f.properties as Record<string, unknown>;
      out.push([
        zoom,
        f.geometry.coordinates,
        props,
        props.cluster ? index.getClusterExpansionZoom(props.cluster_id as number) : null,
      ]);
    }
  }
  return out;
}

describe('supercluster load in steps', () => {
  it.each([
    [0, 1],
    [1, 2],
    [500, 3],
    [5_000, 4],
    [10_000, 5],
  ])('builds the same index as load() (%i points)', (n, seed) => {
    const input = points(n, seed);
    const reference = new Supercluster<Props, Counts>(options()).load(input);
    const stepped = new Supercluster<Props, Counts>(options());
    let steps = 0;
    const run = loadClusterSteps(stepped, input);
    for (let step = run.next(); !step.done; step = run.next()) steps++;
    expect(snapshot(stepped)).toEqual(snapshot(reference));
    // It really gives way: at least one step per zoom level clustered.
    if (n > 0) expect(steps).toBeGreaterThanOrEqual(17);
    // …and the comparison covers real clusters, not only single points.
    if (n >= 500)
      expect(stepped.getClusters([-180, -85, 180, 85], 2).some((f) => 'cluster' in f.properties)).toBe(true);
  });

  it('falls back to load() when supercluster’s internals are not laid out as it knows', () => {
    const input = points(300, 9);
    const changed = new Supercluster<Props, Counts>(options());
    // A layout this code does not know (supercluster itself reads the stride everywhere).
    (changed as unknown as { stride: number }).stride = 8;
    const steps = [...loadClusterSteps(changed, input)].length;
    expect(steps).toBe(0);
    expect(snapshot(changed)).toEqual(snapshot(new Supercluster<Props, Counts>(options()).load(input)));
  });

  it.each([
    [5_000, 6],
    [20_000, 7],
  ])('reads every cluster’s expansion zoom as getClusterExpansionZoom finds it (%i points)', (n, seed) => {
    const index = new Supercluster<Props, Counts>(options()).load(points(n, seed));
    const read = expansionZoomReader(index);
    let clusters = 0;
    const zooms = new Set<number>();
    for (let zoom = 0; zoom <= 16; zoom++) {
      for (const f of index.getClusters([-180, -85, 180, 85], zoom)) {
        const props = f.properties as Record<string, unknown>;
        if (!props.cluster) continue;
        const id = props.cluster_id as number;
        const expected = index.getClusterExpansionZoom(id);
        expect(read(id)).toBe(expected);
        // It splits further in, never at or above the zoom it is shown at.
        expect(expected).toBeGreaterThan(zoom);
        clusters++;
        zooms.add(expected);
      }
    }
    // Many clusters, splitting at many different zooms (the exact duplicates only past the last).
    expect(clusters).toBeGreaterThan(1_000);
    expect(zooms.size).toBeGreaterThan(10);
    expect(zooms.has(17)).toBe(true);
  });

  it('asks supercluster for expansion zooms when its internals are not laid out as it knows', () => {
    const index = new Supercluster<Props, Counts>(options()).load(points(2_000, 8));
    const cluster = index.getClusters([-180, -85, 180, 85], 3).find((f) => 'cluster' in f.properties)!;
    const id = (cluster.properties as { cluster_id: number }).cluster_id;
    // A build this code does not know (getClusterExpansionZoom itself does not need it).
    (index as unknown as { _cluster?: unknown })._cluster = undefined;
    let asked = 0;
    const original = index.getClusterExpansionZoom.bind(index);
    index.getClusterExpansionZoom = (clusterId) => {
      asked++;
      return original(clusterId);
    };
    expect(expansionZoomReader(index)(id)).toBe(original(id));
    expect(asked).toBe(1);
  });
});
