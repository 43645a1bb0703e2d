import 'server-only';
/**
 * The fleet map's cluster index: supercluster over the located routers that match the table's
 * filters, one per filter set, shared by every viewer, so a browser receives only the clusters and
 * routers of its viewport (never 50,000 markers).
 *
 * A map request never waits for a build, except the very first one of a filter set: when the table
 * index changes (after a snapshot refresh, or our own write) the filter sets viewers used lately are
 * rebuilt in the background, in slices of a few milliseconds, one at a time, while requests keep
 * getting the previous index with the time of its data.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { RouterState } from '@/lib/domain/types';
import type { FleetRouterRow, FleetRoutersQuery, StateCounts } from '@/lib/dto/fleet';
import type { FleetMapDto, FleetMapQuery, MapClusterDto, MapRouterDto } from '@/lib/dto/fleet-map';
import { MAP_MAX_SYMBOLS } from '@/lib/dto/fleet-map';
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';
import { expansionZoomReader, loadClusterSteps } from './cluster-steps';
import type { FleetIndex } from './query';
import { nextTurn, runInSlices, runToEnd, type Steps } from './sliced';

type PointProps = MapRouterDto;
type ClusterProps = StateCounts;

export interface MapIndex {
  cluster: Supercluster<PointProps, ClusterProps>;
  located: number;
  unlocated: number;
}

const emptyCounts = (): StateCounts => ({ online: 0, offline: 0, initialized: 0, unknown: 0 });

/** Rows read between yields while collecting points. */
const ROWS_PER_STEP = 2_048;

function* buildMapIndexSteps(rows: Iterable<FleetRouterRow>): Steps<MapIndex> {
  const points: Array<PointFeature<PointProps>> = [];
  let unlocated = 0;
  let seen = 0;
  for (const row of rows) {
    if (++seen % ROWS_PER_STEP === 0) yield;
    if (row.latitude === null || row.longitude === null) {
      unlocated++;
      continue;
    }
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
      properties: {
        id: row.id,
        name: row.name,
        state: row.state,
        latitude: row.latitude,
        longitude: row.longitude,
        rsrp: row.rsrp,
        signalQuality: row.signalQuality,
      },
    });
  }
  const cluster = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: 16,
    map: (p) => {
      const counts = emptyCounts();
      counts[p.state as RouterState]++;
      return counts;
    },
    reduce: (acc, p) => {
      acc.online += p.online;
      acc.offline += p.offline;
      acc.initialized += p.initialized;
      acc.unknown += p.unknown;
    },
  });
  yield* loadClusterSteps(cluster, points);
  return { cluster, located: points.length, unlocated };
}

/** Builds at once (a request that has no index for its filters yet, tests, benchmarks). */
export function buildMapIndex(rows: Iterable<FleetRouterRow>): MapIndex {
  return runToEnd(buildMapIndexSteps(rows));
}

/** Builds in slices of `sliceMs` between event-loop turns (background work); reports its slices. */
export async function buildMapIndexInSlices(
  rows: Iterable<FleetRouterRow>,
  sliceMs = 5,
): Promise<{ index: MapIndex; slices: number; longestSliceMs: number }> {
  let slices = 0;
  let longestSliceMs = 0;
  const index = await runInSlices(buildMapIndexSteps(rows), sliceMs, (ms) => {
    slices++;
    longestSliceMs = Math.max(longestSliceMs, ms);
  });
  return { index, slices, longestSliceMs };
}

/** The clusters and routers of one viewport, at most MAP_MAX_SYMBOLS of them. */
export function queryMapIndex(
  index: MapIndex,
  bbox: FleetMapQuery['bbox'],
  zoom: number,
): Omit<FleetMapDto, 'asOf' | 'stale'> {
  const [west, south, east, north] = bbox;
  // A viewport across the antimeridian arrives as west > east: ask for both halves.
  const boxes: Array<[number, number, number, number]> =
    west <= east
      ? [[west, south, east, north]]
      : [
          [west, south, 180, north],
          [-180, south, east, north],
        ];
  const features = boxes.flatMap((b) => index.cluster.getClusters(b, zoom));
  const clusters: MapClusterDto[] = [];
  const routers: MapRouterDto[] = [];
  const expansionZoom = expansionZoomReader(index.cluster);
  for (const f of features.slice(0, MAP_MAX_SYMBOLS)) {
    const [longitude, latitude] = f.geometry.coordinates as [number, number];
    const props = f.properties;
    if ('cluster' in props && props.cluster) {
      clusters.push({
        id: props.cluster_id,
        latitude,
        longitude,
        count: props.point_count,
        states: {
          online: props.online,
          offline: props.offline,
          initialized: props.initialized,
          unknown: props.unknown,
        },
        expansionZoom: Math.min(expansionZoom(props.cluster_id), 18),
      });
    } else {
      routers.push(props as PointProps);
    }
  }
  return {
    clusters,
    routers,
    located: index.located,
    unlocated: index.unlocated,
    capped: features.length > MAP_MAX_SYMBOLS,
  };
}

export type MapFilters = Omit<FleetRoutersQuery, 'sort' | 'dir' | 'offset' | 'limit'>;

/** The table index a map index is built from, with the time of its data. */
export interface MapSource {
  index: Pick<FleetIndex, 'select'>;
  asOf: number | null;
}

/** What a map request gets: the index for its filters and the time of the data in it. */
export interface ServedMapIndex {
  index: MapIndex;
  asOf: number | null;
}

interface Entry {
  key: string;
  filters: MapFilters;
  source: MapSource;
  index: MapIndex;
  usedAt: number;
  /** The newest table index this entry should follow, while a rebuild is queued or running. */
  wanted: MapSource | null;
}

export interface MapIndexStoreOptions {
  /** Filter sets kept (least recently used go first). */
  maxEntries?: number;
  /** Filter sets used within this long are rebuilt as soon as the table changes; older ones on their next use. */
  followMs?: number;
  /** Filter sets unused this long are dropped. */
  dropMs?: number;
  sliceMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

const DEFAULTS = { maxEntries: 8, followMs: 5 * 60_000, dropMs: 30 * 60_000, sliceMs: 5 };

function rowsOf(source: MapSource, filters: MapFilters): FleetRouterRow[] {
  const rows: FleetRouterRow[] = [];
  source.index.select({ ...filters, sort: 'name', dir: 'asc', offset: 0, limit: 1 }).ordered((row) => rows.push(row));
  return rows;
}

/**
 * The map indexes of one process, one per filter set, each following the served table index. Builds
 * run one at a time, so a burst of refreshes costs one build per filter set, not one per request.
 */
export class MapIndexStore {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running: Promise<void> | null = null;
  private readonly options: Required<Omit<MapIndexStoreOptions, 'now' | 'onError'>>;
  private readonly now: () => number;
  private readonly onError: (err: unknown) => void;
  /** How indexes came to be (tests, benchmarks): on a request, or in the background; and the slices. */
  readonly stats = {
    builtOnRequest: 0,
    builtInBackground: 0,
    servedPrevious: 0,
    lastBuildMs: 0,
    lastBuildSlices: 0,
    longestSliceMs: 0,
  };

  constructor(options: MapIndexStoreOptions = {}) {
    this.options = {
      maxEntries: options.maxEntries ?? DEFAULTS.maxEntries,
      followMs: options.followMs ?? DEFAULTS.followMs,
      dropMs: options.dropMs ?? DEFAULTS.dropMs,
      sliceMs: options.sliceMs ?? DEFAULTS.sliceMs,
    };
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? ((err) => console.error('[fleet] map index build failed:', err));
  }

  /** The index for `filters`; built here only the first time these filters are asked for. */
  serve(source: MapSource, filters: MapFilters): ServedMapIndex {
    const key = JSON.stringify(filters);
    const now = this.now();
    this.dropUnused(now);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, filters, source, index: buildMapIndex(rowsOf(source, filters)), usedAt: now, wanted: null };
      this.stats.builtOnRequest++;
      this.entries.set(key, entry);
      if (this.entries.size > this.options.maxEntries) this.drop(this.entries.keys().next().value as string);
    } else {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.usedAt = now;
      if (entry.source.index !== source.index) {
        this.stats.servedPrevious++;
        this.schedule(entry, source);
      }
    }
    return { index: entry.index, asOf: entry.source.asOf };
  }

  /** The table index changed: rebuild, in the background, the filter sets viewers used lately. */
  follow(source: MapSource): void {
    const now = this.now();
    for (const entry of this.entries.values()) {
      if (entry.source.index !== source.index && now - entry.usedAt <= this.options.followMs)
        this.schedule(entry, source);
    }
  }

  /** Resolves when no build is queued or running (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Whether a build is queued or running. */
  get busy(): boolean {
    return this.running !== null;
  }

  private schedule(entry: Entry, source: MapSource): void {
    const queued = entry.wanted !== null;
    entry.wanted = source;
    if (!queued) this.queue.push(entry);
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    // Let the request that found the index out of date be answered first.
    await nextTurn();
    for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
      const target = entry.wanted;
      if (!target || this.entries.get(entry.key) !== entry) continue;
      try {
        const started = performance.now();
        const built = await buildMapIndexInSlices(rowsOf(target, entry.filters), this.options.sliceMs);
        this.stats.builtInBackground++;
        this.stats.lastBuildMs = performance.now() - started;
        this.stats.lastBuildSlices = built.slices;
        this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, built.longestSliceMs);
        entry.index = built.index;
        entry.source = target;
      } catch (err) {
        this.onError(err);
      }
      // A newer table index arrived during the build: go again (after the others waiting).
      if (entry.wanted !== null && entry.wanted.index !== entry.source.index) this.queue.push(entry);
      else entry.wanted = null;
    }
  }

  private dropUnused(now: number): void {
    for (const entry of [...this.entries.values()]) if (now - entry.usedAt > this.options.dropMs) this.drop(entry.key);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.wanted = null;
  }
}

const STORE = 'fleet-map-indexes';

function store(): MapIndexStore {
  return processSingleton(STORE, () => new MapIndexStore());
}

/** The map index for a served table index and filter set, shared by every viewer. */
export function serveMapIndex(source: MapSource, filters: MapFilters): ServedMapIndex {
  return store().serve(source, filters);
}

/** After the table index changed (a refresh or our own write): rebuild the maps in use, off the request path. */
export function followTableIndex(source: MapSource): void {
  store().follow(source);
}

/** Resolves once no map index build is pending (tests, benchmarks). */
export function mapIndexesSettled(): Promise<void> {
  return store().settled();
}

export function mapIndexStats(): MapIndexStore['stats'] {
  return { ...store().stats };
}

/** A fresh store (tests): the next request builds its filter set's index again. */
export function resetMapIndexStore(): void {
  resetProcessSingleton(STORE);
}
