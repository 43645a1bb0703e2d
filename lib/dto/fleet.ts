/**
 * The fleet snapshot as the browser sees it: the router table at scale (/api/fleet/routers), the CSV
 * export and the overview. Browser-safe: types and zod schemas only.
 */
import { z } from 'zod';
import type { RouterState } from '@/lib/domain/types';

import { FLEET_SORT_COLUMNS, SIGNAL_QUALITIES, type SignalQuality } from './fleet-values';
import { NUMERIC_ID } from './ids';

export { FLEET_SORT_COLUMNS, type FleetSortColumn, SIGNAL_QUALITIES, type SignalQuality } from './fleet-values';

export interface FleetRouterRow {
  id: string;
  name: string;
  state: RouterState;
  stateUpdatedAt: string | null;
  productName: string | null;
  firmwareVersion: string | null;
  /** True when the router runs another firmware than its group's target. */
  firmwareBehind: boolean;
  groupId: string | null;
  groupName: string | null;
  accountId: string | null;
  accountName: string | null;
  serialNumber: string | null;
  mac: string | null;
  ipv4Address: string | null;
  assetId: string | null;
  /** Carrier of the primary (best) modem. */
  carrier: string | null;
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  signalQuality: SignalQuality | null;
  healthScore: number | null;
  latitude: number | null;
  longitude: number | null;
}

export type StateCounts = Record<RouterState, number>;

export interface FacetOption {
  value: string;
  label: string;
}

export interface SyncStatus {
  /** 'initial' until the first full sync finished; rows stream in as pages arrive. */
  phase: 'initial' | 'ready';
  loadedRouters: number;
  /** During the first sync, how many routers NCM said there are (it may not say: null). */
  expectedRouters: number | null;
  lastFullSyncAt: string | null;
  lastPollAt: string | null;
  /** Set when the last upstream attempt failed; the data shown is then older than it should be. */
  lastError: string | null;
}

export interface FleetRoutersPageDto {
  rows: FleetRouterRow[];
  /** Routers matching every filter (before paging). */
  total: number;
  /** Routers per state matching every filter except the state filter. */
  counts: StateCounts;
  offset: number;
  limit: number;
  /** When the snapshot behind this answer was last in sync with NCM (ISO 8601 UTC). */
  asOf: string | null;
  /** True when NCM could not be reached for longer than the poll interval. */
  stale: boolean;
  sync: SyncStatus;
  facets: {
    groups: FacetOption[];
    products: FacetOption[];
    firmwares: FacetOption[];
    carriers: FacetOption[];
    accounts: FacetOption[];
  };
}

const csv = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= max, `at most ${max} values`);

/** Query of /api/fleet/routers, of its CSV export and of the /routers page URL. */
export const fleetRoutersQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  state: csv(4)
    .pipe(z.array(z.enum(['online', 'offline', 'initialized', 'unknown'])))
    .optional(),
  group: csv(100)
    .pipe(z.array(z.string().regex(NUMERIC_ID)))
    .optional(),
  product: csv(50)
    .pipe(z.array(z.string().min(1).max(80)))
    .optional(),
  firmware: csv(50)
    .pipe(z.array(z.string().min(1).max(40)))
    .optional(),
  carrier: csv(20)
    .pipe(z.array(z.string().min(1).max(60)))
    .optional(),
  account: csv(100)
    .pipe(z.array(z.string().regex(NUMERIC_ID)))
    .optional(),
  signal: csv(4)
    .pipe(z.array(z.enum(SIGNAL_QUALITIES)))
    .optional(),
  sort: z.enum(FLEET_SORT_COLUMNS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type FleetRoutersQuery = z.infer<typeof fleetRoutersQuerySchema>;

/** The overview's fleet part, all from the snapshot (alerts by type arrive on their own). */
export interface OverviewDto {
  asOf: string | null;
  stale: boolean;
  /** While the first sync runs the counts cover only the routers loaded so far: say so, not show them. */
  sync: SyncStatus;
  counts: StateCounts;
  total: number;
  worstSignal: FleetRouterRow[];
  recentlyOffline: FleetRouterRow[];
}

/** Alerts of the last 24 h by type, most frequent first. */
export type AlertsByTypeDto = Array<{ type: string; count: number }>;
