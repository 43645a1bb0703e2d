import 'server-only';
/**
 * Signal and usage charts and location tracks of one router. Each function authorizes first, then
 * validates its inputs, then reads through the shared series reads (one NCM read per window however
 * many people look) and shapes what it sends: at most two points per pixel of the chart, a track
 * simplified for the map's zoom.
 */
import { parseWith } from '@/lib/api/request';
import { authorize } from '@/lib/auth/session';
import type { LocationFix, RouterStateSample } from '@/lib/domain/types';
import {
  type ModemSignalDto,
  type ModemUsageDto,
  routerIdSchema,
  type SeriesMarkerDto,
  seriesQuerySchema,
  type SignalBandDto,
  type SignalChartsDto,
  type TrackDto,
  trackQuerySchema,
  type UsageChartsDto,
} from '@/lib/dto/series';
import { signalQuality } from '@/lib/fleet/signal';
import { RSRP_BANDS } from '@/lib/signal/bands';
import { readLocationTrack, readRouterStates, readSignalSeries, readUsageSeries } from '@/lib/reads';
import { downsampleColumns, REPLAY_FIXES_PER_PIXEL, replayBreaks, replayIndices } from '@/lib/series';
import { requestedWindow, routerKnown, routerModems, routerWithModems, trackShapeFor, windowDto } from './series-shape';

const bands = (): SignalBandDto[] => RSRP_BANDS.map((b) => ({ ...b }));

function stateMarkers(states: readonly RouterStateSample[]): SeriesMarkerDto[] {
  const out: SeriesMarkerDto[] = [];
  let previous: string | null = null;
  for (const s of states) {
    if (s.state !== previous) out.push({ t: s.atMs, kind: 'state', from: previous, to: s.state });
    previous = s.state;
  }
  return out;
}

/** Where the carrier or the LTE band changes between consecutive fixes that report one. */
export function radioMarkers(fixes: readonly LocationFix[]): SeriesMarkerDto[] {
  const out: SeriesMarkerDto[] = [];
  let carrier: string | null = null;
  let band: string | null = null;
  for (const f of fixes) {
    if (f.carrier !== null && f.carrier !== carrier) {
      if (carrier !== null) out.push({ t: f.atMs, kind: 'carrier', from: carrier, to: f.carrier });
      carrier = f.carrier;
    }
    if (f.band !== null && f.band !== band) {
      if (band !== null) out.push({ t: f.atMs, kind: 'band', from: band, to: f.band });
      band = f.band;
    }
  }
  return out;
}

/** At most `max` of `items`, evenly spread and in order (first and last kept), so a flapping band cannot flood the map. */
export function thinEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.slice(0, max);
  return Array.from({ length: max }, (_, k) => items[Math.round((k * (items.length - 1)) / (max - 1))]!);
}

/** RSRP, RSRQ, SINR and RSSI of each modem of the router, `width` pixels wide; null for an unknown router. */
export async function getSignalCharts(
  routerId: string,
  input: unknown,
  now = Date.now(),
): Promise<SignalChartsDto | null> {
  await authorize('routers:read');
  const id = parseWith(routerIdSchema, routerId);
  const query = parseWith(seriesQuerySchema, input);
  const requested = requestedWindow(query, now);
  const found = await routerWithModems(id);
  if (found === null) return null;
  const { name: routerName, modems } = found;
  const [reads, states] = await Promise.all([
    Promise.all(modems.map((m) => readSignalSeries(m.id, requested, now))),
    readRouterStates(id, requested, now),
  ]);
  const shaped = windowDto('signal', requested, now, reads);
  const axis = { from: Date.parse(shaped.from), to: Date.parse(shaped.to), width: query.width };
  const charts: ModemSignalDto[] = modems.map((modem, i) => {
    const items = reads[i]!.items;
    const lines = downsampleColumns(
      items.map((s) => s.atMs),
      {
        rsrp: items.map((s) => s.rsrp),
        rsrq: items.map((s) => s.rsrq),
        sinr: items.map((s) => s.sinr),
        rssi: items.map((s) => s.rssi),
      },
      axis,
    );
    return { modemId: modem.id, name: modem.name, carrier: modem.carrier, samples: items.length, ...lines };
  });
  return {
    ...shaped,
    routerId: id,
    routerName,
    width: query.width,
    bands: bands(),
    modems: charts,
    markers: stateMarkers(states.items),
  };
}

/** Bytes in and out per period of each modem of the router; null for an unknown router. */
export async function getUsageCharts(
  routerId: string,
  input: unknown,
  now = Date.now(),
): Promise<UsageChartsDto | null> {
  await authorize('routers:read');
  const id = parseWith(routerIdSchema, routerId);
  const query = parseWith(seriesQuerySchema, input);
  const requested = requestedWindow(query, now);
  const modems = await routerModems(id);
  if (modems === null) return null;
  const reads = await Promise.all(modems.map((m) => readUsageSeries(m.id, requested, now)));
  const shaped = windowDto('usage', requested, now, reads);
  const axis = { from: Date.parse(shaped.from), to: Date.parse(shaped.to), width: query.width };
  const charts: ModemUsageDto[] = modems.map((modem, i) => {
    const items = reads[i]!.items;
    const lines = downsampleColumns(
      items.map((s) => s.atMs),
      { bytesIn: items.map((s) => s.bytesIn), bytesOut: items.map((s) => s.bytesOut) },
      axis,
    );
    return { modemId: modem.id, name: modem.name, samples: items.length, ...lines };
  });
  return { ...shaped, routerId: id, width: query.width, modems: charts };
}

/** The router's track in the window, simplified for a map at `zoom` that is `width` pixels wide. */
export async function getLocationTrack(routerId: string, input: unknown, now = Date.now()): Promise<TrackDto | null> {
  await authorize('routers:read');
  const id = parseWith(routerIdSchema, routerId);
  const query = parseWith(trackQuerySchema, input);
  const requested = requestedWindow(query, now);
  if (!(await routerKnown(id))) return null;
  const read = await readLocationTrack(id, requested, now);
  const fixes = read.items;
  const shape = trackShapeFor(fixes);
  const markers = radioMarkers(fixes);
  const shownMarkers = thinEvenly(markers, 2 * query.width);
  const level = shape.pyramid.level(query.zoom, query.width);
  const picked = level.indices.map((i) => fixes[i]!);
  // Every piece's first fix is drawn (its significance is infinite), so its position is found.
  const vertexOf = new Map(level.indices.map((fix, vertex) => [fix, vertex]));
  const breaks = shape.pieceStarts.map((fix) => vertexOf.get(fix)!);
  let bounds: TrackDto['bounds'] = null;
  if (fixes.length > 0) {
    let south = 90;
    let west = 180;
    let north = -90;
    let east = -180;
    for (const f of fixes) {
      south = Math.min(south, f.latitude);
      north = Math.max(north, f.latitude);
      west = Math.min(west, f.longitude);
      east = Math.max(east, f.longitude);
    }
    bounds = [
      [south, west],
      [north, east],
    ];
  }
  const replayKept = replayIndices(fixes.length, shape.pieceStarts, REPLAY_FIXES_PER_PIXEL * query.width);
  const replayed = replayKept.map((i) => fixes[i]!);
  return {
    ...windowDto('locations', requested, now, [read]),
    routerId: id,
    zoom: level.zoom,
    width: query.width,
    fixes: fixes.length,
    toleranceMetres: level.toleranceMetres,
    tolerancePx: level.tolerancePx,
    t: picked.map((f) => f.atMs),
    lat: picked.map((f) => f.latitude),
    lon: picked.map((f) => f.longitude),
    rsrp: picked.map((f) => f.rsrp),
    quality: picked.map((f) => signalQuality(f.rsrp)),
    mph: picked.map((f) => f.mph),
    bands: bands(),
    markers: shownMarkers,
    markersOmitted: markers.length - shownMarkers.length,
    breaks,
    bounds,
    replay: {
      t: replayed.map((f) => f.atMs),
      lat: replayed.map((f) => f.latitude),
      lon: replayed.map((f) => f.longitude),
      rsrp: replayed.map((f) => f.rsrp),
      mph: replayed.map((f) => f.mph),
      breaks: replayBreaks(replayKept, shape.pieceStarts),
    },
  };
}
