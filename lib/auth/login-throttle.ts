/**
 * Login throttling (SEC-29): counts failed sign-ins per account and per client over a sliding
 * window. In memory, so it holds for one Node process only; a multi-instance deployment needs a
 * shared store. Failures for unknown usernames count too, so throttling does not reveal which
 * accounts exist.
 */

/** Environment variables as read here; a plain record so tests need not fake all of process.env. */
type EnvVars = Readonly<Record<string, string | undefined>>;

export interface ThrottleLimit {
  maxFailures: number;
  windowMs: number;
}

export interface LoginThrottleOptions {
  perAccount?: ThrottleLimit;
  perClient?: ThrottleLimit;
  /** Injectable clock for tests. */
  now?: () => number;
  /** Bound on tracked keys, so a flood of random usernames cannot grow memory without limit. */
  maxTrackedKeys?: number;
}

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; scope: 'account' | 'client'; retryAfterSeconds: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const DEFAULT_ACCOUNT_LIMIT: ThrottleLimit = { maxFailures: 5, windowMs: FIFTEEN_MINUTES };
export const DEFAULT_CLIENT_LIMIT: ThrottleLimit = { maxFailures: 20, windowMs: FIFTEEN_MINUTES };

/** The key used when the client address cannot be trusted: all such clients share one budget. */
export const UNKNOWN_CLIENT = 'unknown';

class FailureLog {
  // Insertion order doubles as least-recently-failed order for eviction.
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: ThrottleLimit,
    private readonly maxKeys: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.limit.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  /** Seconds until the oldest counted failure leaves the window, or 0 when not locked. */
  retryAfterSeconds(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.limit.maxFailures) return 0;
    const unlockAt = times[times.length - this.limit.maxFailures] + this.limit.windowMs;
    return Math.max(1, Math.ceil((unlockAt - now) / 1000));
  }

  record(key: string, now: number): void {
    // Keep only as many timestamps as the limit needs; older ones cannot change the verdict.
    const times = [...this.recent(key, now), now].slice(-this.limit.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Without a trusted proxy every client shares the "unknown" key. At the per-client limit, 20 typos
 * anywhere would lock everybody out for 15 minutes; the shared key gets this many times the limit,
 * still stopping a password spray while the per-account limit protects each account.
 */
export const SHARED_CLIENT_FACTOR = 10;

export class LoginThrottle {
  private readonly accounts: FailureLog;
  private readonly clients: FailureLog;
  private readonly shared: FailureLog;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    const maxKeys = options.maxTrackedKeys ?? 10_000;
    const perClient = options.perClient ?? DEFAULT_CLIENT_LIMIT;
    this.accounts = new FailureLog(options.perAccount ?? DEFAULT_ACCOUNT_LIMIT, maxKeys);
    this.clients = new FailureLog(perClient, maxKeys);
    this.shared = new FailureLog({ ...perClient, maxFailures: perClient.maxFailures * SHARED_CLIENT_FACTOR }, 1);
    this.now = options.now ?? Date.now;
  }

  private clientLog(client: string): FailureLog {
    return client === UNKNOWN_CLIENT ? this.shared : this.clients;
  }

  /** Ask before verifying the password: a locked attempt must not reach bcrypt at all. */
  check(account: string, client: string): ThrottleVerdict {
    const now = this.now();
    const accountWait = this.accounts.retryAfterSeconds(account, now);
    const clientWait = this.clientLog(client).retryAfterSeconds(client, now);
    if (accountWait === 0 && clientWait === 0) return { allowed: true };
    return accountWait >= clientWait
      ? { allowed: false, scope: 'account', retryAfterSeconds: accountWait }
      : { allowed: false, scope: 'client', retryAfterSeconds: clientWait };
  }

  recordFailure(account: string, client: string): void {
    const now = this.now();
    this.accounts.record(account, now);
    this.clientLog(client).record(client, now);
  }

  /**
   * A successful sign-in clears the account's count but not the client's: otherwise an attacker
   * holding one valid account could reset their budget between guesses at other accounts.
   */
  recordSuccess(account: string): void {
    this.accounts.clear(account);
  }
}

/**
 * The client key for throttling. `X-Forwarded-For` is set by whoever connects, so it is only used
 * when TRUST_PROXY=1 says a reverse proxy we control appends the real address; then the right-most
 * entry (added by that proxy) is the one that cannot be forged. Without a trusted proxy, Next.js
 * gives us no socket address in a server action, so every client shares the "unknown" budget.
 */
export function clientKeyFromHeaders(headers: Headers, env: EnvVars = process.env): string {
  if (env.TRUST_PROXY !== '1') return UNKNOWN_CLIENT;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  const nearest = hops.at(-1);
  return nearest && nearest.length <= 64 ? nearest : UNKNOWN_CLIENT;
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
