import 'server-only';
/**
 * Fleet data functions for pages and route handlers. Each authorizes itself before the shared
 * snapshot is consulted (the snapshot holds raw NCM data, never per-user output), then
 * shapes DTOs from lib/dto/fleet.ts.
 */
import { createHash } from 'node:crypto';
import { authorize } from '@/lib/auth/session';
import type {
  AlertsByTypeDto,
  FleetRouterRow,
  FleetRoutersPageDto,
  FleetRoutersQuery,
  OverviewDto,
  StateCounts,
} from '@/lib/dto/fleet';
import { fleetIndexFor, type FleetView, getFleetSync, queryFleet, serveFleetIndex } from '@/lib/fleet';
import type { FleetMapDto, FleetMapQuery } from '@/lib/dto/fleet-map';
import { isNumericId } from '@/lib/dto/ids';
import { type FleetCsvColumn, csvFilename, csvStream } from '@/lib/fleet/csv';
import { queryMapIndex, serveMapIndex } from '@/lib/fleet/map-index';
import { readAlertWindow } from '@/lib/reads';

/** Identifies an answer without computing it: same served rows + status + query = same body. */
function etagFor(revision: number, view: FleetView, query: FleetRoutersQuery): string {
  const hash = createHash('sha1')
    .update(
      JSON.stringify([revision, view.stale, view.sync.phase, view.sync.loadedRouters, view.sync.lastError, query]),
    )
    .digest('base64url')
    .slice(0, 22);
  return `W/"${hash}"`;
}

export interface TaggedFleetPage {
  etag: string;
  asOf: string | null;
  /** Builds the page; skipped when the client already has this ETag. */
  page: () => FleetRoutersPageDto;
}

/** For the route handler: the ETag first, so an unchanged poll is a 304 without running the query. */
export async function getFleetRoutersPageTagged(query: FleetRoutersQuery): Promise<TaggedFleetPage> {
  await authorize('routers:read');
  const view = await getFleetSync().read();
  // The ETag names the rows actually served, which may be the previous version's for a moment.
  const served = serveFleetIndex(view);
  return {
    etag: etagFor(served.revision, view, query),
    asOf: served.asOf === null ? null : new Date(served.asOf).toISOString(),
    page: () => queryFleet(view, query, served),
  };
}

export async function getFleetRoutersPage(query: FleetRoutersQuery): Promise<FleetRoutersPageDto> {
  return (await getFleetRoutersPageTagged(query)).page();
}

export interface FleetCsvExport {
  stream: ReadableStream<Uint8Array>;
  totalRows: number;
  filename: string;
}

/** Every router matching the query (paging ignored), in its sort order, as a CSV stream. */
export async function streamFleetCsv(
  query: FleetRoutersQuery,
  columns: readonly FleetCsvColumn[],
): Promise<FleetCsvExport> {
  await authorize('routers:export');
  const view = await getFleetSync().read();
  const rows: FleetRouterRow[] = [];
  fleetIndexFor(view)
    .select({ ...query, offset: 0, limit: 1 })
    .ordered((row) => rows.push(row));
  return { stream: csvStream(rows, columns), totalRows: rows.length, filename: csvFilename('routers', new Date()) };
}

/** Alerts of the last 24 h by type, from the held alert window shared with the feed. */
export async function getAlertsByType(now = Date.now()): Promise<AlertsByTypeDto> {
  await authorize('alerts:read');
  const { alerts } = await readAlertWindow(now - 86_400_000);
  const counts = new Map<string, number>();
  for (const alert of alerts) counts.set(alert.type, (counts.get(alert.type) ?? 0) + 1);
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
}

const TOP = 10;

/** States, worst signal and recently offline: the snapshot alone, so they never wait for NCM's alert log. */
export async function getFleetOverview(): Promise<OverviewDto> {
  await authorize('routers:read');
  const view = await getFleetSync().read();
  const { index, asOf } = serveFleetIndex(view);
  const counts: StateCounts = { online: 0, offline: 0, initialized: 0, unknown: 0 };
  for (const row of index.rows) counts[row.state]++;
  const worstSignal: FleetRouterRow[] = [];
  for (const i of index.permutation('rsrp', 'asc')) {
    const row = index.rows[i]!;
    if (row.rsrp === null || worstSignal.length >= TOP) break;
    if (row.state === 'online') worstSignal.push(row);
  }
  const recentlyOffline: FleetRouterRow[] = [];
  for (const i of index.permutation('stateUpdatedAt', 'desc')) {
    if (recentlyOffline.length >= TOP) break;
    const row = index.rows[i]!;
    if (row.state === 'offline') recentlyOffline.push(row);
  }
  return {
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    stale: view.stale,
    sync: view.sync,
    counts,
    total: index.rows.length,
    worstSignal,
    recentlyOffline,
  };
}

/** The fleet map for one viewport: clusters and routers matching the table's filters. */
export async function getFleetMap(query: FleetMapQuery): Promise<FleetMapDto> {
  await authorize('routers:read');
  const view = await getFleetSync().read();
  const { bbox, zoom, ...filters } = query;
  // The index of the previous table version while the current one's is built in the background.
  const { index, asOf } = serveMapIndex(serveFleetIndex(view), filters);
  return {
    ...queryMapIndex(index, bbox, zoom),
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    stale: view.stale,
  };
}

/** Where a router is, for opening the map on it; null when it is unknown or has no location. */
export async function getMapFocus(id: string): Promise<{ id: string; latitude: number; longitude: number } | null> {
  await authorize('routers:read');
  if (!isNumericId(id)) return null;
  const view = await getFleetSync().read();
  const location = view.data.locations.get(id);
  return location ? { id, latitude: location.latitude, longitude: location.longitude } : null;
}
