import 'server-only';
/**
 * The fallback when NCM's push does not reach us: one poller per process (never one per viewer),
 * asking NCM for alerts newer than the newest it has seen. A tick that finds the previous one still
 * running joins it instead of starting a second request (single flight).
 */
import type { Alert } from '@/lib/domain/types';

export interface PollerDeps {
  /** Alerts created strictly after `cursor` (ISO time as NCM wrote it). */
  fetchSince: (cursor: string) => Promise<Alert[]>;
  onAlerts: (alerts: Alert[]) => void | Promise<void>;
  intervalMs: number;
  now?: () => number;
}

export class AlertPoller {
  private timer: ReturnType<typeof setInterval> | null = null;
  private inflight: Promise<void> | null = null;
  private cursor: string | null = null;
  private lastError: unknown = null;

  constructor(private readonly deps: PollerDeps) {}

  get running(): boolean {
    return this.timer !== null;
  }

  get failing(): boolean {
    return this.lastError !== null;
  }

  /** Starts polling from `since` (default: now), unless already running. */
  start(since?: string): void {
    if (this.timer) return;
    this.cursor ??= since ?? new Date((this.deps.now ?? Date.now)()).toISOString();
    this.timer = setInterval(() => void this.pollOnce(), this.deps.intervalMs);
    this.timer.unref?.();
    void this.pollOnce();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Moves the cursor forward (e.g. after a push delivered newer alerts). */
  advanceCursor(createdAt: string): void {
    if (!this.cursor || Date.parse(createdAt) > Date.parse(this.cursor)) this.cursor = createdAt;
  }

  pollOnce(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.inflight = this.run().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async run(): Promise<void> {
    const cursor = this.cursor ?? new Date((this.deps.now ?? Date.now)()).toISOString();
    try {
      const alerts = await this.deps.fetchSince(cursor);
      this.lastError = null;
      for (const alert of alerts) this.advanceCursor(alert.createdAt);
      if (alerts.length > 0) await this.deps.onAlerts(alerts);
    } catch (err) {
      this.lastError = err;
      console.error('[alerts] polling NCM failed:', err instanceof Error ? err.message : err);
    }
  }
}
