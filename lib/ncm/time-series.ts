import 'server-only';
/**
 * NCM's time series: modem signal and usage samples, a router's historical locations and its state
 * changes. A window is read whole: bounded by `created_at__gt`/`created_at__lt`, 500 records a page,
 * following `meta.next`; on request (`parts`) a long window is cut into sub-windows paged side by side
 * (the same number of pages for a dense series, a fraction of the wait). Every call goes through
 * ncmRequest, so through the one call budget.
 *
 * NCM answers 409 to a sample query without a device filter on a large account, so an empty device
 * list means no request at all; historical_locations takes exactly one router.
 */
import type { LocationFix, RouterStateSample, SignalSample, UsageSample } from '@/lib/domain/types';
import { mapWithConcurrency } from './concurrency';
import { NcmError } from './errors';
import { normalizeList } from './normalize';
import { toLocationFix, toRouterStateSample, toSignalSample, toUsageSample } from './normalize-samples';
import { NCM_MAX_LIMIT, ncmPaginate } from './paginate';
import type { NcmPath, NcmQuery } from './request-url';
import { assertId, assertIds } from './resource-helpers';

/** [fromMs, toMs): ms since epoch. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export interface TimeSeriesOptions {
  /** Stop after about this many records (a year of one-minute fixes is half a million). */
  maxRecords?: number;
  /** Read a window longer than a day as this many sub-windows in parallel (default 1). */
  parts?: number;
  signal?: AbortSignal;
}

export interface TimeSeriesList<T> {
  /** Oldest first, one record per instant and device. */
  items: T[];
  /** False when `maxRecords` stopped the read before the window's end was reached. */
  complete: boolean;
}

const DEFAULT_MAX_RECORDS = 200_000;
/** Only windows longer than this are split: a shorter one is a page or two anyway. */
const SPLIT_ABOVE_MS = 86_400_000;
const MAX_PARTS = 8;

/** `2026-06-06T12:59:12.462999+00:00`: NCM's own format, to the microsecond. */
export function ncmMicroTime(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = Math.round(us - ms * 1000);
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micro).padStart(3, '0')}+00:00`;
}

function assertWindow(window: TimeWindow): void {
  if (!Number.isFinite(window.fromMs) || !Number.isFinite(window.toMs) || window.toMs <= window.fromMs) {
    throw new NcmError('bad_request', 'Invalid time window');
  }
}

/** `count` sub-windows [from, to) that cover the window exactly, at NCM's microsecond resolution. */
export function splitWindow(window: TimeWindow, count: number): TimeWindow[] {
  const span = window.toMs - window.fromMs;
  const n = Math.max(1, Math.min(MAX_PARTS, Math.floor(count)));
  if (span <= SPLIT_ABOVE_MS || n === 1) return [window];
  const parts: TimeWindow[] = [];
  for (let i = 0; i < n; i++) {
    const fromMs = window.fromMs + Math.floor((span * i) / n);
    const toMs = i === n - 1 ? window.toMs : window.fromMs + Math.floor((span * (i + 1)) / n);
    parts.push({ fromMs, toMs });
  }
  return parts;
}

async function readWindow<T extends { atMs: number }>(
  path: NcmPath,
  filter: NcmQuery,
  window: TimeWindow,
  normalize: (raw: unknown) => T,
  identity: (item: T) => string,
  label: string,
  opts: TimeSeriesOptions,
): Promise<TimeSeriesList<T>> {
  assertWindow(window);
  const parts = splitWindow(window, opts.parts ?? 1);
  const maxPages = Math.max(1, Math.ceil((opts.maxRecords ?? DEFAULT_MAX_RECORDS) / NCM_MAX_LIMIT / parts.length));
  let complete = true;
  const pages = await mapWithConcurrency(parts, MAX_PARTS, async (part) => {
    const records = await ncmPaginate(
      path,
      {
        ...filter,
        // `gt` one microsecond before the start makes the sub-windows meet without a hole or an overlap.
        created_at__gt: ncmMicroTime(part.fromMs * 1000 - 1),
        created_at__lt: ncmMicroTime(part.toMs * 1000),
        limit: NCM_MAX_LIMIT,
      },
      { maxPages, signal: opts.signal },
    );
    if (records.length >= maxPages * NCM_MAX_LIMIT) complete = false;
    return normalizeList(records, normalize, label);
  });
  // NCM sends newest first; a record can repeat across pages when a window is still filling.
  const seen = new Set<string>();
  const items: T[] = [];
  for (const item of pages.flat()) {
    const key = identity(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  items.sort((a, b) => a.atMs - b.atMs);
  return { items, complete };
}

function deviceFilter(key: 'net_device' | 'router', ids: readonly string[], label: string): NcmQuery {
  const checked = assertIds(ids, label)!;
  return checked.length === 1 ? { [key]: checked[0]! } : { [`${key}__in`]: [...new Set(checked)] };
}

/** Radio samples of these modems (NCM keeps 7 days). Any number of ids: chunked by 100 upstream. */
export async function listSignalSamples(
  netDeviceIds: readonly string[],
  window: TimeWindow,
  opts: TimeSeriesOptions = {},
): Promise<TimeSeriesList<SignalSample>> {
  if (netDeviceIds.length === 0) return { items: [], complete: true };
  return readWindow(
    ['net_device_signal_samples'],
    deviceFilter('net_device', netDeviceIds, 'net device'),
    window,
    toSignalSample,
    (s) => `${s.netDeviceId}@${s.at}`,
    'net_device_signal_sample',
    opts,
  );
}

/** Traffic samples of these net devices (NCM keeps 90 days). */
export async function listUsageSamples(
  netDeviceIds: readonly string[],
  window: TimeWindow,
  opts: TimeSeriesOptions = {},
): Promise<TimeSeriesList<UsageSample>> {
  if (netDeviceIds.length === 0) return { items: [], complete: true };
  return readWindow(
    ['net_device_usage_samples'],
    deviceFilter('net_device', netDeviceIds, 'net device'),
    window,
    toUsageSample,
    (s) => `${s.netDeviceId}@${s.at}`,
    'net_device_usage_sample',
    opts,
  );
}

/** One router's GPS fixes with the radio values of each (NCM keeps 1 year; one router per request). */
export async function listHistoricalLocations(
  routerId: string,
  window: TimeWindow,
  opts: TimeSeriesOptions = {},
): Promise<TimeSeriesList<LocationFix>> {
  const id = assertId(routerId, 'router');
  return readWindow(
    ['historical_locations'],
    { router: id },
    window,
    (raw) => toLocationFix(raw, id),
    (f) => f.at,
    'historical_location',
    opts,
  );
}

/** Connection-state changes of these routers. */
export async function listRouterStateSamples(
  routerIds: readonly string[],
  window: TimeWindow,
  opts: TimeSeriesOptions = {},
): Promise<TimeSeriesList<RouterStateSample>> {
  if (routerIds.length === 0) return { items: [], complete: true };
  return readWindow(
    ['router_state_samples'],
    deviceFilter('router', routerIds, 'router'),
    window,
    toRouterStateSample,
    (s) => `${s.routerId}@${s.at}`,
    'router_state_sample',
    opts,
  );
}
