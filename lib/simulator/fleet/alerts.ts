/**
 * The alert feed: epoch events turned into alert items, merged with alerts the simulator raised at
 * run time (client writes, control endpoint). Items are light; records are built only for a page.
 * Router-filtered queries use the per-router event lookup, so they never generate whole epochs.
 */
import {
  EPOCH_MS,
  EV_FAILOVER,
  EV_FIRMWARE,
  EV_OUTAGE,
  EV_SIGNAL,
  EVENT_KINDS,
  type EventSource,
  type FleetEvent,
  outageEndUs,
  outageStartUs,
} from './events';
import { h2 } from './hash';

export interface AlertItem {
  /** created_at in µs */
  us: number;
  type: string;
  router: number;
  /** hash for deterministic details (uuid node, info) */
  aux: number;
  info?: Record<string, unknown>;
  /** run-time alerts already pushed immediately (control endpoint), so the timer skips them */
  delivered?: boolean;
}

export const SEVERITY: Record<string, string> = {
  router_offline: 'critical',
  wan_failover: 'error',
  signal_degraded: 'warning',
  firmware_upgrade: 'info',
  router_online: 'info',
  config_change: 'info',
  test_alert: 'info',
};

const KIND_TYPES: Record<number, string[]> = {
  [EV_OUTAGE]: ['router_offline', 'router_online'],
  [EV_FAILOVER]: ['wan_failover'],
  [EV_FIRMWARE]: ['firmware_upgrade'],
  [EV_SIGNAL]: ['signal_degraded'],
};

/** What to include: alert types (null = all) and routers (null = all). */
export interface FeedFilter {
  types: ReadonlySet<string> | null;
  routers: readonly number[] | null;
}

export class AlertFeed {
  private readonly cache = new Map<number, AlertItem[]>();
  /** run-time alerts, kept sorted by `us` ascending */
  private readonly extras: AlertItem[] = [];

  constructor(private readonly events: EventSource) {}

  addExtra(item: AlertItem): void {
    let i = this.extras.length;
    while (i > 0 && this.extras[i - 1]!.us > item.us) i--;
    this.extras.splice(i, 0, item);
    this.cache.delete(Math.floor(item.us / 1000 / EPOCH_MS));
  }

  clearExtras(): void {
    for (const x of this.extras) this.cache.delete(Math.floor(x.us / 1000 / EPOCH_MS));
    this.extras.length = 0;
  }

  /** Alerts created in epoch k passing `f`, newest first (including any after "now"). */
  inEpoch(k: number, f: FeedFilter = { types: null, routers: null }): AlertItem[] {
    const cacheable = f.types === null && f.routers === null;
    if (cacheable) {
      const hit = this.cache.get(k);
      if (hit) return hit;
    }
    const kinds = EVENT_KINDS.filter((t) => f.types === null || KIND_TYPES[t]!.some((x) => f.types!.has(x)));
    const items: AlertItem[] = [];
    const start = k * EPOCH_MS;
    const end = start + EPOCH_MS;
    const add = (e: FleetEvent, current: boolean) => {
      const base = { router: e.router, aux: e.aux };
      if (e.type === EV_OUTAGE) {
        if (current) items.push({ ...base, us: outageStartUs(e), type: 'router_offline' });
        const back = e.ms + e.durMs;
        if (back >= start && back < end)
          items.push({ ...base, aux: h2(e.aux, 1), us: outageEndUs(e), type: 'router_online' });
      } else if (current) items.push({ ...base, us: e.ms * 1000 + (e.aux % 1000), type: KIND_TYPES[e.type]![0]! });
    };
    if (f.routers === null) {
      for (const e of this.events.epoch(k, kinds)) add(e, true);
      if (kinds.includes(EV_OUTAGE)) for (const e of this.events.epoch(k - 1, [EV_OUTAGE])) add(e, false);
    } else {
      for (const r of f.routers) {
        for (const t of kinds) {
          const e = this.events.eventFor(k, t, r);
          if (e) add(e, true);
        }
        if (kinds.includes(EV_OUTAGE)) {
          const prev = this.events.eventFor(k - 1, EV_OUTAGE, r);
          if (prev) add(prev, false);
        }
      }
    }
    const routerSet = f.routers === null ? null : new Set(f.routers);
    for (const x of this.extras) {
      if (x.us >= start * 1000 && x.us < end * 1000 && (routerSet === null || routerSet.has(x.router))) items.push(x);
    }
    const kept = f.types === null ? items : items.filter((a) => f.types!.has(a.type));
    kept.sort((a, b) => b.us - a.us || b.aux - a.aux);
    if (cacheable) {
      this.cache.set(k, kept);
      if (this.cache.size > 48) this.cache.delete(this.cache.keys().next().value as number);
    }
    return kept;
  }

  /**
   * Walks alerts within [fromUs, toUs] that pass `f` and `keep`, newest first (or oldest first),
   * skipping `offset` and returning up to `take` plus whether more exist. Cost is proportional to
   * the epochs visited.
   */
  page(
    fromUs: number,
    toUs: number,
    f: FeedFilter,
    keep: (a: AlertItem) => boolean,
    offset: number,
    take: number,
    ascending = false,
  ): { items: AlertItem[]; more: boolean } {
    const out: AlertItem[] = [];
    let skipped = 0;
    const kHi = Math.floor(toUs / 1000 / EPOCH_MS);
    const kLo = Math.floor(fromUs / 1000 / EPOCH_MS);
    for (let step = 0; step <= kHi - kLo; step++) {
      const k = ascending ? kLo + step : kHi - step;
      const list = this.inEpoch(k, f);
      for (let i = 0; i < list.length; i++) {
        const a = list[ascending ? list.length - 1 - i : i]!;
        if (a.us > toUs || a.us < fromUs || !keep(a)) continue;
        if (skipped < offset) {
          skipped++;
          continue;
        }
        if (out.length === take) return { items: out, more: true };
        out.push(a);
      }
    }
    return { items: out, more: false };
  }

  /** Alerts with created_at in (fromUs, toUs], oldest first — used by the push-delivery timer. */
  between(fromUs: number, toUs: number): AlertItem[] {
    const out: AlertItem[] = [];
    for (let k = Math.floor(fromUs / 1000 / EPOCH_MS); k <= Math.floor(toUs / 1000 / EPOCH_MS); k++) {
      for (const a of this.inEpoch(k)) if (a.us > fromUs && a.us <= toUs) out.push(a);
    }
    return out.sort((a, b) => a.us - b.us);
  }
}
