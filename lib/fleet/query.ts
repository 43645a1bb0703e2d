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
import { buildRows, textKey } from './rows';
import type { FleetView } from './sync';
import type { FleetData } from './types';

type SortDir = 'asc' | 'desc';

const NUMERIC_COLUMNS = new Set<FleetSortColumn>(['rsrp', 'rsrq', 'sinr', 'healthScore', 'stateUpdatedAt', 'ipv4Address']);

function nullableTextKey(value: string | null): string | null {
  return value === null || value === '' ? null : textKey(value);
}

function ipv4Number(ip: string | null): number {
  if (!ip) return Number.NaN;
  const parts = ip.split('.');
  if (parts.length !== 4) return Number.NaN;
  let n = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!Number.isInteger(octet) || octet < 0 || octet > 255) return Number.NaN;
    n = n * 256 + octet;
  }
  return n;
}

function numericKey(row: FleetRouterRow, column: FleetSortColumn): number {
  switch (column) {
    case 'rsrp':
      return row.rsrp ?? Number.NaN;
    case 'rsrq':
      return row.rsrq ?? Number.NaN;
    case 'sinr':
      return row.sinr ?? Number.NaN;
    case 'healthScore':
      return row.healthScore ?? Number.NaN;
    case 'stateUpdatedAt':
      return row.stateUpdatedAt ? Date.parse(row.stateUpdatedAt) : Number.NaN;
    default:
      return ipv4Number(row.ipv4Address);
  }
}

function textOf(row: FleetRouterRow, column: FleetSortColumn): string | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'state':
      return row.state;
    case 'productName':
      return row.productName;
    case 'firmwareVersion':
      return row.firmwareVersion;
    case 'groupName':
      return row.groupName;
    case 'accountName':
      return row.accountName;
    case 'carrier':
      return row.carrier;
    case 'mac':
      return row.mac;
    case 'assetId':
      return row.assetId;
    default:
      return row.serialNumber;
  }
}

function idOrder(a: string, b: string): number {
  // NCM ids are decimal strings: shorter is smaller.
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATE_CODE = new Map<RouterState, number>(ROUTER_STATES.map((s, i) => [s, i]));
const SIGNAL_CODE = new Map<string, number>(SIGNAL_QUALITIES.map((s, i) => [s, i + 1]));

export class FleetIndex {
  readonly rows: FleetRouterRow[];
  private readonly searchText: string[];
  private readonly nameKeys: string[];
  private readonly stateCodes: Uint8Array;
  private readonly signalCodes: Uint8Array;
  private readonly permutations = new Map<string, Uint32Array>();
  private facetsCache: FleetRoutersPageDto['facets'] | null = null;

  constructor(data: FleetData) {
    const built = buildRows(data);
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
  }

  /** Row order for a column and direction: nulls last either way, ties by name then id (ascending). */
  permutation(column: FleetSortColumn, dir: SortDir): Uint32Array {
    const cacheKey = `${column}:${dir}`;
    const cached = this.permutations.get(cacheKey);
    if (cached) return cached;
    const n = this.rows.length;
    const sign = dir === 'asc' ? 1 : -1;
    const rows = this.rows;
    const names = this.nameKeys;
    const tie = (a: number, b: number): number => {
      const na = names[a]!;
      const nb = names[b]!;
      if (na !== nb) return na < nb ? -1 : 1;
      return idOrder(rows[a]!.id, rows[b]!.id);
    };
    const order = Array.from({ length: n }, (_, i) => i);
    if (NUMERIC_COLUMNS.has(column)) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = numericKey(rows[i]!, column);
      order.sort((a, b) => {
        const ka = keys[a]!;
        const kb = keys[b]!;
        const nullA = Number.isNaN(ka);
        const nullB = Number.isNaN(kb);
        if (nullA || nullB) return nullA === nullB ? tie(a, b) : nullA ? 1 : -1;
        return ka !== kb ? (ka - kb) * sign : tie(a, b);
      });
    } else {
      const keys: (string | null)[] = column === 'name' ? names : rows.map((r) => nullableTextKey(textOf(r, column)));
      order.sort((a, b) => {
        const ka = keys[a] ?? null;
        const kb = keys[b] ?? null;
        if (ka === null || kb === null) return ka === kb ? tie(a, b) : ka === null ? 1 : -1;
        return ka !== kb ? (ka < kb ? -sign : sign) : tie(a, b);
      });
    }
    const permutation = Uint32Array.from(order);
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

let cached: { data: FleetData; version: number; index: FleetIndex } | null = null;

/** The index of a snapshot version; rebuilt only when the snapshot changed. */
export function fleetIndexFor(view: Pick<FleetView, 'data' | 'version'>): FleetIndex {
  if (cached && cached.data === view.data && cached.version === view.version) return cached.index;
  const index = new FleetIndex(view.data);
  cached = { data: view.data, version: view.version, index };
  return index;
}

/** Sort orders viewers asked for lately, newest last: the ones worth preparing for the next version. */
const recentSorts = new Map<string, { column: FleetSortColumn; dir: SortDir }>([
  // The overview's two (worst signal, recently offline) and the table's default.
  ['rsrp:asc', { column: 'rsrp', dir: 'asc' }],
  ['stateUpdatedAt:desc', { column: 'stateUpdatedAt', dir: 'desc' }],
  ['name:asc', { column: 'name', dir: 'asc' }],
]);

function noteSort(column: FleetSortColumn, dir: SortDir): void {
  const key = `${column}:${dir}`;
  recentSorts.delete(key);
  recentSorts.set(key, { column, dir });
  if (recentSorts.size > 8) recentSorts.delete(recentSorts.keys().next().value as string);
}

/**
 * Builds the index of a new snapshot version, with its facets and the recently used sort orders,
 * before a viewer asks: at 50,000 routers that is a few hundred milliseconds a viewer would
 * otherwise wait for after every changed poll.
 */
export function prepareFleetIndex(view: Pick<FleetView, 'data' | 'version'>): void {
  const index = fleetIndexFor(view);
  index.facets();
  for (const { column, dir } of recentSorts.values()) index.permutation(column, dir);
  // Then every other order, one per tick so requests interleave, until a newer version replaces it:
  // a viewer's first click on any column should find its order ready.
  const rest = FLEET_SORT_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((dir) => ({ column, dir })));
  const step = () => {
    if (cached?.index !== index) return;
    const next = rest.shift();
    if (!next) return;
    index.permutation(next.column, next.dir);
    setImmediate(step);
  };
  setImmediate(step);
}

export function queryFleet(view: FleetView, query: FleetRoutersQuery): FleetRoutersPageDto {
  noteSort(query.sort, query.dir);
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
