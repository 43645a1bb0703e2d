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
import { buildRows, type FleetRows, textKey } from './rows';
import { carryOrder, comparator, isNumericColumn, numericKey, type SortDir, type SortKeys, sortOrder, textSortKey } from './sort-order';
import type { FleetView } from './sync';
import type { FleetData } from './types';

const STATE_CODE = new Map<RouterState, number>(ROUTER_STATES.map((s, i) => [s, i]));
const SIGNAL_CODE = new Map<string, number>(SIGNAL_QUALITIES.map((s, i) => [s, i + 1]));

/** What a new index may take over from the one it replaces. */
interface Carried {
  permutations: Map<string, Uint32Array>;
  keys: Map<FleetSortColumn, SortKeys>;
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
  private carried: (Carried & { newOfOld: Int32Array; oldOfNew: Int32Array; changed: number[] }) | null = null;

  /** With `previous`, rows and sort orders that did not change are taken over rather than rebuilt. */
  constructor(data: FleetData, previous?: FleetIndex) {
    const built = buildRows(data, previous?.built);
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

  /**
   * Gives up this (superseded) index's orders to its successor, with where each of its rows went.
   * Dropping them here keeps a chain of superseded indexes from holding memory.
   */
  private handOver(next: readonly FleetRouterRow[]): FleetIndex['carried'] {
    const old = this.rows;
    const newOfOld = new Int32Array(old.length).fill(-1);
    const oldOfNew = new Int32Array(next.length).fill(-1);
    const changed: number[] = [];
    // Polls keep the routers in the same order: match by position, by id only where that fails.
    let byId: Map<string, number> | null = null;
    for (let i = 0; i < next.length; i++) {
      const row = next[i]!;
      let p = -1;
      if (i < old.length && old[i]!.id === row.id) {
        if (old[i] === row) p = i;
      } else {
        byId ??= new Map(old.map((r, k) => [r.id, k]));
        const k = byId.get(row.id);
        if (k !== undefined && old[k] === row) p = k;
      }
      if (p >= 0) {
        newOfOld[p] = i;
        oldOfNew[i] = p;
      } else changed.push(i);
    }
    const carried = { permutations: new Map(this.permutations), keys: new Map(this.keys), newOfOld, oldOfNew, changed };
    this.carried = null;
    return carried;
  }

  private sortKeys(column: FleetSortColumn): SortKeys {
    if (column === 'name') return this.nameKeys;
    const known = this.keys.get(column);
    if (known) return known;
    const n = this.rows.length;
    const previous = this.carried?.keys.get(column);
    const oldOfNew = this.carried?.oldOfNew;
    let keys: SortKeys;
    if (isNumericColumn(column)) {
      const numeric = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const p = oldOfNew ? oldOfNew[i]! : -1;
        numeric[i] = previous && p >= 0 ? (previous[p] as number) : numericKey(this.rows[i]!, column);
      }
      keys = numeric;
    } else {
      const text: (string | null)[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const p = oldOfNew ? oldOfNew[i]! : -1;
        text[i] = previous && p >= 0 ? (previous[p] as string | null) : textSortKey(this.rows[i]!, column);
      }
      keys = text;
    }
    this.keys.set(column, keys);
    return keys;
  }

  /** Row order for a column and direction: nulls last either way, ties by name then id (ascending). */
  permutation(column: FleetSortColumn, dir: SortDir): Uint32Array {
    const cacheKey = `${column}:${dir}`;
    const cached = this.permutations.get(cacheKey);
    if (cached) return cached;
    const n = this.rows.length;
    const compare = comparator(this.rows, this.nameKeys, this.sortKeys(column), dir);
    const previous = this.carried?.permutations.get(cacheKey);
    let order: Uint32Array | null = null;
    if (previous && this.carried) order = carryOrder(previous, this.carried.newOfOld, this.carried.changed, n, compare);
    const permutation = order ?? sortOrder(n, compare);
    this.permutations.set(cacheKey, permutation);
    return permutation;
  }

  facets(): FleetRoutersPageDto['facets'] {
    if (this.facetsCache) return this.facetsCache;
    const groups = new Map<string, string>();
    const products = new Set<string>();
    const firmwares = new Set<string>();
    const carriers = new Set<string>();
    const accounts = new Map<string, string>();
    for (const row of this.rows) {
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
  version: number;
  index: FleetIndex;
}

/**
 * The index of the current snapshot version, shared by every bundle of the process. Next bundles
 * route handlers and pages separately, each with its own copy of this module: module state would
 * mean one index per bundle — the API's never prepared, rebuilt on a viewer's request after each
 * poll — so the store lives on globalThis, like the snapshot itself.
 */
class FleetIndexStore {
  private current: Current | null = null;
  /** Sort orders viewers asked for lately, newest last: the ones worth preparing first. */
  private readonly recentSorts = new Map<string, { column: FleetSortColumn; dir: SortDir }>([
    // The overview's two (worst signal, recently offline) and the table's default.
    ['rsrp:asc', { column: 'rsrp', dir: 'asc' }],
    ['stateUpdatedAt:desc', { column: 'stateUpdatedAt', dir: 'desc' }],
    ['name:asc', { column: 'name', dir: 'asc' }],
  ]);

  indexFor(view: Pick<FleetView, 'data' | 'version'>): FleetIndex {
    const current = this.current;
    // Polls update the snapshot's maps in place: an older version of the same data is already covered.
    if (current && current.data === view.data && current.version >= view.version) return current.index;
    const index = new FleetIndex(view.data, current?.index);
    this.current = { data: view.data, version: view.version, index };
    return index;
  }

  isCurrent(index: FleetIndex): boolean {
    return this.current?.index === index;
  }

  noteSort(column: FleetSortColumn, dir: SortDir): void {
    const key = `${column}:${dir}`;
    this.recentSorts.delete(key);
    this.recentSorts.set(key, { column, dir });
    if (this.recentSorts.size > 8) this.recentSorts.delete(this.recentSorts.keys().next().value as string);
  }

  /**
   * Builds a new version's index, facets and the recently used orders at once, then every other
   * order one per tick (so requests interleave) until a newer version replaces it: a viewer's first
   * click on any column finds its order ready.
   */
  prepare(view: Pick<FleetView, 'data' | 'version'>): void {
    const index = this.indexFor(view);
    index.facets();
    for (const { column, dir } of this.recentSorts.values()) index.permutation(column, dir);
    const rest = FLEET_SORT_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((dir) => ({ column, dir })));
    const step = () => {
      if (!this.isCurrent(index)) return;
      const next = rest.shift();
      if (!next) return;
      index.permutation(next.column, next.dir);
      setImmediate(step);
    };
    setImmediate(step);
  }
}

const STORE_KEY = Symbol.for('fleet-console.fleet-index');
type GlobalWithIndex = typeof globalThis & { [STORE_KEY]?: FleetIndexStore };

function store(): FleetIndexStore {
  const g = globalThis as GlobalWithIndex;
  g[STORE_KEY] ??= new FleetIndexStore();
  return g[STORE_KEY];
}

/** The index of a snapshot version; built (from the previous one) only when the snapshot changed. */
export function fleetIndexFor(view: Pick<FleetView, 'data' | 'version'>): FleetIndex {
  return store().indexFor(view);
}

/** Prepares a new snapshot version's index off the request path (called after each refresh). */
export function prepareFleetIndex(view: Pick<FleetView, 'data' | 'version'>): void {
  store().prepare(view);
}

export function queryFleet(view: FleetView, query: FleetRoutersQuery): FleetRoutersPageDto {
  store().noteSort(query.sort, query.dir);
  const index = fleetIndexFor(view);
  const { rows, total, counts } = index.select(query);
  return {
    rows,
    total,
    counts,
    offset: query.offset,
    limit: query.limit,
    asOf: view.asOf === null ? null : new Date(view.asOf).toISOString(),
    stale: view.stale,
    sync: view.sync,
    facets: index.facets(),
  };
}
