import 'server-only';
/**
 * Keeps one shared copy of the fleet in step with NCM using as few calls as possible, driven by reads:
 * - the first read starts a full sync and waits only for the first routers page (rows stream in);
 * - a read finding the data older than the poll interval starts one refresh and returns at once
 *   (stale-while-revalidate); concurrent reads share that refresh (single-flight);
 * - a refresh is a full sync every `fullSyncMs`, otherwise an incremental poll: routers whose state
 *   changed (`state_updated_at__gt`, 3 fields), routers, net devices and metrics updated since the
 *   newest timestamp seen; a quiet fleet costs 4 calls per poll;
 * - when NCM fails, the last data keeps being served with `stale` and a safe `lastError`
 *   (stale-if-error) until `maxStaleMs`.
 * It holds raw NCM data only; callers authorize before they read.
 */
import type { Router } from '@/lib/domain/types';
import type { SyncStatus } from '@/lib/dto/fleet';
import { NcmError, withNcmBudgetWait } from '@/lib/ncm';
import type { FleetSyncConfig } from './config';
import { pageAll } from './page-all';
import { emptyFleetData, type FleetData, type FleetUpstream } from './types';

type UpstreamCallKind = 'routers' | 'routerStates' | 'netDevices' | 'metrics' | 'health' | 'locations' | 'reference';

export interface FleetSyncStats {
  calls: Record<UpstreamCallKind, number>;
  totalCalls: number;
  fullSyncs: number;
  polls: number;
  failures: number;
}

export interface FleetSyncDeps {
  upstream: FleetUpstream;
  config: FleetSyncConfig;
  now?: () => number;
  log?: (message: string) => void;
  /** Progress of a full sync (benchmarks, logs): called when each list has been read completely. */
  onPhase?: (phase: FullSyncPhase) => void;
  /** Called after every successful refresh, e.g. to rebuild derived indexes off the request path. */
  onRefreshed?: () => void;
  /**
   * Polls on schedule while people are reading (one read in the last two intervals), so the data
   * served is never older than one interval plus a poll; without it a read finding old data starts
   * the poll and is itself served the old data. Timers: real ones by default.
   */
  keepWarm?: { setTimer: (fn: () => void, ms: number) => void };
}

export type FullSyncPhase = 'firstRouters' | 'routers' | 'netDevices' | 'metrics' | 'health' | 'locations';

/** What changed in the data since a version, as far as the sync knows (see FleetSync.changedSince). */
export interface FleetChanges {
  /** Routers whose own record, state, devices or metrics changed. */
  routers: ReadonlySet<string>;
  /** Devices whose record changed (a device may have moved to another router). */
  devices: ReadonlySet<string>;
}

export interface FleetView {
  data: FleetData;
  /** Changes whenever the data does; derived indexes are cached per version. */
  version: number;
  /** The changes from `since` to this version, or null when unknown (a full sync in between). */
  changedSince?: (since: number) => FleetChanges | null;
  asOf: number | null;
  stale: boolean;
  sync: SyncStatus;
}

interface Cursors {
  stateUpdatedAt: string | null;
  routerUpdatedAt: string | null;
  deviceUpdatedAt: string | null;
  metricsUpdatedAt: string | null;
}

/** The later of two timestamps as NCM sent them (formats vary: `Z` or `+00:00`, micro-seconds). */
function later(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

const BACKGROUND_BUDGET_WAIT_MS = 5 * 60_000;
/** Versions the journal remembers: far more than an index falls behind. */
const JOURNAL_LENGTH = 64;

function safeMessage(err: unknown): string {
  return err instanceof NcmError ? err.safeMessage : 'The fleet could not be refreshed from NetCloud Manager.';
}

export class FleetSync {
  private data: FleetData = emptyFleetData();
  private version = 0;
  private phase: SyncStatus['phase'] = 'initial';
  private lastFullSyncAt: number | null = null;
  private lastPollAt: number | null = null;
  private lastSuccessAt: number | null = null;
  private lastAttemptAt: number | null = null;
  private lastError: string | null = null;
  private inflight: Promise<void> | null = null;
  /** A later full sync, running beside the polls. */
  private fullInflight: Promise<void> | null = null;
  private firstRows: Promise<void> | null = null;
  /** The fleet's size as NCM stated it on the first sync's first page, when it did. */
  private expectedRouters: number | null = null;
  private lastReadAt: number | null = null;
  private warmPollScheduled = false;
  private cursors: Cursors = {
    stateUpdatedAt: null,
    routerUpdatedAt: null,
    deviceUpdatedAt: null,
    metricsUpdatedAt: null,
  };
  private readonly stats: FleetSyncStats = {
    calls: { routers: 0, routerStates: 0, netDevices: 0, metrics: 0, health: 0, locations: 0, reference: 0 },
    totalCalls: 0,
    fullSyncs: 0,
    polls: 0,
    failures: 0,
  };
  private readonly now: () => number;
  private readonly upstream: FleetUpstream;
  /** Per version bump of the live data: what changed (null: everything may have). Newest last. */
  private journal: Array<{ version: number; changes: FleetChanges | null }> = [];

  constructor(private readonly deps: FleetSyncDeps) {
    this.now = deps.now ?? Date.now;
    this.upstream = this.counted(deps.upstream);
  }

  /** The current data, refreshing on demand as described above. */
  async read(): Promise<FleetView> {
    const now = this.now();
    this.lastReadAt = now;
    this.scheduleWarmPoll();
    if (this.data.routers.size === 0 && this.phase === 'initial') {
      // Nothing to show yet: wait for the first page of routers (or the failure), not the whole sync.
      const refresh = this.refresh();
      const first = this.firstRows ?? refresh;
      await Promise.race([first, refresh]);
    } else if (this.due(now)) {
      this.refresh().catch(() => undefined);
    }
    return this.view();
  }

  /** The current data without triggering anything (benchmarks, overview of an idle process). */
  view(): FleetView {
    const now = this.now();
    const asOf = this.lastSuccessAt ?? (this.data.routers.size > 0 ? this.lastAttemptAt : null);
    const failingTooLong = this.lastError !== null && asOf !== null && now - asOf > this.deps.config.pollMs;
    if (failingTooLong && asOf !== null && now - asOf > this.deps.config.maxStaleMs) {
      throw new NcmError('upstream_error', 'Fleet snapshot is older than the stale limit', {
        status: 503,
        safeMessage: 'NetCloud Manager has been unreachable for too long to show fleet data.',
      });
    }
    return {
      data: this.data,
      version: this.version,
      changedSince: (since) => this.changedSince(since),
      asOf,
      stale: failingTooLong,
      sync: {
        phase: this.phase,
        loadedRouters: this.data.routers.size,
        expectedRouters: this.phase === 'initial' ? this.expectedRouters : null,
        lastFullSyncAt: this.lastFullSyncAt === null ? null : new Date(this.lastFullSyncAt).toISOString(),
        lastPollAt: this.lastPollAt === null ? null : new Date(this.lastPollAt).toISOString(),
        lastError: this.lastError,
      },
    };
  }

  getStats(): FleetSyncStats {
    return { ...this.stats, calls: { ...this.stats.calls } };
  }

  /** A router changed by one of our own writes: show it now rather than after the next poll. */
  applyRouterUpdate(router: Router): void {
    this.data.routers.set(router.id, router);
    this.bump({ routers: new Set([router.id]), devices: new Set() });
  }

  /**
   * What changed between `since` and now, so derived indexes can update only those routers; null
   * when the journal does not reach back that far or a full sync (which replaces everything) is in
   * between.
   */
  changedSince(since: number): FleetChanges | null {
    if (since >= this.version) return { routers: new Set(), devices: new Set() };
    const first = this.journal.findIndex((e) => e.version > since);
    if (first < 0 || this.journal[first]!.version !== since + 1) return null;
    const routers = new Set<string>();
    const devices = new Set<string>();
    for (const entry of this.journal.slice(first)) {
      if (!entry.changes) return null;
      for (const id of entry.changes.routers) routers.add(id);
      for (const id of entry.changes.devices) devices.add(id);
    }
    return { routers, devices };
  }

  /** A new version of the live data; `changes` null when it is not known what changed. */
  private bump(changes: FleetChanges | null): void {
    this.version++;
    this.journal.push({ version: this.version, changes });
    if (this.journal.length > JOURNAL_LENGTH) this.journal.splice(0, this.journal.length - JOURNAL_LENGTH);
  }

  /**
   * Starts a refresh unless one is running; every caller gets the same promise. The very first full
   * sync is the refresh; a later one (due every fullSyncMs) runs beside the polls, which go on so the
   * table stays fresh while 50,000 routers are re-read (see fullSync on how nothing is lost).
   */
  refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    const now = this.now();
    this.lastAttemptAt = now;
    if (this.lastFullSyncAt === null) {
      this.inflight = this.track(
        'full sync',
        () => this.fullSync(),
        () => {
          this.inflight = null;
        },
      );
      return this.inflight;
    }
    const poll = this.track(
      'poll',
      () => this.poll(),
      () => {
        this.inflight = null;
      },
    );
    this.inflight = poll;
    if (now - this.lastFullSyncAt < this.deps.config.fullSyncMs || this.fullInflight) return poll;
    this.fullInflight = this.track(
      'full sync',
      () => this.fullSync(),
      () => {
        this.fullInflight = null;
      },
    );
    return Promise.all([poll, this.fullInflight]).then(() => undefined);
  }

  /** Runs one refresh as background work and records its outcome. */
  private track(kind: 'poll' | 'full sync', work: () => Promise<void>, done: () => void): Promise<void> {
    // Nobody waits on the sync once the first page is in: it may queue for the upstream budget.
    return withNcmBudgetWait(BACKGROUND_BUDGET_WAIT_MS, work).then(
      () => {
        this.lastError = null;
        this.lastSuccessAt = this.now();
        done();
        this.deps.onRefreshed?.();
      },
      (err: unknown) => {
        this.stats.failures++;
        this.lastError = safeMessage(err);
        done();
        this.deps.log?.(`[fleet] ${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      },
    );
  }

  /** The next poll, on time, while someone is reading (see FleetSyncDeps.keepWarm). */
  private scheduleWarmPoll(): void {
    const keepWarm = this.deps.keepWarm;
    if (!keepWarm || this.warmPollScheduled || this.lastFullSyncAt === null) return;
    this.warmPollScheduled = true;
    // At least a second: a refresh stuck past its interval must not turn this into a busy loop.
    const wait = Math.max(1_000, (this.lastAttemptAt ?? this.now()) + this.deps.config.pollMs - this.now());
    keepWarm.setTimer(() => {
      this.warmPollScheduled = false;
      const now = this.now();
      if (this.lastReadAt === null || now - this.lastReadAt > 2 * this.deps.config.pollMs) return;
      const next = () => this.scheduleWarmPoll();
      if (this.due(now)) this.refresh().then(next, next);
      else next();
    }, wait);
  }

  private due(now: number): boolean {
    if (this.inflight) return false;
    const since = this.lastAttemptAt === null ? Number.POSITIVE_INFINITY : now - this.lastAttemptAt;
    return since >= this.deps.config.pollMs;
  }

  private async fullSync(): Promise<void> {
    this.stats.fullSyncs++;
    const { pageSize: limit, concurrency } = this.deps.config;
    const initial = this.data.routers.size === 0;
    // The first sync fills the live maps so rows appear page by page; later ones build aside and swap.
    const target = initial ? this.data : emptyFleetData();
    const previous = this.data;
    let signalFirst: () => void = () => undefined;
    if (initial) {
      this.phase = 'initial';
      this.firstRows = new Promise<void>((resolve) => {
        signalFirst = resolve;
      });
    }
    const cursors: Cursors = {
      stateUpdatedAt: null,
      routerUpdatedAt: null,
      deviceUpdatedAt: null,
      metricsUpdatedAt: null,
    };
    // Polls go on during a later full sync, into the old data. Its pages are read over a while, so a
    // record may change after its page was read: after the swap, polls resume from where they stood
    // when this sync started and replay everything since, into the new data.
    const resumeFrom: Cursors = { ...this.cursors };
    const reference = this.upstream.reference().then((ref) => {
      target.reference = ref;
      if (initial) this.bump(null);
    });
    // Awaited below; if the routers fail first, its own failure must not surface as unhandled.
    reference.catch(() => undefined);
    const routersPage = async (offset: number) => {
      const page = await this.upstream.routers({ offset, limit });
      if (initial && offset === 0 && page.totalCount !== undefined) this.expectedRouters = page.totalCount;
      return page;
    };
    await pageAll(routersPage, {
      limit,
      concurrency,
      hint: initial ? undefined : previous.routers.size,
      onPage: (routers) => {
        if (target.routers.size === 0) this.deps.onPhase?.('firstRouters');
        for (const router of routers) {
          target.routers.set(router.id, router);
          cursors.stateUpdatedAt = later(cursors.stateUpdatedAt, router.stateUpdatedAt);
          cursors.routerUpdatedAt = later(cursors.routerUpdatedAt, router.updatedAt);
        }
        if (initial) {
          this.bump(null);
          signalFirst();
        }
      },
    });
    signalFirst();
    this.deps.onPhase?.('routers');
    await reference;
    const devicePages = (kind: 'netDevices' | 'metrics' | 'health' | 'locations', hint: number | undefined) => ({
      limit,
      concurrency,
      hint: hint === undefined || hint === 0 ? undefined : hint,
      onPage: () => {
        if (initial && kind === 'netDevices') this.bump(null);
      },
    });
    const devices = await pageAll(
      (offset) => this.upstream.netDevices({ offset, limit }),
      devicePages('netDevices', previous.devices.size || undefined),
    );
    for (const d of devices) {
      target.devices.set(d.id, d);
      cursors.deviceUpdatedAt = later(cursors.deviceUpdatedAt, d.updatedAt);
    }
    if (initial) this.bump(null);
    this.deps.onPhase?.('netDevices');
    const metrics = await pageAll(
      (offset) => this.upstream.metrics({ offset, limit }),
      devicePages('metrics', target.devices.size),
    );
    for (const m of metrics) {
      target.metrics.set(m.netDeviceId, m);
      cursors.metricsUpdatedAt = later(cursors.metricsUpdatedAt, m.updatedAt);
    }
    if (initial) this.bump(null);
    this.deps.onPhase?.('metrics');
    const health = await pageAll(
      (offset) => this.upstream.health({ offset, limit }),
      devicePages('health', target.devices.size),
    );
    for (const h of health) target.health.set(h.netDeviceId, h);
    this.deps.onPhase?.('health');
    const locations = await pageAll(
      (offset) => this.upstream.locations({ offset, limit }),
      devicePages('locations', previous.locations.size || undefined),
    );
    for (const l of locations) target.locations.set(l.routerId, l);
    this.deps.onPhase?.('locations');
    // (A failure leaves the first-rows promise pending: the first reader's race sees the rejection.)
    this.data = target;
    this.cursors = initial ? cursors : resumeFrom;
    this.bump(null);
    this.phase = 'ready';
    this.lastFullSyncAt = this.now();
    this.lastPollAt = this.lastFullSyncAt;
  }

  private async poll(): Promise<void> {
    this.stats.polls++;
    const { pageSize: limit, concurrency } = this.deps.config;
    const data = this.data;
    const c = this.cursors;
    let changed = false;
    const opts = { limit, concurrency };

    // The four lists are independent; asking for them together makes a poll as slow as its slowest call.
    const [states, routers, devices, metrics] = await Promise.all([
      pageAll(
        (offset) =>
          this.upstream.routers({ offset, limit, stateUpdatedAfter: c.stateUpdatedAt ?? undefined, stateOnly: true }),
        opts,
      ),
      pageAll((offset) => this.upstream.routers({ offset, limit, updatedAfter: c.routerUpdatedAt ?? undefined }), opts),
      pageAll(
        (offset) => this.upstream.netDevices({ offset, limit, updatedAfter: c.deviceUpdatedAt ?? undefined }),
        opts,
      ),
      pageAll(
        (offset) => this.upstream.metrics({ offset, limit, updatedAfter: c.metricsUpdatedAt ?? undefined }),
        opts,
      ),
    ]);
    const touched = { routers: new Set<string>(), devices: new Set<string>() };
    let unknown = false;
    for (const s of states) {
      const known = data.routers.get(s.id);
      if (known && (known.state !== s.state || known.stateUpdatedAt !== s.stateUpdatedAt)) {
        data.routers.set(s.id, { ...known, state: s.state, stateUpdatedAt: s.stateUpdatedAt });
        touched.routers.add(s.id);
        changed = true;
      }
      c.stateUpdatedAt = later(c.stateUpdatedAt, s.stateUpdatedAt);
    }
    for (const r of routers) {
      const known = data.routers.get(r.id);
      // A full record older than a state change seen above must not roll the state back.
      const keepState =
        known?.stateUpdatedAt && r.stateUpdatedAt && Date.parse(known.stateUpdatedAt) > Date.parse(r.stateUpdatedAt);
      data.routers.set(
        r.id,
        keepState && known ? { ...r, state: known.state, stateUpdatedAt: known.stateUpdatedAt } : r,
      );
      touched.routers.add(r.id);
      c.routerUpdatedAt = later(c.routerUpdatedAt, r.updatedAt);
      c.stateUpdatedAt = later(c.stateUpdatedAt, r.stateUpdatedAt);
      changed = true;
    }
    for (const d of devices) {
      const before = data.devices.get(d.id);
      if (before?.routerId) touched.routers.add(before.routerId);
      if (d.routerId) touched.routers.add(d.routerId);
      touched.devices.add(d.id);
      data.devices.set(d.id, d);
      c.deviceUpdatedAt = later(c.deviceUpdatedAt, d.updatedAt);
      changed = true;
    }
    for (const m of metrics) {
      const owner = data.devices.get(m.netDeviceId)?.routerId;
      if (owner) touched.routers.add(owner);
      else if (owner === undefined) unknown = true;
      data.metrics.set(m.netDeviceId, m);
      c.metricsUpdatedAt = later(c.metricsUpdatedAt, m.updatedAt);
      changed = true;
    }
    // Metrics of a device we have not seen cannot be placed: let indexes rebuild rather than guess.
    if (changed) this.bump(unknown ? null : touched);
    this.lastPollAt = this.now();
  }

  private counted(inner: FleetUpstream): FleetUpstream {
    const count = (kind: UpstreamCallKind, n = 1) => {
      this.stats.calls[kind] += n;
      this.stats.totalCalls += n;
    };
    return {
      routers: (q) => {
        count(q.stateOnly ? 'routerStates' : 'routers');
        return inner.routers(q);
      },
      netDevices: (q) => {
        count('netDevices');
        return inner.netDevices(q);
      },
      metrics: (q) => {
        count('metrics');
        return inner.metrics(q);
      },
      health: (q) => {
        count('health');
        return inner.health(q);
      },
      locations: (q) => {
        count('locations');
        return inner.locations(q);
      },
      reference: () => {
        // Four small lists, each normally a single page.
        count('reference', 4);
        return inner.reference();
      },
    };
  }
}
