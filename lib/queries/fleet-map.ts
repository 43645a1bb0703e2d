/**
 * The fleet map's query: one viewport (bounding box and zoom) of the routers matching the table's
 * filters. Browser-safe.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { FleetMapDto } from '@/lib/dto/fleet-map';
import { fetchJson } from './fetch-json';
import { type FleetFilters, filtersSearch } from './fleet-url';

export interface MapViewport {
  bbox: [number, number, number, number];
  zoom: number;
}

/** The filters as the map and the table share them in their URLs (the map has no sort order). */
function mapFilterSearch(filters: FleetFilters): URLSearchParams {
  const params = filtersSearch(filters);
  params.delete('sort');
  params.delete('dir');
  return params;
}

/** Rounded so small pans of many viewers share server work and cache entries. */
const round = (n: number) => Math.round(n * 1_000) / 1_000;

export function fleetMapQuery(filters: FleetFilters, viewport: MapViewport) {
  const params = mapFilterSearch(filters);
  params.set('bbox', viewport.bbox.map(round).join(','));
  params.set('zoom', String(viewport.zoom));
  const search = params.toString();
  return queryOptions({
    queryKey: ['fleet', 'map', search] as const,
    queryFn: ({ signal }) => fetchJson<FleetMapDto>(`/api/fleet/map?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
