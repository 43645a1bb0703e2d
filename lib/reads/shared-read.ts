import 'server-only';
/**
 * The one way data functions read NCM: every read is keyed by resource and normalised query, shared
 * by every viewer (single-flight, stale-while-revalidate with a freshness per resource, stale-if-error),
 * so twenty people on the same router page cost NCM what one does. It holds raw NCM data only: data
 * functions authorize before they ask.
 */
import { type CacheHit, SwrCache } from '@/lib/cache/swr-cache';
import { ncmBudgetWaitMs } from '@/lib/ncm';
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';

interface Policy {
  /** Served without asking NCM while younger than this. */
  freshMs: number;
  /** Past freshness, still served (and refreshed behind) for this long; older ones wait for NCM. */
  revalidateMs: number;
  /** How long a value stands in for a failing NCM. */
  maxStaleMs: number;
  /** Freshness of a closed time window (its records no longer change). */
  closedFreshMs?: number;
  maxEntries: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Freshness by resource: how quickly each changes and how much a stale value would mislead. */
const READ_POLICIES = {
  router: { freshMs: 15_000, revalidateMs: 15_000, maxStaleMs: HOUR, maxEntries: 2_000 },
  routersPage: { freshMs: 15_000, revalidateMs: 15_000, maxStaleMs: HOUR, maxEntries: 200 },
  routerNetDevices: { freshMs: 30_000, revalidateMs: 30_000, maxStaleMs: HOUR, maxEntries: 2_000 },
  netDeviceMetrics: { freshMs: 15_000, revalidateMs: 15_000, maxStaleMs: HOUR, maxEntries: 2_000 },
  /** A technician watching a modem while moving its antenna: fresh every few seconds, shared. */
  liveMetrics: { freshMs: 5_000, revalidateMs: 5_000, maxStaleMs: 10 * MINUTE, maxEntries: 500 },
  netDeviceHealth: { freshMs: 5 * MINUTE, revalidateMs: 5 * MINUTE, maxStaleMs: 6 * HOUR, maxEntries: 2_000 },
  routerNames: { freshMs: 5 * MINUTE, revalidateMs: 5 * MINUTE, maxStaleMs: 24 * HOUR, maxEntries: 5_000 },
  routerMembership: { freshMs: MINUTE, revalidateMs: MINUTE, maxStaleMs: HOUR, maxEntries: 500 },
  reference: { freshMs: 5 * MINUTE, revalidateMs: 24 * HOUR, maxStaleMs: 24 * HOUR, maxEntries: 1 },
  routerAlerts: {
    freshMs: 30_000,
    revalidateMs: 30_000,
    maxStaleMs: HOUR,
    closedFreshMs: 10 * MINUTE,
    maxEntries: 2_000,
  },
  activityLogs: { freshMs: 30_000, revalidateMs: 30_000, maxStaleMs: HOUR, maxEntries: 50 },
  // Time series by (modem or router, window chunk of about a page: lib/reads/series-window.ts). A
  // closed chunk no longer changes: kept 30 min. Counts bound memory at roughly 100 MB per resource
  // (a 7-day chart is 8 signal chunks; a 90-day track 361 location chunks).
  signalSeries: {
    freshMs: 30_000,
    revalidateMs: 30_000,
    maxStaleMs: HOUR,
    closedFreshMs: 30 * MINUTE,
    maxEntries: 2_000,
  },
  usageSeries: {
    freshMs: 60_000,
    revalidateMs: 60_000,
    maxStaleMs: HOUR,
    closedFreshMs: 30 * MINUTE,
    maxEntries: 1_000,
  },
  locationTrack: {
    freshMs: 30_000,
    revalidateMs: 30_000,
    maxStaleMs: HOUR,
    closedFreshMs: 30 * MINUTE,
    maxEntries: 1_000,
  },
  routerStates: {
    freshMs: 30_000,
    revalidateMs: 30_000,
    maxStaleMs: HOUR,
    closedFreshMs: 30 * MINUTE,
    maxEntries: 1_000,
  },
} as const satisfies Record<string, Policy>;

export type ReadResource = keyof typeof READ_POLICIES;

/** A read's value with what a page needs to say about its age. */
export interface SharedRead<T> {
  value: T;
  /** When NCM said it (ms since epoch). */
  asOf: number;
  /** NCM failed on the last try: this is its last answer. */
  failing: boolean;
  /** A fresher answer is queued behind the NCM call budget: this is the last one. */
  waiting: boolean;
}

/** A read waits for the budget up to this long before the last answer is served instead. */
const BUDGET_PATIENCE_MS = 2_000;

interface Counters {
  requests: number;
  loads: number;
}

interface Layer {
  caches: Map<ReadResource, SwrCache<unknown>>;
  counters: Map<ReadResource, Counters>;
}

const layer = () => processSingleton<Layer>('shared-reads', () => ({ caches: new Map(), counters: new Map() }));

function cacheFor(resource: ReadResource): SwrCache<unknown> {
  const { caches } = layer();
  let cache = caches.get(resource);
  if (!cache) {
    cache = new SwrCache<unknown>(READ_POLICIES[resource]);
    caches.set(resource, cache);
  }
  return cache;
}

function countersFor(resource: ReadResource): Counters {
  const { counters } = layer();
  let c = counters.get(resource);
  if (!c) {
    c = { requests: 0, loads: 0 };
    counters.set(resource, c);
  }
  return c;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** The same question asked in any order or spelling gives the same key. */
export function readKey(query: Readonly<Record<string, QueryValue>>): string {
  const parts: Array<[string, unknown]> = [];
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (value === undefined) continue;
    parts.push([name, Array.isArray(value) ? [...new Set(value.map(String))].sort() : value]);
  }
  return JSON.stringify(parts);
}

export interface ReadOptions {
  /** The query's time window has ended: its answer will not change. */
  closed?: boolean;
}

export async function sharedRead<T>(
  resource: ReadResource,
  query: Readonly<Record<string, QueryValue>>,
  load: () => Promise<T>,
  opts: ReadOptions = {},
): Promise<SharedRead<T>> {
  const counters = countersFor(resource);
  counters.requests++;
  const policy: Policy = READ_POLICIES[resource];
  const hit = (await cacheFor(resource).get(
    readKey(query),
    () => {
      counters.loads++;
      return load();
    },
    {
      freshMs: opts.closed ? policy.closedFreshMs : undefined,
      preferStale: () => ncmBudgetWaitMs() > BUDGET_PATIENCE_MS,
    },
  )) as CacheHit<T>;
  return { value: hit.value, asOf: hit.fetchedAt, failing: hit.failing, waiting: hit.waiting };
}

/** Replaces what a key holds with a value known to be current (the answer to our own write). */
export function putSharedRead<T>(resource: ReadResource, query: Readonly<Record<string, QueryValue>>, value: T): void {
  cacheFor(resource).set(readKey(query), value);
}

/** Requests and NCM loads per resource since start (tests, benchmarks, ops). */
export function sharedReadStats(): Record<string, Counters> {
  return Object.fromEntries([...layer().counters].map(([k, v]) => [k, { ...v }]));
}

/** Forgets every cached read (tests). */
export function resetSharedReads(): void {
  resetProcessSingleton('shared-reads');
}
