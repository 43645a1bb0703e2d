/**
 * The /routers view as a URL: every filter, the sort, the search, the visible columns and the first
 * visible row. Parse and serialise are inverse (tested), so a copied link reopens the same view.
 * Browser-safe.
 */
import type { FleetRoutersQuery } from '@/lib/dto/fleet';
import { FLEET_SORT_COLUMNS, SIGNAL_QUALITIES } from '@/lib/dto/fleet-values';
import { isNumericId } from '@/lib/dto/ids';

/*
 * Hand-written twin of fleetRoutersQuerySchema: importing the zod schema into the browser costs
 * ~25 kB gzip on /routers (BENCHMARKS #4). fleet-url.test.ts checks both agree on many inputs; the
 * API still validates with zod, so this parser only decides what the UI shows.
 */
const SORT_COLUMNS = FLEET_SORT_COLUMNS;
/** The signal filter's values, for the UI. */
export const SIGNAL_FILTER_VALUES = SIGNAL_QUALITIES;
const QUALITIES = SIGNAL_QUALITIES;
const STATES = ['online', 'offline', 'initialized', 'unknown'] as const;

type ListRule = { max: number; valid: (v: string) => boolean };
const LIST_RULES: Record<FleetListFilter, ListRule> = {
  state: { max: 4, valid: (v) => (STATES as readonly string[]).includes(v) },
  group: { max: 100, valid: (v) => isNumericId(v) },
  product: { max: 50, valid: (v) => v.length <= 80 },
  firmware: { max: 50, valid: (v) => v.length <= 40 },
  carrier: { max: 20, valid: (v) => v.length <= 60 },
  account: { max: 100, valid: (v) => isNumericId(v) },
  signal: { max: 4, valid: (v) => (QUALITIES as readonly string[]).includes(v) },
};

class QueryProblem extends Error {}

function parseList(key: FleetListFilter, raw: string): string[] {
  if (raw.length > 2000) throw new QueryProblem(`${key}: too long`);
  const list = raw
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const rule = LIST_RULES[key];
  if (list.length > rule.max) throw new QueryProblem(`${key}: at most ${rule.max} values`);
  const bad = list.find((v) => !rule.valid(v));
  if (bad !== undefined) throw new QueryProblem(`${key}: invalid value`);
  return list;
}

function oneOf<T extends string>(key: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new QueryProblem(`${key}: invalid value`);
  return raw as T;
}

/** Same result as fleetRoutersQuerySchema.parse for the keys the page uses (limit aside). */
export function parseFleetQuery(raw: Record<string, string>): Omit<FleetRoutersQuery, 'limit'> {
  const out: Omit<FleetRoutersQuery, 'limit'> = {
    sort: oneOf('sort', raw.sort, SORT_COLUMNS, 'name'),
    dir: oneOf('dir', raw.dir, ['asc', 'desc'] as const, 'asc'),
    offset: 0,
  };
  if (raw.q !== undefined) {
    const q = raw.q.trim();
    if (q.length > 200) throw new QueryProblem('q: at most 200 characters');
    out.q = q;
  }
  for (const key of LIST_KEYS) {
    const value = raw[key];
    // The casts are safe: each rule admits only that key's values.
    if (value !== undefined) (out as Record<string, unknown>)[key] = parseList(key, value);
  }
  if (raw.offset !== undefined) {
    const n = Number(raw.offset);
    if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new QueryProblem('offset: a whole number from 0');
    out.offset = n;
  }
  return out;
}

export const FLEET_COLUMN_KEYS = [
  'name',
  'state',
  'signalQuality',
  'rsrp',
  'rsrq',
  'sinr',
  'healthScore',
  'carrier',
  'productName',
  'firmwareVersion',
  'groupName',
  'accountName',
  'ipv4Address',
  'serialNumber',
  'mac',
  'assetId',
  'stateUpdatedAt',
] as const;
export type FleetColumnKey = (typeof FLEET_COLUMN_KEYS)[number];

export const DEFAULT_COLUMNS: readonly FleetColumnKey[] = [
  'name',
  'state',
  'signalQuality',
  'rsrp',
  'carrier',
  'productName',
  'firmwareVersion',
  'groupName',
  'accountName',
  'ipv4Address',
  'stateUpdatedAt',
];

/** Name, state and signal are always shown: the narrow (mobile) layout keeps only these. */
export const REQUIRED_COLUMNS: readonly FleetColumnKey[] = ['name', 'state', 'signalQuality'];

/** The filter/sort part of the view: what the server needs to answer, minus paging. */
export type FleetFilters = Omit<FleetRoutersQuery, 'offset' | 'limit'>;

export interface FleetView {
  filters: FleetFilters;
  /** First visible row. */
  offset: number;
  /** Null means "the user's default" (localStorage, else DEFAULT_COLUMNS). */
  columns: FleetColumnKey[] | null;
}

export interface ParsedFleetView {
  view: FleetView;
  /** Set when the URL held something we could not read; the view then falls back to defaults. */
  problem: string | null;
}

const LIST_KEYS = ['state', 'group', 'product', 'firmware', 'carrier', 'account', 'signal'] as const;
type FleetListFilter = (typeof LIST_KEYS)[number];

export function parseColumns(raw: string | null | undefined): FleetColumnKey[] | null {
  if (!raw) return null;
  const known = new Set<string>(FLEET_COLUMN_KEYS);
  const cols = raw.split(',').filter((c): c is FleetColumnKey => known.has(c));
  return cols.length > 0 ? withRequired(cols) : null;
}

function withRequired(cols: readonly FleetColumnKey[]): FleetColumnKey[] {
  const set = new Set([...REQUIRED_COLUMNS, ...cols]);
  return FLEET_COLUMN_KEYS.filter((c) => set.has(c));
}

export function normaliseColumns(cols: readonly FleetColumnKey[]): FleetColumnKey[] {
  return withRequired(cols);
}

/** Reads a URL's search params (the first value of each key, as Next gives them to pages too). */
export function parseFleetView(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedFleetView {
  const flat: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in flat)) flat[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) flat[k] = first;
    }
  }
  const { cols, limit: _limit, ...rest } = flat;
  const columns = parseColumns(cols);
  try {
    const { offset, ...filters } = parseFleetQuery(rest);
    return { view: { filters, offset, columns }, problem: null };
  } catch (err) {
    if (!(err instanceof QueryProblem)) throw err;
    return { view: { filters: defaultFilters(), offset: 0, columns }, problem: err.message };
  }
}

/** Query string of the filters alone, in a stable order; shared by the page URL, the API and export. */
export function filtersSearch(filters: FleetFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const key of LIST_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) params.set(key, values.join(','));
  }
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  if (filters.dir !== 'asc') params.set('dir', filters.dir);
  return params;
}

/** The page URL's query string; defaults are left out so links stay short. */
export function serialiseFleetView(view: FleetView): string {
  const params = filtersSearch(view.filters);
  if (view.columns) params.set('cols', view.columns.join(','));
  if (view.offset > 0) params.set('offset', String(view.offset));
  return params.toString();
}

export function defaultFilters(): FleetFilters {
  return { sort: 'name', dir: 'asc' };
}
