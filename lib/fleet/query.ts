import 'server-only';
/**
 * The router table's query engine over the snapshot: search, filters, sort, per-state counts, paging
 * and facets. Everything that does not depend on the query (rows, search text, sort keys, sorted
 * permutations, facets) is computed once per snapshot version, so a query over 50,000 routers is a
 * couple of linear passes over typed arrays. Which index a request uses: index-store.ts.
 */
import { ROUTER_STATES, type RouterState } from '@/lib/domain/types';
import {
  type FacetOption,
  type FleetRouterRow,
  type FleetRoutersPageDto,
  type FleetRoutersQuery,
  type FleetSortColumn,
  SIGNAL_QUALITIES,
  type StateCounts,
} from '@/lib/dto/fleet';
import { buildRows, canPatch, type FleetRows, patchRows, textKey } from './rows';
import { runInSlices, runToEnd, type Steps } from './sliced';
import {
  carryOrderSteps,
  comparator,
  isNumericColumn,
  numericKey,
  type SortDir,
  type SortKeys,
  sortOrderSteps,
  textSortKey,
} from './sort-order';
import type { FleetChanges } from './sync';
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
   * This index with some routers' rows rebuilt from the current data (a poll the journal describes,
   * or a write of our own). Its orders are carried over from this one when first asked for.
   */
  patched(data: FleetData, routerIds: Iterable<string>): FleetIndex {
    const positions = this.positions();
    const next = new FleetIndex(patchRows(this.built, positions, data, routerIds), this);
    next.positionsCache = positions;
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
    const carried = {
      permutations: new Map(this.permutations),
      keys: new Map(this.keys),
      nameKeys: this.nameKeys,
      oldLength: old.length,
      oldOfNew,
      same,
    };
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
        text[i] =
          previous && same?.[i] ? (previous[oldOfNew![i]!] as string | null) : textSortKey(this.rows[i]!, column);
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
  private movedFor(
    carried: Carried,
    keys: SortKeys,
    previousKeys: SortKeys | readonly string[],
  ): { kept: Int32Array; moved: number[] } {
    const kept = new Int32Array(carried.oldLength).fill(-1);
    const moved: number[] = [];
    const { oldOfNew, same, nameKeys } = carried;
    for (let i = 0; i < this.rows.length; i++) {
      const p = oldOfNew[i]!;
      if (p >= 0 && (same[i] === 1 || (nameKeys[p] === this.nameKeys[i] && sameKey(previousKeys[p], keys[i]))))
        kept[p] = i;
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
  select(query: FleetRoutersQuery): {
    rows: FleetRouterRow[];
    total: number;
    counts: StateCounts;
    ordered: (visit: (row: FleetRouterRow) => void) => void;
  } {
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

function sameKey(a: number | string | null | undefined, b: number | string | null | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}
