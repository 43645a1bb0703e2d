/**
 * Login throttling, designed so that one client cannot deny sign-in to others. In memory, so it
 * holds for one Node process only; a multi-instance deployment needs a shared store. Failures for
 * unknown usernames count like any other, so throttling does not reveal which accounts exist.
 *
 * Three layers, none of which is a hard account lock:
 * - per (account, client): after a few free failures, each further failure doubles the wait before
 *   that pair may try again (capped). "Client" is, best first: a known-device cookie this browser
 *   earned by signing in to that account before, the address a trusted proxy reports, or nothing.
 *   Without either, all clients trying an account share one pair, and its cap is kept short, so an
 *   attacker can only slow an account down, not lock it.
 * - per client address (trusted proxy only): a cap on failures across accounts (password spraying).
 * - global: failures drain a shared budget; when it is empty every attempt is delayed (never refused)
 *   until it refills, which caps the guessing rate of a whole botnet at the cost of a few seconds.
 */
import { authEnv, type EnvSource } from '@/lib/env';

export interface BackoffPolicy {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The first wait; each later failure doubles it. */
  baseMs: number;
  capMs: number;
  /** A pair with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

export interface SprayLimit {
  maxFailures: number;
  windowMs: number;
}

export interface GlobalBudget {
  /** Failures that may happen at once before attempts are delayed. */
  burst: number;
  perMinute: number;
  maxDelayMs: number;
}

export interface LoginThrottleOptions {
  /** Backoff of a pair whose client is identified (known device, trusted proxy address). */
  identified?: BackoffPolicy;
  /** Backoff of an account tried by unidentified clients, who all share one pair. */
  unidentified?: BackoffPolicy;
  perClient?: SprayLimit;
  global?: GlobalBudget;
  /** Injectable clock for tests. */
  now?: () => number;
  /** Bound on tracked keys, so a flood of random usernames cannot grow memory without limit. */
  maxTrackedKeys?: number;
}

/** Who is trying: `address` is the trusted proxy's client address or UNKNOWN_CLIENT. */
export interface LoginAttempt {
  account: string;
  address: string;
  /** The id in a valid known-device cookie issued for this account, if the browser sent one. */
  device?: string | null;
}

export type ThrottleVerdict =
  | { allowed: true; delayMs: number }
  | { allowed: false; scope: 'pair' | 'client'; retryAfterSeconds: number };

const MINUTE = 60_000;
export const DEFAULT_IDENTIFIED_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseMs: 1_000,
  capMs: 15 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
};
export const DEFAULT_UNIDENTIFIED_BACKOFF: BackoffPolicy = {
  freeFailures: 5,
  baseMs: 1_000,
  capMs: 30_000,
  forgetAfterMs: 15 * MINUTE,
};
export const DEFAULT_CLIENT_LIMIT: SprayLimit = { maxFailures: 50, windowMs: 15 * MINUTE };
export const DEFAULT_GLOBAL_BUDGET: GlobalBudget = { burst: 100, perMinute: 60, maxDelayMs: 5_000 };

/** The client key when nothing identifies the client: all such clients share it. */
export const UNKNOWN_CLIENT = 'unknown';

/** A Map used as a bounded LRU: insertion order doubles as least-recently-touched order. */
class BoundedMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly maxKeys: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

interface PairState {
  failures: number;
  lastFailureAt: number;
}

/** The wait a pair's last failure imposed, counted from that failure. */
function fullWaitMs(failures: number, policy: BackoffPolicy): number {
  const excess = failures - policy.freeFailures;
  if (excess <= 0) return 0;
  // 2^excess grows past any cap long before it overflows; clamp the exponent anyway.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(excess - 1, 30));
}

/** A pair is forgotten after a quiet period that starts when its wait ends. */
function isForgotten(state: PairState, policy: BackoffPolicy, now: number): boolean {
  return now - state.lastFailureAt >= fullWaitMs(state.failures, policy) + policy.forgetAfterMs;
}

function backoffWaitMs(state: PairState | undefined, policy: BackoffPolicy, now: number): number {
  if (!state || isForgotten(state, policy, now)) return 0;
  return Math.max(0, state.lastFailureAt + fullWaitMs(state.failures, policy) - now);
}

const toSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class LoginThrottle {
  private readonly pairs: BoundedMap<PairState>;
  private readonly clients: BoundedMap<number[]>;
  private readonly identified: BackoffPolicy;
  private readonly unidentified: BackoffPolicy;
  private readonly perClient: SprayLimit;
  private readonly global: GlobalBudget;
  private readonly now: () => number;
  private tokens: number;
  private refilledAt: number;

  constructor(options: LoginThrottleOptions = {}) {
    const maxKeys = options.maxTrackedKeys ?? 10_000;
    this.pairs = new BoundedMap(maxKeys);
    this.clients = new BoundedMap(maxKeys);
    this.identified = options.identified ?? DEFAULT_IDENTIFIED_BACKOFF;
    this.unidentified = options.unidentified ?? DEFAULT_UNIDENTIFIED_BACKOFF;
    this.perClient = options.perClient ?? DEFAULT_CLIENT_LIMIT;
    this.global = options.global ?? DEFAULT_GLOBAL_BUDGET;
    this.now = options.now ?? Date.now;
    this.tokens = this.global.burst;
    this.refilledAt = this.now();
  }

  private policy(client: string): BackoffPolicy {
    return client === UNKNOWN_CLIENT ? this.unidentified : this.identified;
  }

  /** The pair's client: the known device first (it survives address changes), else the address. */
  private pair(attempt: LoginAttempt): { key: string; policy: BackoffPolicy } {
    const client = attempt.device ? `device:${attempt.device}` : attempt.address;
    return { key: `${attempt.account}\n${client}`, policy: this.policy(client) };
  }

  private recentClientFailures(client: string, now: number): number[] {
    if (client === UNKNOWN_CLIENT) return [];
    return (this.clients.get(client) ?? []).filter((t) => now - t < this.perClient.windowMs);
  }

  private refill(now: number): void {
    const perMs = this.global.perMinute / MINUTE;
    this.tokens = Math.min(this.global.burst, this.tokens + (now - this.refilledAt) * perMs);
    this.refilledAt = now;
  }

  /** Ask before verifying the password: a refused attempt must not reach bcrypt at all. */
  check(attempt: LoginAttempt): ThrottleVerdict {
    const now = this.now();
    const pair = this.pair(attempt);
    const pairWait = backoffWaitMs(this.pairs.get(pair.key), pair.policy, now);
    const sprayed = this.recentClientFailures(attempt.address, now);
    const clientWait =
      sprayed.length >= this.perClient.maxFailures
        ? sprayed[sprayed.length - this.perClient.maxFailures]! + this.perClient.windowMs - now
        : 0;
    if (pairWait > 0 || clientWait > 0) {
      return pairWait >= clientWait
        ? { allowed: false, scope: 'pair', retryAfterSeconds: toSeconds(pairWait) }
        : { allowed: false, scope: 'client', retryAfterSeconds: toSeconds(clientWait) };
    }
    this.refill(now);
    if (this.tokens >= 1) return { allowed: true, delayMs: 0 };
    const perMs = this.global.perMinute / MINUTE;
    return { allowed: true, delayMs: Math.min(this.global.maxDelayMs, Math.ceil((1 - this.tokens) / perMs)) };
  }

  recordFailure(attempt: LoginAttempt): void {
    const now = this.now();
    const pair = this.pair(attempt);
    const previous = this.pairs.get(pair.key);
    const fresh = !previous || isForgotten(previous, pair.policy, now);
    this.pairs.set(pair.key, { failures: fresh ? 1 : previous.failures + 1, lastFailureAt: now });
    const { address } = attempt;
    if (address !== UNKNOWN_CLIENT) {
      // Keep only as many timestamps as the limit needs; older ones cannot change the verdict.
      this.clients.set(address, [...this.recentClientFailures(address, now), now].slice(-this.perClient.maxFailures));
    }
    this.refill(now);
    // Debt is bounded so a burst long ago cannot keep delaying everyone.
    this.tokens = Math.max(-this.global.burst, this.tokens - 1);
  }

  /**
   * A successful sign-in clears its own pair only: the client's spray count stays, or an attacker
   * holding one valid account could reset their budget between guesses at other accounts.
   */
  recordSuccess(attempt: LoginAttempt): void {
    this.pairs.delete(this.pair(attempt).key);
  }
}

/**
 * The client address for throttling. `X-Forwarded-For` is set by whoever connects, so it is only used
 * when TRUST_PROXY=1 says a reverse proxy we control appends the real address; then the right-most
 * entry (added by that proxy) is the one that cannot be forged. Without a trusted proxy, Next.js
 * gives us no socket address in a server action, so the client is unknown.
 */
export function clientKeyFromHeaders(headers: Headers, env: EnvSource = process.env): string {
  if (!authEnv(env).trustProxy) return UNKNOWN_CLIENT;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  const nearest = hops.at(-1);
  return nearest && nearest.length <= 64 ? `ip:${nearest}` : UNKNOWN_CLIENT;
}

// One throttle per process, shared by every bundle that imports this module (server actions and
// the /api/auth route handler may be bundled separately, each with its own module instance).
const THROTTLE_KEY = Symbol.for('fleet-console.login-throttle');
type ThrottleHolder = { [THROTTLE_KEY]?: LoginThrottle };

export function sharedLoginThrottle(): LoginThrottle {
  const holder = globalThis as ThrottleHolder;
  holder[THROTTLE_KEY] ??= new LoginThrottle();
  return holder[THROTTLE_KEY];
}
