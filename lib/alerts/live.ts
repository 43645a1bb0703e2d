import 'server-only';
/**
 * Decides how new alerts reach open browsers and keeps that going:
 * - push: NCM POSTs to /api/ncm-webhook (registered lazily on the first alerts page/stream request,
 *   retried after a failure);
 * - polling: when registration failed, or push has been silent for PUSH_SILENCE_MS while NCM shows
 *   newer alerts, one shared poller refreshes the held alert window every POLL_INTERVAL_MS — only
 *   while a stream is open.
 * Both feed the held window (what pages read) and the hub (what streams receive), which drop duplicates.
 */
import type { Alert } from '@/lib/domain/types';
import type { LiveMode } from '@/lib/dto/alerts';
import { listAlerts } from '@/lib/ncm';
import { processSingleton } from '@/lib/process-state';
import { getAlertWindow } from './alert-window';
import { toAlertDtos } from './enrich';
import { type AlertHub, getAlertHub } from './hub';
import { AlertPoller } from './poller';
import { type RegistrationResult, registerPushDestination } from './push-registration';

export const POLL_INTERVAL_MS = 10_000;
const REGISTRATION_RETRY_MS = 60_000;
const PUSH_SILENCE_MS = 3 * 60_000;
const WATCHDOG_INTERVAL_MS = 60_000;
/** A pushed alert may take a little while; only older undelivered alerts count as push failing. */
const DELIVERY_GRACE_MS = 30_000;

/** What LiveAlerts needs of the held alert window. */
interface LiveWindow {
  ingest(alerts: readonly Alert[]): Alert[];
  refresh(): Promise<Alert[]>;
}

export interface LiveDeps {
  hub: AlertHub;
  window: LiveWindow;
  register: () => Promise<RegistrationResult>;
  /** Alerts created after `cursor`, straight from NCM (the push watchdog's check). */
  fetchSince: (cursor: string, limit?: number) => Promise<Alert[]>;
  toDtos: typeof toAlertDtos;
  now: () => number;
  pollIntervalMs: number;
}

type Registration = 'idle' | 'pending' | 'registered' | 'failed' | 'disabled';

async function fetchAlertsSince(cursor: string, limit = 500): Promise<Alert[]> {
  const found: Alert[] = [];
  // A handful of pages at most: after a long outage the page reload shows the rest.
  for (let offset = 0, pages = 0; pages < 5; pages++) {
    const page = await listAlerts({ createdAfter: cursor, limit, offset });
    found.push(...page.items);
    if (!page.hasMore || found.length >= limit) break;
    offset += page.items.length;
  }
  return found.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

export class LiveAlerts {
  private registration: Registration = 'idle';
  private registrationAttemptAt = 0;
  private registrationInflight: Promise<void> | null = null;
  private pushSilent = false;
  private lastPushAt: number | null = null;
  private registeredAt: number | null = null;
  private newestSeen: string | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly poller: AlertPoller;

  constructor(private readonly deps: LiveDeps) {
    // A poll is a refresh of the held window: the new alerts it finds go to the streams from there,
    // and a page read at the same moment shares the call.
    this.poller = new AlertPoller({
      fetchSince: () => deps.window.refresh(),
      onAlerts: (alerts) => {
        for (const a of alerts) this.noteSeen(a);
      },
      intervalMs: deps.pollIntervalMs,
      now: deps.now,
    });
    deps.hub.onSubscriberCountChange(() => this.reconcile());
  }

  get mode(): LiveMode {
    return this.registration === 'registered' && !this.pushSilent ? 'push' : 'polling';
  }

  get pollerRunning(): boolean {
    return this.poller.running;
  }

  /** Called on every alerts page and stream request: registers once, and again after a failure. */
  ensureStarted(): Promise<void> {
    const due =
      this.registration === 'idle' ||
      (this.registration === 'failed' && this.deps.now() - this.registrationAttemptAt >= REGISTRATION_RETRY_MS);
    if (due && !this.registrationInflight) {
      this.registration = 'pending';
      this.registrationAttemptAt = this.deps.now();
      this.registrationInflight = this.register().finally(() => {
        this.registrationInflight = null;
      });
    }
    return this.registrationInflight ?? Promise.resolve();
  }

  /** Alerts NCM pushed to us (signature already verified). */
  async receivePush(alerts: Alert[]): Promise<number> {
    this.lastPushAt = this.deps.now();
    if (this.pushSilent || this.registration !== 'registered') {
      // A delivery proves push works, whatever the registration attempt thought.
      this.pushSilent = false;
      if (this.registration !== 'registered') this.registration = 'registered';
      this.reconcile();
    }
    return this.ingest(alerts);
  }

  private noteSeen(a: Alert): void {
    if (!this.newestSeen || Date.parse(a.createdAt) > Date.parse(this.newestSeen)) this.newestSeen = a.createdAt;
    this.poller.advanceCursor(a.createdAt);
  }

  private async ingest(alerts: Alert[]): Promise<number> {
    for (const a of alerts) this.noteSeen(a);
    // Into the held window first, so a page reloaded right after a pushed alert shows it.
    this.deps.window.ingest(alerts);
    const fresh = alerts.filter((a) => !this.deps.hub.hasSeen(a.id));
    if (fresh.length === 0) return 0;
    const dtos = await this.deps.toDtos(fresh);
    dtos.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return this.deps.hub.publishAlerts(dtos);
  }

  private async register(): Promise<void> {
    const before = this.mode;
    try {
      const result = await this.deps.register();
      if (result.status === 'disabled') {
        this.registration = 'disabled';
        console.warn(`[alerts] push disabled: ${result.reason}; polling NCM instead`);
      } else {
        this.registration = 'registered';
        this.registeredAt = this.deps.now();
        this.pushSilent = false;
      }
    } catch (err) {
      this.registration = 'failed';
      console.error(
        '[alerts] push registration failed; polling NCM until it works:',
        err instanceof Error ? err.message : err,
      );
    }
    if (this.mode !== before) this.announceMode();
    this.reconcile();
  }

  /** Starts/stops the poller and watchdog for the current mode and number of viewers. */
  private reconcile(): void {
    const watching = this.deps.hub.subscriberCount > 0;
    if (watching && this.mode === 'polling') this.poller.start(this.newestSeen ?? undefined);
    else this.poller.stop();
    if (watching && this.mode === 'push' && !this.watchdog) {
      this.watchdog = setInterval(() => void this.checkPushHealth(), WATCHDOG_INTERVAL_MS);
      this.watchdog.unref?.();
    } else if ((!watching || this.mode !== 'push') && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
    if (watching && this.registration === 'failed') void this.ensureStarted();
  }

  /** Push silent for a while and NCM holds alerts we never received → switch to polling. */
  async checkPushHealth(): Promise<void> {
    if (this.mode !== 'push') return;
    const now = this.deps.now();
    const lastSign = this.lastPushAt ?? this.registeredAt ?? now;
    if (now - lastSign < PUSH_SILENCE_MS) return;
    const since = this.newestSeen ?? new Date(lastSign).toISOString();
    try {
      const missed = (await this.deps.fetchSince(since, 5)).filter(
        (a) => now - Date.parse(a.createdAt) > DELIVERY_GRACE_MS,
      );
      if (missed.length === 0) return;
      console.warn('[alerts] no push from NCM while it holds newer alerts; falling back to polling');
      this.pushSilent = true;
      this.announceMode();
      this.reconcile();
    } catch (err) {
      console.error('[alerts] push health check failed:', err instanceof Error ? err.message : err);
    }
  }

  private announceMode(): void {
    this.deps.hub.publish({
      name: 'mode',
      data: { mode: this.mode, pollIntervalSeconds: this.deps.pollIntervalMs / 1000 },
    });
  }
}

export function getLiveAlerts(): LiveAlerts {
  return processSingleton(
    'live-alerts',
    () =>
      new LiveAlerts({
        hub: getAlertHub(),
        window: getAlertWindow(),
        register: registerPushDestination,
        fetchSince: fetchAlertsSince,
        toDtos: toAlertDtos,
        now: Date.now,
        pollIntervalMs: POLL_INTERVAL_MS,
      }),
  );
}
