/**
 * Query definitions for the fleet table, shared by the server prefetch and the browser
 * so the keys cannot drift. The table asks for fixed windows of rows; each window is its own cache
 * entry and polls with If-None-Match, so an unchanged fleet costs a 304 per visible window.
 * Browser-safe: only types and fetches to our own BFF.
 */
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { FleetRoutersPageDto } from '@/lib/dto/fleet';
import { fetchApi } from './fetch-json';
import { type FleetFilters, filtersSearch } from './fleet-url';

export const FLEET_WINDOW_SIZE = 200;
const FLEET_POLL_MS = 30_000;
const FLEET_INITIAL_SYNC_POLL_MS = 2_000;

/** A window as cached: the DTO plus the ETag that produced it (absent when prefetched on the server). */
export type FleetWindow = FleetRoutersPageDto & { etag?: string };

export const fleetKeys = {
  window: (filters: FleetFilters, index: number) => ['fleet', 'routers', filters, index] as const,
};

export function windowSearch(filters: FleetFilters, index: number): string {
  const params = filtersSearch(filters);
  params.set('offset', String(index * FLEET_WINDOW_SIZE));
  params.set('limit', String(FLEET_WINDOW_SIZE));
  return params.toString();
}

async function fetchWindow(
  client: QueryClient,
  filters: FleetFilters,
  index: number,
  signal: AbortSignal,
): Promise<FleetWindow> {
  const previous = client.getQueryData<FleetWindow>(fleetKeys.window(filters, index));
  const response = await fetchApi(
    `/api/fleet/routers?${windowSearch(filters, index)}`,
    { signal, headers: previous?.etag ? { 'If-None-Match': previous.etag } : {} },
    [304],
  );
  // Nothing changed since the last answer: keep it (same object, so nothing re-renders).
  if (response.status === 304 && previous) return previous;
  const body = (await response.json()) as FleetRoutersPageDto;
  return { ...body, etag: response.headers.get('ETag') ?? undefined };
}

export const fleetWindowQuery = (filters: FleetFilters, index: number) =>
  queryOptions({
    queryKey: fleetKeys.window(filters, index),
    queryFn: ({ client, signal }) => fetchWindow(client, filters, index, signal),
    staleTime: FLEET_POLL_MS,
    // Poll fast while the first sync streams rows in, then every 30 s; 304s keep the data.
    refetchInterval: (query) =>
      query.state.data?.sync.phase === 'initial' ? FLEET_INITIAL_SYNC_POLL_MS : FLEET_POLL_MS,
  });

export function exportUrl(filters: FleetFilters, columns: readonly string[]): string {
  const params = filtersSearch(filters);
  params.set('columns', columns.join(','));
  return `/api/fleet/routers/export?${params.toString()}`;
}
