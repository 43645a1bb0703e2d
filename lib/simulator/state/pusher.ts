/**
 * Live alert push: every tick, alerts whose created_at fell in (lastTick, now] go to every enabled
 * destination. Also used by the control endpoint to push one alert immediately.
 */
import type { AlertItem } from '../fleet/alerts';
import type { Env } from '../http/context';
import { present } from '../http/listing';
import { parseQuery } from '../http/query';
import { alertRecord } from '../resources/alerts';
import { resolveUrl } from '../resources/registry';
import { type DeliveryResult, deliver } from './push';
import type { Simulation } from './simulation';

export class AlertPusher {
  private lastTickMs: number;
  private timer: NodeJS.Timeout | null = null;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly sim: Simulation,
    private readonly base: () => string,
  ) {
    this.lastTickMs = sim.now();
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inflight]);
  }

  tick(): void {
    const now = this.sim.now();
    if (now <= this.lastTickMs) return;
    const from = this.lastTickMs;
    this.lastTickMs = now;
    const dests = [...this.sim.store.pushDestinations.values()].filter((d) => d.enabled && !d.suspended);
    if (dests.length === 0) return;
    // Cap a catch-up burst (e.g. after a long pause) so one tick cannot flood a listener.
    const due = this.sim.alerts
      .between(from * 1000, now * 1000)
      .filter((a) => !a.delivered)
      .slice(-200);
    for (const a of due) for (const d of dests) this.track(deliver(d, this.payload(a, now), this.sim.now));
  }

  async pushNow(item: AlertItem): Promise<DeliveryResult[]> {
    item.delivered = true;
    const now = this.sim.now();
    const dests = [...this.sim.store.pushDestinations.values()].filter((d) => d.enabled && !d.suspended);
    return Promise.all(dests.map((d) => deliver(d, this.payload(item, now), this.sim.now)));
  }

  payload(item: AlertItem, nowMs: number) {
    const env: Env = { sim: this.sim, base: this.base(), nowMs, resolve: (u) => resolveUrl(env, u) };
    return present({ query: parseQuery(''), resolve: env.resolve }, alertRecord(env, item));
  }

  private track(p: Promise<unknown>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }
}
