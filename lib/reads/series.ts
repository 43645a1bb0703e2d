import 'server-only';
/**
 * Shared reads of time series, keyed by (resource, modem or router, window): twenty people on the
 * same router's chart cost NCM what one does (single-flight, stale-while-revalidate, stale-if-error),
 * and a closed window is kept much longer than one still filling. Raw NCM data only: the data
 * functions authorize before they ask.
 */
import type { LocationFix, RouterStateSample, SignalSample, UsageSample } from '@/lib/domain/types';
import { listHistoricalLocations, listRouterStateSamples, listSignalSamples, listUsageSamples, type TimeSeriesList, type TimeWindow } from '@/lib/ncm';
import { type ReadResource, type SharedRead, sharedRead } from './shared-read';
import { isEmptyWindow, type SeriesKind, type SeriesWindow, seriesWindow } from './series-window';

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
  const { window } = shaped;
  const got: SharedRead<TimeSeriesList<T>> = await sharedRead(resource, { ...subject, from: window.fromMs, to: window.toMs }, () => load(window), {
    closed: shaped.closed,
  });
  return { ...shaped, items: got.value.items, complete: got.value.complete, asOf: got.asOf, failing: got.failing, waiting: got.waiting };
}

/** One modem's radio samples (RSRP, RSRQ, SINR, RSSI) in the window; NCM keeps 7 days. */
export function readSignalSeries(modemId: string, window: TimeWindow, now = Date.now()): Promise<SeriesRead<SignalSample>> {
  return read('signalSeries', 'signal', { modem: modemId }, window, now, (w) => listSignalSamples([modemId], w));
}

/** One net device's traffic per period in the window; NCM keeps 90 days. */
export function readUsageSeries(modemId: string, window: TimeWindow, now = Date.now()): Promise<SeriesRead<UsageSample>> {
  return read('usageSeries', 'usage', { modem: modemId }, window, now, (w) => listUsageSamples([modemId], w));
}

/** One router's GPS fixes with radio values in the window; NCM keeps a year. */
export function readLocationTrack(routerId: string, window: TimeWindow, now = Date.now()): Promise<SeriesRead<LocationFix>> {
  return read('locationTrack', 'locations', { router: routerId }, window, now, (w) => listHistoricalLocations(routerId, w));
}

/** One router's connection-state changes in the window. */
export function readRouterStates(routerId: string, window: TimeWindow, now = Date.now()): Promise<SeriesRead<RouterStateSample>> {
  return read('routerStates', 'routerStates', { router: routerId }, window, now, (w) => listRouterStateSamples([routerId], w));
}
