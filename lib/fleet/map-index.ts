import 'server-only';
/**
 * The fleet map's cluster index: supercluster over the located routers that match the table's
 * filters, built once per served table index and filter set and shared by every viewer, so a
 * browser receives only the clusters and routers of its viewport (never 50,000 markers).
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { RouterState } from '@/lib/domain/types';
import type { FleetRouterRow, FleetRoutersQuery, StateCounts } from '@/lib/dto/fleet';
import type { FleetMapDto, FleetMapQuery, MapClusterDto, MapRouterDto } from '@/lib/dto/fleet-map';
import { MAP_MAX_SYMBOLS } from '@/lib/dto/fleet-map';
import { processSingleton } from '@/lib/process-state';
import type { FleetIndex } from './query';

type PointProps = MapRouterDto;
type ClusterProps = StateCounts;

export interface MapIndex {
  cluster: Supercluster<PointProps, ClusterProps>;
  located: number;
  unlocated: number;
}

const emptyCounts = (): StateCounts => ({ online: 0, offline: 0, initialized: 0, unknown: 0 });

export function buildMapIndex(rows: Iterable<FleetRouterRow>): MapIndex {
  const points: Array<PointFeature<PointProps>> = [];
  let unlocated = 0;
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) {
      unlocated++;
      continue;
    }
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
      properties: {
        id: row.id,
        name: row.name,
        state: row.state,
        latitude: row.latitude,
        longitude: row.longitude,
        rsrp: row.rsrp,
        signalQuality: row.signalQuality,
      },
    });
  }
  const cluster = new Supercluster<PointProps, ClusterProps>({
    radius: 60,
    maxZoom: 16,
    map: (p) => {
      const counts = emptyCounts();
      counts[p.state as RouterState]++;
      return counts;
    },
    reduce: (acc, p) => {
      acc.online += p.online;
      acc.offline += p.offline;
      acc.initialized += p.initialized;
      acc.unknown += p.unknown;
    },
  });
  cluster.load(points);
  return { cluster, located: points.length, unlocated };
}

/** The clusters and routers of one viewport, at most MAP_MAX_SYMBOLS of them. */
export function queryMapIndex(index: MapIndex, bbox: FleetMapQuery['bbox'], zoom: number): Omit<FleetMapDto, 'asOf' | 'stale'> {
  const [west, south, east, north] = bbox;
  // A viewport across the antimeridian arrives as west > east: ask for both halves.
  const boxes: Array<[number, number, number, number]> = west <= east ? [[west, south, east, north]] : [[west, south, 180, north], [-180, south, east, north]];
  const features = boxes.flatMap((b) => index.cluster.getClusters(b, zoom));
  const clusters: MapClusterDto[] = [];
  const routers: MapRouterDto[] = [];
  for (const f of features.slice(0, MAP_MAX_SYMBOLS)) {
    const [longitude, latitude] = f.geometry.coordinates as [number, number];
    const props = f.properties;
    if ('cluster' in props && props.cluster) {
      clusters.push({
        id: props.cluster_id,
        latitude,
        longitude,
        count: props.point_count,
        states: { online: props.online, offline: props.offline, initialized: props.initialized, unknown: props.unknown },
        expansionZoom: Math.min(index.cluster.getClusterExpansionZoom(props.cluster_id), 18),
      });
    } else {
      routers.push(props as PointProps);
    }
  }
  return { clusters, routers, located: index.located, unlocated: index.unlocated, capped: features.length > MAP_MAX_SYMBOLS };
}

type Filters = Omit<FleetRoutersQuery, 'sort' | 'dir' | 'offset' | 'limit'>;

/** One map index per served table index and filter set (the last few), shared by every viewer. */
export function mapIndexFor(table: FleetIndex, filters: Filters): MapIndex {
  const cache = processSingleton('fleet-map-indexes', () => ({ table: null as FleetIndex | null, byFilter: new Map<string, MapIndex>() }));
  if (cache.table !== table) {
    cache.table = table;
    cache.byFilter.clear();
  }
  const key = JSON.stringify(filters);
  let index = cache.byFilter.get(key);
  if (!index) {
    const rows: FleetRouterRow[] = [];
    table.select({ ...filters, sort: 'name', dir: 'asc', offset: 0, limit: 1 }).ordered((row) => rows.push(row));
    index = buildMapIndex(rows);
    cache.byFilter.set(key, index);
    if (cache.byFilter.size > 16) cache.byFilter.delete(cache.byFilter.keys().next().value as string);
  }
  return index;
}
