import 'server-only';
/**
 * The in-process fan-out between alert sources (NCM's webhook, the fallback poller, acknowledgements)
 * and every open /api/alerts/stream. One per process (lib/process-state.ts), so the webhook route and
 * the stream route (separate bundles) share it. It remembers recent alert ids, so an alert that arrives
 * both by push and by poll reaches browsers once.
 */
import type { AlertStreamEvents } from '@/lib/dto/alerts';
import { processSingleton } from '@/lib/process-state';

export type HubEvent = {
  [K in keyof AlertStreamEvents]: { name: K; data: AlertStreamEvents[K] };
}[keyof AlertStreamEvents];
export type HubListener = (event: HubEvent) => void;

const REMEMBERED_IDS = 5_000;

export class AlertHub {
  private readonly listeners = new Set<HubListener>();
  private readonly seen = new Set<string>();
  private readonly countListeners = new Set<(count: number) => void>();

  get subscriberCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    this.notifyCount();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      this.notifyCount();
    };
  }

  /** Told whenever the number of open streams changes (the poller runs only while someone watches). */
  onSubscriberCountChange(callback: (count: number) => void): () => void {
    this.countListeners.add(callback);
    return () => this.countListeners.delete(callback);
  }

  hasSeen(alertId: string): boolean {
    return this.seen.has(alertId);
  }

  /** Marks ids as known without telling anyone (e.g. alerts already on screen from a page load). */
  remember(alertIds: Iterable<string>): void {
    for (const id of alertIds) this.markSeen(id);
  }

  /** Sends each alert not seen before; returns how many were new. */
  publishAlerts(alerts: ReadonlyArray<AlertStreamEvents['alert']>): number {
    let fresh = 0;
    for (const alert of alerts) {
      if (this.seen.has(alert.id)) continue;
      this.markSeen(alert.id);
      fresh++;
      this.publish({ name: 'alert', data: alert });
    }
    return fresh;
  }

  publish(event: HubEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        // One broken stream (client gone mid-write) must not keep the alert from the others.
        console.error('[alerts] stream listener failed:', err instanceof Error ? err.message : err);
      }
    }
  }

  private markSeen(id: string): void {
    this.seen.delete(id);
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private notifyCount(): void {
    for (const callback of this.countListeners) callback(this.listeners.size);
  }
}

export function getAlertHub(): AlertHub {
  return processSingleton('alert-hub', () => new AlertHub());
}
