/**
 * The fleet map as the browser sees it (/api/fleet/map): clusters with their state mix and single
 * routers, for one viewport. Browser-safe: types and the zod schema only.
 */
import { z } from 'zod';
import type { RouterState } from '@/lib/domain/types';
import { fleetRoutersQuerySchema, type SignalQuality, type StateCounts } from './fleet';

export interface MapClusterDto {
  /** Cluster id, for its expansion zoom. */
  id: number;
  latitude: number;
  longitude: number;
  count: number;
  states: StateCounts;
  /** The zoom at which the cluster falls apart. */
  expansionZoom: number;
}

export interface MapRouterDto {
  id: string;
  name: string;
  state: RouterState;
  latitude: number;
  longitude: number;
  rsrp: number | null;
  signalQuality: SignalQuality | null;
}

export interface FleetMapDto {
  clusters: MapClusterDto[];
  routers: MapRouterDto[];
  /** Routers matching the filters that have a known location. */
  located: number;
  /** Routers matching the filters without one (not on the map). */
  unlocated: number;
  /** True when the viewport held more symbols than are drawn (zoom in). */
  capped: boolean;
  asOf: string | null;
  stale: boolean;
}

/** At most this many symbols per viewport: enough for any screen, cheap for any browser. */
export const MAP_MAX_SYMBOLS = 2_000;

const coordinate = (min: number, max: number) => z.number().min(min).max(max);

/** The table's filters (the same URL parameters), plus the viewport. */
export const fleetMapQuerySchema = fleetRoutersQuerySchema
  .pick({
    q: true,
    state: true,
    group: true,
    product: true,
    firmware: true,
    carrier: true,
    account: true,
    signal: true,
  })
  .extend({
    bbox: z
      .string()
      .max(200)
      .transform((s) => s.split(',').map(Number))
      .pipe(z.tuple([coordinate(-180, 180), coordinate(-90, 90), coordinate(-180, 180), coordinate(-90, 90)]))
      .default([-180, -85, 180, 85]),
    zoom: z.coerce.number().int().min(0).max(20).default(3),
  });
export type FleetMapQuery = z.infer<typeof fleetMapQuerySchema>;
