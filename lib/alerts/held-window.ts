/**
 * The alert log as one window held in memory and kept current incrementally, shared by every alert
 * view (feed, overview counts, unacknowledged badge, a router's recent alerts). NCM cannot sort alerts
 * or count them, so re-reading a whole 24 h window per viewer would cost ⌈alerts/500⌉ calls every few
 * seconds; instead:
 * - the first read loads the window it needs once (paged, 500 per call);
 * - afterwards only what is new is asked for (`created_at__gt` the start of the last refresh, minus a
 *   short overlap because an alert may be written a little after its created_at), at most once per
 *   freshness interval however many people look; NCM's push adds alerts in between;
 * - a read reaching further back than the window extends it once (`created_at__lt` the old start);
 * - a failing NCM leaves the held alerts in place, served with `stale` until MAX_STALE_MS.
 * It holds raw NCM data only; callers authorize before they read.
 */
import type { Alert, Page } from '@/lib/domain/types';

export interface AlertRangeQuery {
  createdAfter: string;
  createdBefore?: string;
  offset: number;
  limit: number;
}

export interface HeldWindowDeps {
  fetchPage: (q: AlertRangeQuery) => Promise<Page<Alert>>;
  now?: () => number;
  /** Alerts found by an incremental refresh (never those of a first load or an extension). */
  onNew?: (alerts: Alert[]) => void;
  /** Most alerts held; a range that would exceed it is marked truncated. */
  cap?: number;
  /** How often reads may ask NCM for what is new. */
  freshMs?: number;
}

export interface WindowRead {
  /** Alerts created in [from, to), newest first. */
  alerts: Alert[];
  /** True when NCM held more alerts in the range than the window could keep. */
  truncated: boolean;
  /** Up to when the held alerts are known complete (ms since epoch). */
  asOf: number;
  /** True when the last refresh failed: the alerts are as of `asOf`. */
  stale: boolean;
}

const PAGE = 500;
const ALERT_FRESH_MS = 10_000;
export const HELD_CAP = 50_000;
/** How far back an alert may be written after its created_at and still be picked up. */
const OVERLAP_MS = 60_000;
/** How long the held alerts stand in for a failing NCM. */
export const MAX_STALE_MS = 60 * 60_000;
/** NCM keeps alert logs for 90 days. */
const RETENTION_MS = 90 * 86_400_000;
const MIN_HELD_MS = 86_400_000;
/** A range asked for keeps its alerts held this long after the last request for it. */
const DEMAND_MEMORY_MS = 30 * 60_000;

const time = (a: Alert) => Date.parse(a.createdAt);
const newestFirst = (a: Alert, b: Alert) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const iso = (ms: number) => new Date(ms).toISOString();

export class HeldAlertWindow {
  private readonly byId = new Map<string, Alert>();
  /** Newest first; null when it must be rebuilt. */
  private sorted: Alert[] | null = [];
  private heldFrom: number | null = null;
  /** Ranges starting before this may miss alerts (the cap was reached while loading them). */
  private incompleteBefore = Number.NEGATIVE_INFINITY;
  private fetchedAt: number | null = null;
  private lastError: unknown = null;
  private refreshing: Promise<Alert[]> | null = null;
  private extending: Promise<void> | null = null;
  /** How far back recent requests reached (age in ms) and when they asked. */
  private demand: Array<{ ageMs: number; at: number }> = [];
  private readonly now: () => number;
  private readonly cap: number;
  private readonly freshMs: number;

  constructor(private readonly deps: HeldWindowDeps) {
    this.now = deps.now ?? Date.now;
    this.cap = deps.cap ?? HELD_CAP;
    // Even while push delivers, NCM is asked this often: push may be silently misconfigured (an
    // alert rule without our destination), and a failing NCM must show up as "stale" soon.
    this.freshMs = deps.freshMs ?? ALERT_FRESH_MS;
  }

  /** The held alerts of [from, to), loading or refreshing first when needed. */
  async read(fromMs: number, toMs?: number): Promise<WindowRead> {
    const now = this.now();
    const from = Math.max(fromMs, now - RETENTION_MS);
    this.noteDemand(now - from, now);
    await this.cover(from);
    const age = now - (this.fetchedAt ?? 0);
    if (age > this.freshMs) {
      const refresh = this.refresh();
      // Serve the held alerts while one refresh runs, unless they are old enough that a viewer
      // would see a gap (nobody has looked for a while): then wait for it.
      if (age > 3 * this.freshMs) await refresh.catch(() => undefined);
      else refresh.catch(() => undefined);
    }
    if (this.lastError !== null && this.fetchedAt !== null && this.now() - this.fetchedAt > MAX_STALE_MS)
      throw this.lastError;
    return {
      alerts: this.slice(from, toMs),
      truncated: from < this.incompleteBefore,
      asOf: this.fetchedAt ?? now,
      stale: this.lastError !== null,
    };
  }

  /** Whether the window covers `fromMs` without loading (e.g. for a router's recent alerts). */
  covers(fromMs: number): boolean {
    return this.heldFrom !== null && fromMs >= this.heldFrom;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Asks NCM for alerts newer than the newest held (single-flight); resolves with the new ones. */
  refresh(): Promise<Alert[]> {
    if (this.refreshing) return this.refreshing;
    // Nothing held yet: load the last day first (nothing in it is "new" to anyone).
    if (this.heldFrom === null) return this.cover(this.now() - MIN_HELD_MS).then(() => []);
    const startedAt = this.now();
    // Everything created before the last refresh started is held, except what NCM wrote late.
    const since = Math.max(this.heldFrom, (this.fetchedAt ?? startedAt) - OVERLAP_MS);
    this.refreshing = this.loadRange(since, undefined)
      .then(({ alerts }) => {
        const fresh = this.add(alerts);
        this.fetchedAt = startedAt;
        this.lastError = null;
        this.trim(startedAt);
        if (fresh.length > 0) this.deps.onNew?.(fresh);
        return fresh;
      })
      .catch((err: unknown) => {
        this.lastError = err;
        throw err;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** Alerts that arrived another way (NCM's push); returns those not held before. */
  ingest(alerts: readonly Alert[]): Alert[] {
    if (this.heldFrom === null) return [...alerts];
    return this.add(alerts.filter((a) => time(a) >= (this.heldFrom as number)));
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.byId.clear();
    this.sorted = [];
    this.heldFrom = null;
    this.fetchedAt = null;
    this.lastError = null;
    this.incompleteBefore = Number.NEGATIVE_INFINITY;
    this.demand = [];
  }

  private async cover(from: number): Promise<void> {
    while (this.heldFrom === null || from < this.heldFrom) {
      if (!this.extending) {
        this.extending = this.extend(from).finally(() => {
          this.extending = null;
        });
      }
      await this.extending;
    }
  }

  /** Loads [from, heldFrom) — or [from, now) the first time — and adds it. */
  private async extend(from: number): Promise<void> {
    const startedAt = this.now();
    const first = this.heldFrom === null;
    // NCM's filters are strict: reach 1 ms below `from`, and past the old start (ids dedupe).
    const until = first ? undefined : (this.heldFrom as number) + 1_000;
    try {
      const { alerts, truncated } = await this.loadRange(from - 1, until, this.cap - this.byId.size);
      this.add(alerts);
      if (truncated) this.incompleteBefore = first ? startedAt : (this.heldFrom as number);
      if (first) {
        this.fetchedAt = startedAt;
        this.lastError = null;
      }
      this.heldFrom = from;
    } catch (err) {
      if (!first) this.lastError = err;
      throw err;
    }
  }

  private async loadRange(
    after: number,
    before: number | undefined,
    max = this.cap,
  ): Promise<{ alerts: Alert[]; truncated: boolean }> {
    const alerts: Alert[] = [];
    for (let offset = 0; ; ) {
      const page = await this.deps.fetchPage({
        createdAfter: iso(after),
        createdBefore: before === undefined ? undefined : iso(before),
        offset,
        limit: PAGE,
      });
      alerts.push(...page.items);
      if (!page.hasMore || page.items.length === 0) return { alerts, truncated: false };
      if (alerts.length >= max) return { alerts: alerts.slice(0, Math.max(0, max)), truncated: true };
      offset += page.items.length;
    }
  }

  private add(alerts: readonly Alert[]): Alert[] {
    const fresh: Alert[] = [];
    for (const alert of alerts) {
      if (this.byId.has(alert.id)) continue;
      this.byId.set(alert.id, alert);
      fresh.push(alert);
    }
    if (fresh.length > 0 && this.sorted) {
      fresh.sort(newestFirst);
      const head = this.sorted[0];
      // New alerts are nearly always newer than everything held: prepend instead of re-sorting.
      if (!head || newestFirst(fresh[fresh.length - 1]!, head) < 0) this.sorted = [...fresh, ...this.sorted];
      else this.sorted = null;
    }
    return fresh;
  }

  private ordered(): Alert[] {
    this.sorted ??= [...this.byId.values()].sort(newestFirst);
    return this.sorted;
  }

  /** [from, to) of the newest-first list, by binary search. */
  private slice(from: number, to?: number): Alert[] {
    const list = this.ordered();
    const firstOlderThan = (t: number) => {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (time(list[mid]!) >= t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const start = to === undefined ? 0 : firstOlderThan(to);
    return list.slice(start, firstOlderThan(from));
  }

  private noteDemand(ageMs: number, now: number): void {
    this.demand = this.demand.filter((d) => now - d.at <= DEMAND_MEMORY_MS && d.ageMs !== ageMs);
    this.demand.push({ ageMs, at: now });
    if (this.demand.length > 50) this.demand.shift();
  }

  /** Drops alerts older than anything asked for lately (a 7-day look must not hold 7 days forever). */
  private trim(now: number): void {
    if (this.heldFrom === null) return;
    const needed = Math.max(
      MIN_HELD_MS,
      ...this.demand.filter((d) => now - d.at <= DEMAND_MEMORY_MS).map((d) => d.ageMs),
    );
    const keepFrom = now - needed - OVERLAP_MS;
    if (this.heldFrom >= keepFrom - 60 * 60_000) return;
    for (const [id, alert] of this.byId) if (time(alert) < keepFrom) this.byId.delete(id);
    this.sorted = null;
    this.heldFrom = keepFrom;
  }
}
