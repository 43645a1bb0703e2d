import 'server-only';
/**
 * The router table's query engine over the snapshot: search, filters, sort, per-state counts, paging
 * and facets. Everything that does not depend on the query (rows, search text, sort keys, sorted
 * permutations, facets) is computed once per snapshot version, so a query over 50,000 routers is a
 * couple of linear passes over typed arrays.
 */
import { ROUTER_STATES, type RouterState } from '@/lib/domain/types';
import {
  type FacetOption,
  FLEET_SORT_COLUMNS,
  type FleetRouterRow,
  type FleetRoutersPageDto,
  type FleetRoutersQuery,
  type FleetSortColumn,
  SIGNAL_QUALITIES,
  type StateCounts,
} from '@/lib/dto/fleet';
import { buildRows, buildRowsSteps, canPatch, type FleetRows, patchRows, textKey } from './rows';
import { runInSlices, runToEnd, type Steps } from './sliced';
import { carryOrderSteps, comparator, isNumericColumn, numericKey, type SortDir, type SortKeys, sortOrderSteps, textSortKey } from './sort-order';
import type { FleetChanges, FleetView } from './sync';
import type { FleetData } from './types';

const STATE_CODE = new Map<RouterState, number>(ROUTER_STATES.map((s, i) => [s, i]));
const SIGNAL_CODE = new Map<string, number>(SIGNAL_QUALITIES.map((s, i) => [s, i + 1]));

/** What a new index may take over from the one it replaces. */
interface Carried {
  permutations: Map<string, Uint32Array>;
  keys: Map<FleetSortColumn, SortKeys>;
  nameKeys: readonly string[];
  oldLength: number;
  /** Where each new row's router was in the previous index, or -1 (a new router). */
  oldOfNew: Int32Array;
  /** 1 where the row is the very same object as before: every key is unchanged. */
  same: Uint8Array;
}

export class FleetIndex {
  readonly rows: FleetRouterRow[];
  private readonly built: FleetRows;
  private readonly searchText: string[];
  private readonly nameKeys: string[];
  private readonly stateCodes: Uint8Array;
  private readonly signalCodes: Uint8Array;
  private readonly permutations = new Map<string, Uint32Array>();
  private readonly keys = new Map<FleetSortColumn, SortKeys>();
  private facetsCache: FleetRoutersPageDto['facets'] | null = null;
  /** The replaced index's orders, until this one has carried over what it needs (then dropped). */
  private carried: Carried | null = null;

  private positionsCache: Map<string, number> | null = null;

  /** Builds at once (tests, the very first index); FleetIndexStore builds in slices instead. */
  static build(data: FleetData, previous?: FleetIndex): FleetIndex {
    return new FleetIndex(buildRows(data, previous?.built), previous);
  }

  /** With `previous`, rows and sort orders that did not change are taken over rather than rebuilt. */
  constructor(built: FleetRows, previous?: FleetIndex) {
    this.built = built;
    this.rows = built.rows;
    this.searchText = built.searchText;
    const n = this.rows.length;
    this.nameKeys = built.nameKeys;
    this.stateCodes = new Uint8Array(n);
    this.signalCodes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const row = this.rows[i]!;
      this.stateCodes[i] = STATE_CODE.get(row.state) ?? STATE_CODE.get('unknown')!;
      this.signalCodes[i] = row.signalQuality ? SIGNAL_CODE.get(row.signalQuality)! : 0;
    }
    if (previous) this.carried = previous.handOver(this.rows);
  }

  /** The rows a FleetIndex of the next version starts from. */
  get source(): FleetRows {
    return this.built;
  }

  /** Row position by router id. */
  private positions(): Map<string, number> {
    this.positionsCache ??= new Map(this.rows.map((r, i) => [r.id, i]));
    return this.positionsCache;
  }

  /** Whether `patched` can bring this index up to date with these changes (see rows.ts canPatch). */
  canPatch(data: FleetData, changes: FleetChanges): boolean {
    return canPatch(this.built, this.positions(), data, changes);
  }

  /**
   * This index with some routers' rows rebuilt from the current data and every order this index
   * had carried over (a write of our own: one row, a millisecond or two at 50,000 routers).
   */
  patched(data: FleetData, routerIds: Iterable<string>): FleetIndex {
    const positions = this.positions();
    const orders = [...this.permutations.keys()];
    const next = new FleetIndex(patchRows(this.built, positions, data, routerIds), this);
    next.positionsCache = positions;
    for (const key of orders) {
      const [column, dir] = key.split(':') as [FleetSortColumn, SortDir];
      next.permutation(column, dir);
    }
    return next;
  }

  /**
   * Gives up this (superseded) index's orders to its successor, with where each of its rows went.
   * Dropping them here keeps a chain of superseded indexes from holding memory.
   */
  private handOver(next: readonly FleetRouterRow[]): Carried {
    const old = this.rows;
    const oldOfNew = new Int32Array(next.length).fill(-1);
    const same = new Uint8Array(next.length);
    // Polls keep the routers in the same order: match by position, by id only where that fails.
    let byId: Map<string, number> | null = null;
    for (let i = 0; i < next.length; i++) {
      const row = next[i]!;
      let p = i < old.length && old[i]!.id === row.id ? i : -1;
      if (p < 0) {
        byId ??= new Map(old.map((r, k) => [r.id, k]));
        p = byId.get(row.id) ?? -1;
      }
      oldOfNew[i] = p;
      if (p >= 0 && old[p] === row) same[i] = 1;
    }
    const carried = { permutations: new Map(this.permutations), keys: new Map(this.keys), nameKeys: this.nameKeys, oldLength: old.length, oldOfNew, same };
    this.carried = null;
    return carried;
  }

  private *sortKeysSteps(column: FleetSortColumn, sliced: boolean): Steps<SortKeys> {
    if (column === 'name') return this.nameKeys;
    const known = this.keys.get(column);
    if (known) return known;
    const n = this.rows.length;
    const previous = this.carried?.keys.get(column);
    const oldOfNew = this.carried?.oldOfNew;
    const same = this.carried?.same;
    let keys: SortKeys;
    if (isNumericColumn(column)) {
      const numeric = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        numeric[i] = previous && same?.[i] ? (previous[oldOfNew![i]!] as number) : numericKey(this.rows[i]!, column);
        if (sliced && i % 4_096 === 4_095) yield;
      }
      keys = numeric;
    } else {
      const text: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        text[i] = previous && same?.[i] ? (previous[oldOfNew![i]!] as string | null) : textSortKey(this.rows[i]!, column);
        if (sliced && i % 4_096 === 4_095) yield;
      }
      keys = text;
    }
    this.keys.set(column, keys);
    return keys;
  }

  private *permutationSteps(column: FleetSortColumn, dir: SortDir, sliced: boolean): Steps<Uint32Array> {
    const cacheKey = `${column}:${dir}`;
    const cached = this.permutations.get(cacheKey);
    if (cached) return cached;
    const n = this.rows.length;
    const keys = yield* this.sortKeysSteps(column, sliced);
    const compare = comparator(this.rows, this.nameKeys, keys, dir);
    const carried = this.carried;
    const previous = carried?.permutations.get(cacheKey);
    const previousKeys = column === 'name' ? carried?.nameKeys : carried?.keys.get(column);
    let permutation: Uint32Array | null = null;
    if (carried && previous && previousKeys) {
      const { kept, moved } = this.movedFor(carried, keys, previousKeys);
      // Carrying pays while most rows kept their place; otherwise a plain sort is as cheap.
      if (moved.length < n / 2) permutation = yield* carryOrderSteps(previous, kept, moved, n, compare, sliced);
    }
    permutation ??= yield* sortOrderSteps(n, compare, sliced);
    this.permutations.set(cacheKey, permutation);
    return permutation;
  }

  /**
   * For one column: `kept[p]` is the new position of the row at old position p when its name and
   * this column's key are unchanged (so it keeps its place among the others), else -1; `moved` are
   * the new positions of every other row. A signal update moves rows in the RSRP order only.
   */
  private movedFor(carried: Carried, keys: SortKeys, previousKeys: SortKeys | readonly string[]): { kept: Int32Array; moved: number[] } {
    const kept = new Int32Array(carried.oldLength).fill(-1);
    const moved: number[] = [];
    const { oldOfNew, same, nameKeys } = carried;
    for (let i = 0; i < this.rows.length; i++) {
      const p = oldOfNew[i]!;
      if (p >= 0 && (same[i] === 1 || (nameKeys[p] === this.nameKeys[i] && sameKey(previousKeys[p], keys[i])))) kept[p] = i;
      else moved.push(i);
    }
    return { kept, moved };
  }

  /** Row order for a column and direction: nulls last either way, ties by name then id (ascending). */
  permutation(column: FleetSortColumn, dir: SortDir): Uint32Array {
    return runToEnd(this.permutationSteps(column, dir, false));
  }

  /** The same, computed in slices between event-loop turns (background preparation). */
  preparePermutation(column: FleetSortColumn, dir: SortDir): Promise<Uint32Array> {
    return runInSlices(this.permutationSteps(column, dir, true));
  }

  facets(): FleetRoutersPageDto['facets'] {
    return runToEnd(this.facetsSteps(false));
  }

  prepareFacets(): Promise<FleetRoutersPageDto['facets']> {
    return runInSlices(this.facetsSteps(true));
  }

  private *facetsSteps(sliced: boolean): Steps<FleetRoutersPageDto['facets']> {
    if (this.facetsCache) return this.facetsCache;
    const groups = new Map<string, string>();
    const products = new Set<string>();
    const firmwares = new Set<string>();
    const carriers = new Set<string>();
    const accounts = new Map<string, string>();
    let k = 0;
    for (const row of this.rows) {
      if (sliced && ++k % 4_096 === 0) yield;
      if (row.groupId) groups.set(row.groupId, row.groupName ?? `Group ${row.groupId}`);
      if (row.productName) products.add(row.productName);
      if (row.firmwareVersion) firmwares.add(row.firmwareVersion);
      if (row.carrier) carriers.add(row.carrier);
      if (row.accountId) accounts.set(row.accountId, row.accountName ?? `Account ${row.accountId}`);
    }
    const byLabel = (a: FacetOption, b: FacetOption) => (textKey(a.label) < textKey(b.label) ? -1 : 1);
    const fromSet = (set: Set<string>) => [...set].map((v) => ({ value: v, label: v })).sort(byLabel);
    const fromMap = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label })).sort(byLabel);
    this.facetsCache = {
      groups: fromMap(groups),
      products: fromSet(products),
      firmwares: fromSet(firmwares),
      carriers: fromSet(carriers),
      accounts: fromMap(accounts),
    };
    return this.facetsCache;
  }

  /** Rows matching every filter but the state filter (1 = match), and the per-state counts over them. */
  private match(query: FleetRoutersQuery): { mask: Uint8Array; counts: StateCounts } {
    const n = this.rows.length;
    const mask = new Uint8Array(n);
    const counts: StateCounts = { online: 0, offline: 0, initialized: 0, unknown: 0 };
    const needle = query.q ? query.q.toLowerCase() : '';
    const groups = query.group?.length ? new Set(query.group) : null;
    const products = query.product?.length ? new Set(query.product) : null;
    const firmwares = query.firmware?.length ? new Set(query.firmware) : null;
    const carriers = query.carrier?.length ? new Set(query.carrier) : null;
    const accounts = query.account?.length ? new Set(query.account) : null;
    const signals = query.signal?.length ? new Set(query.signal.map((s) => SIGNAL_CODE.get(s)!)) : null;
    const rows = this.rows;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      if (needle && !this.searchText[i]!.includes(needle)) continue;
      if (groups && (row.groupId === null || !groups.has(row.groupId))) continue;
      if (products && (row.productName === null || !products.has(row.productName))) continue;
      if (firmwares && (row.firmwareVersion === null || !firmwares.has(row.firmwareVersion))) continue;
      if (carriers && (row.carrier === null || !carriers.has(row.carrier))) continue;
      if (accounts && (row.accountId === null || !accounts.has(row.accountId))) continue;
      if (signals && !signals.has(this.signalCodes[i]!)) continue;
      mask[i] = 1;
      counts[ROUTER_STATES[this.stateCodes[i]!]!]++;
    }
    return { mask, counts };
  }

  /** The requested page, total and counts; `ordered` walks every match in sort order (CSV export). */
  select(query: FleetRoutersQuery): { rows: FleetRouterRow[]; total: number; counts: StateCounts; ordered: (visit: (row: FleetRouterRow) => void) => void } {
    const { mask, counts } = this.match(query);
    const states = query.state?.length ? new Set(query.state.map((s) => STATE_CODE.get(s)!)) : null;
    const permutation = this.permutation(query.sort, query.dir);
    const start = query.offset;
    const end = query.offset + query.limit;
    const page: FleetRouterRow[] = [];
    let total = 0;
    for (let k = 0; k < permutation.length; k++) {
      const i = permutation[k]!;
      if (mask[i] === 0 || (states && !states.has(this.stateCodes[i]!))) continue;
      if (total >= start && total < end) page.push(this.rows[i]!);
      total++;
    }
    const ordered = (visit: (row: FleetRouterRow) => void) => {
      for (let k = 0; k < permutation.length; k++) {
        const i = permutation[k]!;
        if (mask[i] === 0 || (states && !states.has(this.stateCodes[i]!))) continue;
        visit(this.rows[i]!);
      }
    };
    return { rows: page, total, counts, ordered };
  }
}

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

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The router table's index, shared by every bundle of the process: Next bundles route handlers and
 * pages separately, each with its own copy of this module, so module state would mean one index per
 * bundle (the API's never prepared). It lives on globalThis, like the snapshot itself.
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

  constructor(private readonly onError: (err: unknown) => void = (err) => console.error('[fleet] index build failed:', err)) {}

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
      await nextTick();
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
  }

  private async build(view: IndexView): Promise<void> {
    const current = this.current;
    const previous = current?.index;
    // A poll that touched a few routers: rebuild those rows and carry every order, a few
    // milliseconds at 50,000 routers instead of a pass over all of them.
    const changes = current && current.data === view.data ? view.changedSince?.(current.version) : null;
    if (current && previous && changes && changes.routers.size <= previous.rows.length / 4 && previous.canPatch(view.data, changes)) {
      const index = previous.patched(view.data, changes.routers);
      this.stats.patched++;
      await index.prepareFacets();
      this.install(view, index);
      this.prepareOtherOrders(index).catch(this.onError);
      return;
    }
    this.stats.built++;
    const rows = await runInSlices(buildRowsSteps(view.data, previous?.source));
    let index = new FleetIndex(rows, previous);
    // Writes patched into the served index after the build read their routers.
    if (this.patchedDuringBuild.size > 0) index = index.patched(view.data, this.patchedDuringBuild);
    await index.prepareFacets();
    for (const { column, dir } of [...this.recentSorts.values()]) await index.preparePermutation(column, dir);
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
        await nextTick();
        if (this.current?.index !== index) return;
        await index.preparePermutation(column, dir);
      }
    }
  }

  private install(view: IndexView, index: FleetIndex): Current {
    this.current = { data: view.data, version: view.version, asOf: view.asOf, index, revision: ++this.revision };
    return this.current;
  }
}

function sameKey(a: number | string | null | undefined, b: number | string | null | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** Polls update the snapshot's maps in place: an older version of the same data is covered too. */
function covers(current: Current, view: IndexView): boolean {
  return current.data === view.data && current.version >= view.version;
}

const STORE_KEY = Symbol.for('fleet-console.fleet-index');
type GlobalWithIndex = typeof globalThis & { [STORE_KEY]?: FleetIndexStore };

function store(): FleetIndexStore {
  const g = globalThis as GlobalWithIndex;
  g[STORE_KEY] ??= new FleetIndexStore();
  return g[STORE_KEY];
}

/** A fresh store (tests): the next request builds the first index again. */
export function resetFleetIndexStore(): void {
  (globalThis as GlobalWithIndex)[STORE_KEY] = undefined;
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

export function queryFleet(view: FleetView, query: FleetRoutersQuery, served: ServedIndex = serveFleetIndex(view)): FleetRoutersPageDto {
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
