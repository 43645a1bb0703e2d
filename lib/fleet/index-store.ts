import 'server-only';
/**
 * Which FleetIndex a request gets, and how a new snapshot version's index comes to be: patched from
 * the sync's journal, or built in slices while the previous one is served. One per process.
 */
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';
import {
  FLEET_SORT_COLUMNS,
  type FleetRoutersPageDto,
  type FleetRoutersQuery,
  type FleetSortColumn,
} from '@/lib/dto/fleet';
import { followTableIndex } from './map-index';
import { FleetIndex } from './query';
import { buildRowsSteps } from './rows';
import { nextTurn, runInSlices } from './sliced';
import type { SortDir } from './sort-order';
import type { FleetView } from './sync';
import type { FleetData } from './types';

interface Current {
  data: FleetData;
  /** The snapshot version whose data the rows reflect. */
  version: number;
  asOf: number | null;
  index: FleetIndex;
  /** Changes whenever the served rows do (a new version or a patch): the ETag's source. */
  revision: number;
}

type IndexView = Pick<FleetView, 'data' | 'version' | 'asOf' | 'changedSince'>;

/** The index a request uses, which may be the previous version's for a moment (see FleetIndexStore). */
export interface ServedIndex {
  index: FleetIndex;
  revision: number;
  /** The time of the data in these rows. */
  asOf: number | null;
}

/**
 * The router table's index, shared by every bundle of the process: Next bundles route handlers and
 * pages separately, each with its own copy of this module, so module state would mean one index per
 * bundle (the API's never prepared). It is a process singleton, like the snapshot itself.
 *
 * Requests never wait for a new version's index: a new version is built in slices of a few
 * milliseconds (at 50,000 routers a build is 100–600 ms of work) while requests keep getting the
 * previous one, then swapped in with its facets and the recently used orders ready. Only the very
 * first index is built on the request. Our own writes patch the served index at once.
 */
export class FleetIndexStore {
  private current: Current | null = null;
  private revision = 0;
  /** A build in progress, and the newest view that arrived meanwhile (built next). */
  private building: { wanted: IndexView | null } | null = null;
  private readonly patchedDuringBuild = new Set<string>();
  /** How versions were brought in: patched from the journal, or built in slices (benchmarks, ops). */
  readonly stats = { patched: 0, built: 0, writes: 0 };
  /** Sort orders viewers asked for lately, newest last: the ones worth preparing first. */
  private readonly recentSorts = new Map<string, { column: FleetSortColumn; dir: SortDir }>([
    // The overview's two (worst signal, recently offline) and the table's default.
    ['rsrp:asc', { column: 'rsrp', dir: 'asc' }],
    ['stateUpdatedAt:desc', { column: 'stateUpdatedAt', dir: 'desc' }],
    ['name:asc', { column: 'name', dir: 'asc' }],
  ]);

  constructor(
    private readonly onError: (err: unknown) => void = (err) => console.error('[fleet] index build failed:', err),
    /** Hears every index that starts being served (a new version, or one of our writes patched in). */
    private readonly onServed: (served: ServedIndex) => void = () => undefined,
  ) {}

  serve(view: IndexView): ServedIndex {
    let current = this.current;
    if (!current) current = this.install(view, FleetIndex.build(view.data));
    else if (!covers(current, view)) this.prepare(view);
    return { index: current.index, revision: current.revision, asOf: covers(current, view) ? view.asOf : current.asOf };
  }

  /** Whether a build is running (tests, benchmarks). */
  get busy(): boolean {
    return this.building !== null;
  }

  /** Resolves once the view's own index is served (tests, benchmarks). */
  async settled(view: IndexView): Promise<void> {
    while (!this.current || !covers(this.current, view) || this.building) {
      if (!this.current) this.serve(view);
      else this.prepare(view);
      await nextTurn();
    }
  }

  noteSort(column: FleetSortColumn, dir: SortDir): void {
    const key = `${column}:${dir}`;
    this.recentSorts.delete(key);
    this.recentSorts.set(key, { column, dir });
    if (this.recentSorts.size > 8) this.recentSorts.delete(this.recentSorts.keys().next().value as string);
  }

  /** Starts building the view's index unless it is served already; one build at a time. */
  prepare(view: IndexView): void {
    if (this.current && covers(this.current, view)) return;
    if (this.building) {
      this.building.wanted = view;
      return;
    }
    this.building = { wanted: null };
    this.patchedDuringBuild.clear();
    this.build(view)
      .catch(this.onError)
      .finally(() => {
        const wanted = this.building?.wanted ?? null;
        this.building = null;
        if (wanted) this.prepare(wanted);
      });
  }

  /** A router changed by our own write: its row is rebuilt in the served index now. */
  applyRouterUpdate(view: IndexView, routerId: string): void {
    const current = this.current;
    if (!current) return;
    const upToDate = current.data === view.data && current.version >= view.version - 1;
    this.current = {
      ...current,
      index: current.index.patched(view.data, [routerId]),
      version: upToDate ? view.version : current.version,
      revision: ++this.revision,
    };
    if (this.building) this.patchedDuringBuild.add(routerId);
    this.stats.writes++;
    this.announce(this.current);
  }

  private async build(view: IndexView): Promise<void> {
    const current = this.current;
    const previous = current?.index;
    let index: FleetIndex;
    // A poll that touched a few routers: rebuild those rows only (milliseconds at 50,000 routers).
    const changes = current && current.data === view.data ? view.changedSince?.(current.version) : null;
    if (
      previous &&
      changes &&
      changes.routers.size <= previous.rows.length / 4 &&
      previous.canPatch(view.data, changes)
    ) {
      this.stats.patched++;
      index = previous.patched(view.data, changes.routers);
    } else {
      this.stats.built++;
      index = new FleetIndex(await runInSlices(buildRowsSteps(view.data, previous?.source)), previous);
    }
    await index.prepareFacets();
    for (const { column, dir } of [...this.recentSorts.values()]) await index.preparePermutation(column, dir);
    // Our own writes since the build began went into the served index; bring them into this one.
    if (this.patchedDuringBuild.size > 0) index = index.patched(view.data, this.patchedDuringBuild);
    this.install(view, index);
    this.prepareOtherOrders(index).catch(this.onError);
  }

  /**
   * Every other order, one per tick, while this index is served: a viewer's first click on any
   * column should find its order ready. Not part of the build, so a newer version need not wait.
   */
  private async prepareOtherOrders(index: FleetIndex): Promise<void> {
    for (const column of FLEET_SORT_COLUMNS) {
      for (const dir of ['asc', 'desc'] as const) {
        await nextTurn();
        if (this.current?.index !== index) return;
        await index.preparePermutation(column, dir);
      }
    }
  }

  private install(view: IndexView, index: FleetIndex): Current {
    this.current = { data: view.data, version: view.version, asOf: view.asOf, index, revision: ++this.revision };
    this.announce(this.current);
    return this.current;
  }

  private announce(current: Current): void {
    try {
      this.onServed({ index: current.index, revision: current.revision, asOf: current.asOf });
    } catch (err) {
      this.onError(err);
    }
  }
}

/** Polls update the snapshot's maps in place: an older version of the same data is covered too. */
function covers(current: Current, view: IndexView): boolean {
  return current.data === view.data && current.version >= view.version;
}

const store = () => processSingleton('fleet-index', () => new FleetIndexStore(undefined, followTableIndex));

/** A fresh store (tests): the next request builds the first index again. */
export function resetFleetIndexStore(): void {
  resetProcessSingleton('fleet-index');
}

export function fleetIndexStats(): FleetIndexStore['stats'] {
  return { ...store().stats };
}

/** Resolves once the view's own index is served (tests, benchmarks). */
export function fleetIndexSettled(view: IndexView): Promise<void> {
  return store().settled(view);
}

export function serveFleetIndex(view: IndexView): ServedIndex {
  return store().serve(view);
}

/** The served index (possibly the previous version's for a moment while the next one builds). */
export function fleetIndexFor(view: IndexView): FleetIndex {
  return store().serve(view).index;
}

/** Starts building a new snapshot version's index off the request path (after each refresh). */
export function prepareFleetIndex(view: IndexView): void {
  store().prepare(view);
}

/** After FleetSync.applyRouterUpdate: the write shows in the table at once. */
export function applyRouterUpdateToIndex(view: IndexView, routerId: string): void {
  store().applyRouterUpdate(view, routerId);
}

export function queryFleet(
  view: FleetView,
  query: FleetRoutersQuery,
  served: ServedIndex = serveFleetIndex(view),
): FleetRoutersPageDto {
  store().noteSort(query.sort, query.dir);
  const { index, asOf } = served;
  const { rows, total, counts } = index.select(query);
  return {
    rows,
    total,
    counts,
    offset: query.offset,
    limit: query.limit,
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    stale: view.stale,
    sync: view.sync,
    facets: index.facets(),
  };
}
