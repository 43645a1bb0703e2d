/** One simulated NCM tenant: the generated fleet, its derived events, and the client's overlays. */
import { AlertFeed, type AlertItem } from '../fleet/alerts';
import { EventSource } from '../fleet/events';
import { Fleet } from '../fleet/fleet';
import { h3 } from '../fleet/hash';
import { timeUuid } from '../fleet/time';
import { Store } from './store';

export class Simulation {
  readonly fleet: Fleet;
  readonly events: EventSource;
  readonly alerts: AlertFeed;
  readonly store = new Store();
  /** bumped by writes that can change a sort key, so cached sort orders are invalidated */
  version = 0;
  /** cached slot orders for `order_by` on cheap fields (small LRU) */
  readonly sortCache = new Map<string, Int32Array>();

  constructor(
    routers: number,
    readonly seed: number,
    readonly now: () => number,
  ) {
    this.fleet = new Fleet(routers, seed);
    this.events = new EventSource(this.fleet);
    this.alerts = new AlertFeed(this.events);
  }

  /** A fresh, deterministic time UUID for a client-created record. */
  newUuid(ms: number): string {
    const n = ++this.store.uuidCounter;
    return timeUuid(ms * 1000 + (n % 1000), h3(this.seed, n, 77), h3(this.seed, n, 78));
  }

  /** Raises a run-time alert (client write, control endpoint) and returns it. */
  raise(router: number, type: string, info?: Record<string, unknown>): AlertItem {
    const ms = this.now();
    const n = ++this.store.uuidCounter;
    // µs stay within the current ms so the alert is visible to a query made at this same instant.
    const item: AlertItem = { us: ms * 1000 - 999 + (n % 1000), type, router, aux: h3(this.seed, n, 79), info };
    this.alerts.addExtra(item);
    return item;
  }

  reset(): void {
    this.version++;
    this.sortCache.clear();
    this.store.clear();
    this.alerts.clearExtras();
  }
}
