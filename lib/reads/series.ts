import 'server-only';
/**
 * Shared reads of time series, keyed by (resource, modem or router, window chunk): twenty people on
 * the same router's chart cost NCM what one does (single-flight, stale-while-revalidate,
 * stale-if-error), and a closed chunk is kept much longer than one still filling. A window is read as
 * aligned chunks (series-window.ts), so overlapping windows and an open chart's next minute reuse the
 * chunks they share. Raw NCM data only: the data functions authorize before they ask.
 */
import type { LocationFix, RouterStateSample, SignalSample, UsageSample } from '@/lib/domain/types';
import {
  listHistoricalLocations,
  listRouterStateSamples,
  listSignalSamples,
  listUsageSamples,
  mapWithConcurrency,
  type TimeSeriesList,
  type TimeWindow,
} from '@/lib/ncm';
import { processSingleton } from '@/lib/process-state';
import { type ReadResource, sharedRead } from './shared-read';
import {
  CLOSED_AFTER_MS,
  chunkWindow,
  isEmptyWindow,
  type SeriesKind,
  type SeriesWindow,
  seriesWindow,
} from './series-window';

/** Chunks read side by side for one window (each is about a page). */
const CHUNKS_IN_FLIGHT = 4;

interface Joined {
  parts: readonly unknown[][];
  items: unknown[];
}

/**
 * The chunks' records as one array, the same array while the chunks are the same: viewers of one
 * window share it, and what is derived from it per array (a track's pyramid) is derived once.
 */
function joinChunks<T>(parts: T[][]): T[] {
  if (parts.length === 1) return parts[0]!;
  const joins = processSingleton('series-chunk-joins', () => new WeakMap<object, Joined>());
  const held = joins.get(parts[0]!);
  if (held && held.parts.length === parts.length && held.parts.every((p, i) => p === parts[i]))
    return held.items as T[];
  const items = parts.flat();
  joins.set(parts[0]!, { parts, items });
  return items;
}

export interface SeriesRead<T> extends SeriesWindow {
  /** Oldest first, full resolution. */
  items: T[];
  /** False when the window held more records than one read may fetch: some of them are missing. */
  complete: boolean;
  /** When NCM said it (ms since epoch). */
  asOf: number;
  /** NCM failed on the last try: this is its last answer. */
  failing: boolean;
  /** A fresher answer is queued behind the NCM call budget. */
  waiting: boolean;
}

async function read<T>(
  resource: ReadResource,
  kind: SeriesKind,
  subject: Record<string, string>,
  requested: TimeWindow,
  now: number,
  load: (window: TimeWindow) => Promise<TimeSeriesList<T>>,
): Promise<SeriesRead<T>> {
  const shaped = seriesWindow(kind, requested, now);
  if (isEmptyWindow(shaped.window)) {
    // Wholly outside what NCM keeps (or in the future): nothing to ask.
    return { ...shaped, items: [], complete: true, asOf: now, failing: false, waiting: false };
  }
  const chunks = chunkWindow(kind, shaped.window);
  const got = await mapWithConcurrency(chunks, CHUNKS_IN_FLIGHT, (chunk) =>
    sharedRead(resource, { ...subject, from: chunk.fromMs, to: chunk.toMs }, () => load(chunk), {
      closed: chunk.toMs <= now - CLOSED_AFTER_MS,
    }),
  );
  return {
    ...shaped,
    items: joinChunks(got.map((g) => g.value.items)),
    complete: got.every((g) => g.value.complete),
    asOf: Math.min(...got.map((g) => g.asOf)),
    failing: got.some((g) => g.failing),
    waiting: got.some((g) => g.waiting),
  };
}

/** One modem's radio samples (RSRP, RSRQ, SINR, RSSI) in the window; NCM keeps 7 days. */
export function readSignalSeries(
  modemId: string,
  window: TimeWindow,
  now = Date.now(),
): Promise<SeriesRead<SignalSample>> {
  return read('signalSeries', 'signal', { modem: modemId }, window, now, (w) => listSignalSamples([modemId], w));
}

/** One net device's traffic per period in the window; NCM keeps 90 days. */
export function readUsageSeries(
  modemId: string,
  window: TimeWindow,
  now = Date.now(),
): Promise<SeriesRead<UsageSample>> {
  return read('usageSeries', 'usage', { modem: modemId }, window, now, (w) => listUsageSamples([modemId], w));
}

/** One router's GPS fixes with radio values in the window; NCM keeps a year. */
export function readLocationTrack(
  routerId: string,
  window: TimeWindow,
  now = Date.now(),
): Promise<SeriesRead<LocationFix>> {
  return read('locationTrack', 'locations', { router: routerId }, window, now, (w) =>
    listHistoricalLocations(routerId, w),
  );
}

/** One router's connection-state changes in the window. */
export function readRouterStates(
  routerId: string,
  window: TimeWindow,
  now = Date.now(),
): Promise<SeriesRead<RouterStateSample>> {
  return read('routerStates', 'routerStates', { router: routerId }, window, now, (w) =>
    listRouterStateSamples([routerId], w),
  );
}
