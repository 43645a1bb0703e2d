import 'server-only';
/**
 * The process-wide budget of NCM calls. NCM allows roughly 500 calls per minute per account (across
 * every endpoint, with no documented headers), so every attempt ncmRequest makes (retries included)
 * first takes a slot here. The limit is a sliding window rather than a refilling bucket: in any 60 s
 * window at most `perMinute` calls start, whatever the number of viewers. Slots are handed out in
 * arrival order (each caller reserves the earliest free slot when it asks, so later callers can never
 * overtake), and a caller whose slot is further away than `maxWaitMs` fails at once with
 * `rate_limited` instead of holding a request open.
 *
 * Background work (the fleet sync, see withNcmBudgetWait) first passes a lane of its own holding
 * BACKGROUND_SHARE of the budget, so it never holds every slot of a window: a person opening a
 * router page while a 50,000-router sync runs gets a call within the window, not after the sync.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton, replaceProcessSingleton } from '@/lib/process-state';
import { ncmCallsPerMinute } from './config';
import { NcmError } from './errors';

export interface BudgetClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface NcmCallBudgetOptions {
  perMinute: number;
  /** Share of the budget background work may use (the rest is kept for requests people wait on). */
  backgroundShare?: number;
  /** A caller that would have to wait longer than this fails fast. */
  maxWaitMs?: number;
  windowMs?: number;
  clock?: BudgetClock;
}

interface BudgetStats {
  perMinute: number;
  granted: number;
  waited: number;
  rejected: number;
  /** Total ms callers spent queued. */
  waitedMs: number;
}

const realClock: BudgetClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class NcmCallBudget {
  readonly perMinute: number;
  private readonly maxWaitMs: number;
  private readonly windowMs: number;
  private readonly clock: BudgetClock;
  /** Start times of the last `perMinute` granted (or reserved, possibly future) calls, as a ring. */
  private readonly slots: Float64Array;
  private head = 0;
  private count = 0;
  private readonly counters = { granted: 0, waited: 0, rejected: 0, waitedMs: 0 };
  /** Background calls pass this first; null when the budget is too small to split. */
  private readonly backgroundLane: NcmCallBudget | null;

  constructor(options: NcmCallBudgetOptions) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 1)
      throw new Error('NCM call budget must be at least 1 per minute');
    this.perMinute = Math.floor(options.perMinute);
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.windowMs = options.windowMs ?? 60_000;
    this.clock = options.clock ?? realClock;
    this.slots = new Float64Array(this.perMinute);
    const lane = Math.floor(this.perMinute * (options.backgroundShare ?? BACKGROUND_SHARE));
    this.backgroundLane =
      options.backgroundShare === 1 || lane < 1 || lane >= this.perMinute
        ? null
        : new NcmCallBudget({
            perMinute: lane,
            backgroundShare: 1,
            windowMs: this.windowMs,
            clock: this.clock,
            maxWaitMs: this.maxWaitMs,
          });
  }

  /** The earliest time the next call may start (reserving nothing). */
  private nextSlot(now: number): number {
    if (this.count < this.perMinute) {
      // Fewer than perMinute calls ever: only earlier reservations (monotone) bound us.
      const last = this.count === 0 ? now : this.slots[(this.head + this.count - 1) % this.perMinute]!;
      return Math.max(now, last);
    }
    // The call perMinute grants ago must be a full window old before another may start.
    const oldest = this.slots[this.head]!;
    const last = this.slots[(this.head + this.perMinute - 1) % this.perMinute]!;
    return Math.max(now, oldest + this.windowMs, last);
  }

  private reserve(at: number): void {
    if (this.count < this.perMinute) {
      this.slots[(this.head + this.count) % this.perMinute] = at;
      this.count++;
    } else {
      this.slots[this.head] = at;
      this.head = (this.head + 1) % this.perMinute;
    }
  }

  /** Resolves when the caller may start one NCM call; rejects with rate_limited if that is too far off. */
  async acquire(context: WaitContext | undefined = waitOverride().getStore()): Promise<void> {
    const maxWaitMs = context?.maxWaitMs ?? this.maxWaitMs;
    if (context?.background && this.backgroundLane) {
      const startedAt = this.clock.now();
      await this.backgroundLane.acquire({ maxWaitMs, background: false });
      return this.acquire({ maxWaitMs: Math.max(0, maxWaitMs - (this.clock.now() - startedAt)), background: false });
    }
    const now = this.clock.now();
    const at = this.nextSlot(now);
    const wait = at - now;
    if (wait > maxWaitMs) {
      this.counters.rejected++;
      throw new NcmError(
        'rate_limited',
        `NCM call budget of ${this.perMinute}/min exhausted for ${Math.ceil(wait / 1000)} s`,
        {
          retryAfterSeconds: Math.ceil(wait / 1000),
        },
      );
    }
    this.reserve(at);
    this.counters.granted++;
    if (wait > 0) {
      this.counters.waited++;
      this.counters.waitedMs += wait;
      await this.clock.sleep(wait);
    }
  }

  /** How long a call people wait on would queue if it asked now (ms; reserves nothing). */
  expectedWaitMs(): number {
    const now = this.clock.now();
    return this.nextSlot(now) - now;
  }

  stats(): BudgetStats {
    return { perMinute: this.perMinute, ...this.counters };
  }
}

/**
 * Work nobody is waiting on (the fleet sync running in the background) may queue longer than a request
 * could: a 50k-router full sync needs about two minutes of budget, and must pace itself rather than fail.
 */
interface WaitContext {
  maxWaitMs: number;
  background: boolean;
}

/**
 * One per process, like the budget: the fleet sync may run in another bundle's copy of this module
 * than the one that created the budget, and its background context must still reach acquire().
 */
const waitOverride = () => processSingleton('ncm-budget-wait-context', () => new AsyncLocalStorage<WaitContext>());

/** Runs background work: it may wait up to `maxWaitMs` for a call, within the background lane. */
export function withNcmBudgetWait<T>(maxWaitMs: number, fn: () => Promise<T>): Promise<T> {
  return waitOverride().run({ maxWaitMs, background: true }, fn);
}

/** At the default 400/min, background work may start 320 calls a minute; 80 stay for people. */
const BACKGROUND_SHARE = 0.8;

function budgetFromEnv(): NcmCallBudget {
  return new NcmCallBudget({ perMinute: ncmCallsPerMinute() });
}

/** The process's budget, whichever bundle asks first. */
function getNcmCallBudget(): NcmCallBudget {
  return processSingleton('ncm-call-budget', budgetFromEnv);
}

/** Replaces the process budget (tests and benchmarks); `undefined` re-reads the env on next use. */
export function setNcmCallBudget(budget: NcmCallBudget | undefined): void {
  replaceProcessSingleton('ncm-call-budget', budget);
}

/** How long an interactive NCM call would wait for the budget now (ms). */
export function ncmBudgetWaitMs(): number {
  return getNcmCallBudget().expectedWaitMs();
}

/** The hook ncmRequest awaits before every attempt. */
export function acquireNcmCall(): Promise<void> {
  return getNcmCallBudget().acquire();
}
