/**
 * Fleet events without stored history. Time is cut into 1-hour epochs. Within epoch k, events of
 * kind t are numbered j = 0..count-1 and event j lands on router perm_kt(j), where perm_kt is an
 * affine permutation (a·j + b mod N) drawn from hashes. Because the permutation is invertible, the
 * events touching ONE router are found in O(1) per epoch and kind — no epoch has to be generated —
 * while the fleet-wide list of an epoch is still O(events). Nothing is stored; a small LRU caches
 * generated epochs for feed paging.
 */
import type { Fleet } from './fleet';
import { FLAG_PERM_OFFLINE } from './fleet';
import { h2, h4, Salt, unit } from './hash';
import { nextZoneEntry } from './motion';
import { DAY_MS, HOUR_MS } from './time';

export const EPOCH_MS = HOUR_MS;

export const EV_OUTAGE = 0;
export const EV_FAILOVER = 1;
export const EV_FIRMWARE = 2;
export const EV_SIGNAL = 3;
export const EVENT_KINDS = [EV_OUTAGE, EV_FAILOVER, EV_FIRMWARE, EV_SIGNAL] as const;

/** Expected events per router (or per vehicle, for signal) per epoch; all < 1, so ≤ 1 per router. */
const RATES = [1 / 50, 1 / 160, 1 / 1000, 1 / 20];
const MIN_OUTAGE_MS = 2 * 60_000;
const MAX_OUTAGE_MS = 50 * 60_000; // < EPOCH_MS, so an outage ends in its own epoch or the next
const LOOKBACK_EPOCHS = 26;

export interface FleetEvent {
  k: number;
  type: number;
  router: number;
  ms: number;
  durMs: number;
  aux: number;
}

interface Plan {
  count: number;
  pop: number;
  a: number;
  aInv: number;
  b: number;
}

function gcd(x: number, y: number): number {
  while (y) [x, y] = [y, x % y];
  return x;
}

function modInverse(a: number, m: number): number {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1, 0];
  while (r1) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

export class EventSource {
  private readonly plans = new Map<number, Plan>();
  private readonly epochs = new Map<number, FleetEvent[]>();
  private readonly lookbackK: Int32Array;
  private readonly lookbackUs: Float64Array;
  /** router → index in fleet.vehicles, or -1 */
  private readonly vehicleIndex: Int32Array;

  constructor(
    private readonly fleet: Fleet,
    private readonly cacheSize = 48,
  ) {
    this.lookbackK = new Int32Array(fleet.n).fill(-1);
    this.lookbackUs = new Float64Array(fleet.n);
    this.vehicleIndex = new Int32Array(fleet.n).fill(-1);
    fleet.vehicles.forEach((r, i) => {
      this.vehicleIndex[r] = i;
    });
  }

  private plan(k: number, t: number): Plan {
    const key = k * 8 + t;
    const hit = this.plans.get(key);
    if (hit) return hit;
    const { fleet } = this;
    const seed = fleet.seed;
    const pop = t === EV_SIGNAL ? fleet.vehicles.length : fleet.n;
    const expected = pop * RATES[t]! * (0.8 + 0.4 * unit(h4(seed, k, t, Salt.epoch)));
    const count = Math.min(pop, Math.floor(expected) + (unit(h4(seed, k, t, Salt.epoch + 1)) < expected % 1 ? 1 : 0));
    let a = pop > 1 ? 1 + (h4(seed, k, t, Salt.epoch + 2) % (pop - 1)) : 1;
    while (pop > 1 && gcd(a, pop) !== 1) a = (a % (pop - 1)) + 1;
    const b = pop > 0 ? h4(seed, k, t, Salt.epoch + 3) % pop : 0;
    const p: Plan = { count: pop === 0 ? 0 : count, pop, a, aInv: pop > 1 ? modInverse(a, pop) : 0, b };
    if (this.plans.size > 20_000) this.plans.clear();
    this.plans.set(key, p);
    return p;
  }

  /** Event j of kind t in epoch k, or null when it does not happen (retired router, no dead spot). */
  private event(k: number, t: number, j: number, p: Plan): FleetEvent | null {
    const { fleet } = this;
    const slot = (p.a * j + p.b) % p.pop;
    const r = t === EV_SIGNAL ? fleet.vehicles[slot]! : slot;
    if (fleet.flags[r]! & FLAG_PERM_OFFLINE) return null;
    const h = h4(fleet.seed, k, (t << 24) | j, Salt.eventRouter);
    const start = k * EPOCH_MS;
    let ms = start + Math.floor(unit(h2(h, Salt.eventTime)) * EPOCH_MS);
    if (t === EV_SIGNAL) {
      // Degradation alerts fire where the vehicle really enters a dead spot.
      const entry = nextZoneEntry(fleet, r, ms);
      if (entry === null || entry >= start + EPOCH_MS) return null;
      ms = entry;
    }
    const aux = h2(h, Salt.eventAux);
    const durMs = t === EV_OUTAGE ? MIN_OUTAGE_MS + Math.floor(unit(aux) * (MAX_OUTAGE_MS - MIN_OUTAGE_MS)) : 0;
    return { k, type: t, router: r, ms, durMs, aux };
  }

  /** Router r's event of kind t in epoch k (at most one), by inverting the permutation. */
  eventFor(k: number, t: number, r: number): FleetEvent | null {
    const p = this.plan(k, t);
    if (p.count === 0) return null;
    const slot = t === EV_SIGNAL ? this.vehicleIndex[r]! : r;
    if (slot < 0) return null;
    const j = (((((slot - p.b) % p.pop) + p.pop) % p.pop) * p.aInv) % p.pop;
    return j < p.count ? this.event(k, t, j, p) : null;
  }

  /** All events of epoch k of the given kinds, in generation order. Cached for the full set. */
  epoch(k: number, kinds: readonly number[] = EVENT_KINDS): FleetEvent[] {
    const full = kinds.length === EVENT_KINDS.length;
    if (full) {
      const hit = this.epochs.get(k);
      if (hit) {
        this.epochs.delete(k); // refresh LRU position
        this.epochs.set(k, hit);
        return hit;
      }
    }
    const out: FleetEvent[] = [];
    for (const t of kinds) {
      const p = this.plan(k, t);
      for (let j = 0; j < p.count; j++) {
        const e = this.event(k, t, j, p);
        if (e) out.push(e);
      }
    }
    if (full) {
      this.epochs.set(k, out);
      if (this.epochs.size > this.cacheSize) this.epochs.delete(this.epochs.keys().next().value as number);
    }
    return out;
  }

  /**
   * Connection state at `atMs`: offline inside an outage, otherwise online since the last outage
   * ended. `sinceUs` carries the same µs the matching alert's created_at has. Only the last two
   * epochs can hold an outage covering `atMs`; older transitions come from a bounded look-back
   * (cached per router per epoch) so list pages stay cheap.
   */
  stateAt(r: number, atMs: number): { online: boolean; sinceMs: number; sinceUs: number } {
    const { fleet } = this;
    if (fleet.flags[r]! & FLAG_PERM_OFFLINE) {
      const ms = fleet.createdMs[r]! + 30 * DAY_MS + (h2(fleet.seed, r) % (120 * DAY_MS));
      return { online: false, sinceMs: ms, sinceUs: ms * 1000 + (h2(fleet.seed, r) % 1000) };
    }
    const k = Math.floor(atMs / EPOCH_MS);
    let lastEnd = Number.NEGATIVE_INFINITY;
    let offlineSince = Number.NEGATIVE_INFINITY;
    for (const kk of [k - 1, k]) {
      const e = this.eventFor(kk, EV_OUTAGE, r);
      if (!e || e.ms > atMs) continue;
      if (e.ms + e.durMs > atMs) offlineSince = Math.max(offlineSince, outageStartUs(e));
      else lastEnd = Math.max(lastEnd, outageEndUs(e));
    }
    if (offlineSince > Number.NEGATIVE_INFINITY)
      return { online: false, sinceMs: Math.floor(offlineSince / 1000), sinceUs: offlineSince };
    const us = lastEnd > Number.NEGATIVE_INFINITY ? lastEnd : this.lookback(r, k);
    return { online: true, sinceMs: Math.floor(us / 1000), sinceUs: us };
  }

  private lookback(r: number, k: number): number {
    if (this.lookbackK[r] === k) return this.lookbackUs[r]!;
    let found = Number.NaN;
    for (let kk = k - 2; kk >= k - LOOKBACK_EPOCHS && Number.isNaN(found); kk--) {
      const e = this.eventFor(kk, EV_OUTAGE, r);
      if (e) found = outageEndUs(e);
    }
    if (Number.isNaN(found)) {
      // No outage in the last day: it last (re)connected at some hashed, stable-per-day instant.
      const day = Math.floor(((k - LOOKBACK_EPOCHS) * EPOCH_MS) / DAY_MS);
      const ms = Math.max(this.fleet.createdMs[r]!, day * DAY_MS - (h2(this.fleet.seed ^ day, r) % (20 * DAY_MS)));
      found = ms * 1000 + (h2(this.fleet.seed, r) % 1000);
    }
    this.lookbackK[r] = k;
    this.lookbackUs[r] = found;
    return found;
  }
}

/** Outage start/end instants in µs; alerts and router state share these so they agree exactly. */
export function outageStartUs(e: FleetEvent): number {
  return e.ms * 1000 + (e.aux % 1000);
}

export function outageEndUs(e: FleetEvent): number {
  return (e.ms + e.durMs) * 1000 + ((e.aux >>> 10) % 1000);
}
