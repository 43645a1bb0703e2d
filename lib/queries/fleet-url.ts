/**
 * The /routers view as a URL: every filter, the sort, the search, the visible columns and the first
 * visible row. Parse and serialise are inverse (tested), so a copied link reopens the same view.
 * Browser-safe.
 */
import { type FleetRoutersQuery, fleetRoutersQuerySchema } from '@/lib/dto/fleet';

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
export type FleetListFilter = (typeof LIST_KEYS)[number];

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
export function parseFleetView(params: URLSearchParams | Record<string, string | string[] | undefined>): ParsedFleetView {
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
  const parsed = fleetRoutersQuerySchema.safeParse(rest);
  const columns = parseColumns(cols);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const defaults = fleetRoutersQuerySchema.parse({});
    return {
      view: { filters: stripPaging(defaults), offset: 0, columns },
      problem: issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'unreadable filters',
    };
  }
  return { view: { filters: stripPaging(parsed.data), offset: parsed.data.offset, columns }, problem: null };
}

function stripPaging(q: FleetRoutersQuery): FleetFilters {
  const { offset: _o, limit: _l, ...filters } = q;
  return filters;
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
  return stripPaging(fleetRoutersQuerySchema.parse({}));
}
