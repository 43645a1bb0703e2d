/**
 * A small in-process cache for raw upstream data: single-flight (concurrent misses share one load),
 * stale-while-revalidate (a value a little past `freshMs` is served while one refresh runs) and
 * stale-if-error (a failed refresh keeps the last value until `maxStaleMs`). It never holds per-user
 * output: callers cache what NCM said and authorize before they ask.
 *
 * Ages, for a key that has a value:
 *   ≤ freshMs                 served as is;
 *   ≤ freshMs + revalidateMs  served, and one refresh starts in the background;
 *   older                     the caller waits for the refresh, so a page opened after a quiet hour
 *                             does not show hour-old data — unless the refresh fails (then the old
 *                             value is served, `failing`, until maxStaleMs) or `preferStale` says the
 *                             wait would be long (then it is served, `waiting`, and refreshed behind).
 */

export interface CacheHit<T> {
  value: T;
  /** When the value was loaded (ms since epoch). */
  fetchedAt: number;
  /** True when the value is past its freshness (a refresh failed, is running or is queued). */
  stale: boolean;
  /** True when the last refresh failed: the value is what NCM said before it stopped answering. */
  failing: boolean;
  /** True when a refresh is queued behind a long wait (the NCM call budget) and this is the old value. */
  waiting: boolean;
}

interface Entry<T> {
  value?: T;
  fetchedAt?: number;
  inflight?: Promise<T>;
  lastError?: unknown;
}

export interface SwrCacheOptions {
  freshMs: number;
  maxStaleMs: number;
  /** How long past freshness a value is still served while it refreshes (default: up to maxStaleMs). */
  revalidateMs?: number;
  now?: () => number;
  maxEntries?: number;
}

export interface GetOptions {
  /** Asked when a caller would have to wait for a refresh: true serves the old value instead. */
  preferStale?: () => boolean;
  /** Overrides the cache's freshness for this key (e.g. a closed time window never changes). */
  freshMs?: number;
}

export class SwrCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: SwrCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, load: () => Promise<T>, opts: GetOptions = {}): Promise<CacheHit<T>> {
    const entry = this.entryFor(key);
    const age = entry.fetchedAt === undefined ? Number.POSITIVE_INFINITY : this.now() - entry.fetchedAt;
    const freshMs = opts.freshMs ?? this.options.freshMs;
    const revalidateUntil = freshMs + (this.options.revalidateMs ?? this.options.maxStaleMs);
    const has = entry.value !== undefined;
    const hit = (waiting: boolean): CacheHit<T> => ({
      value: entry.value as T,
      fetchedAt: entry.fetchedAt as number,
      stale: age > freshMs,
      failing: entry.lastError !== undefined,
      waiting,
    });

    if (has && age <= freshMs) return hit(false);
    const servable = has && age <= this.options.maxStaleMs;
    if (servable && (age <= revalidateUntil || opts.preferStale?.())) {
      // Serve what we have; refresh once in the background. A failure keeps the old value.
      const queued = age > revalidateUntil;
      this.refresh(key, entry, load).catch(() => undefined);
      return hit(queued);
    }
    try {
      await this.refresh(key, entry, load);
      return {
        value: entry.value as T,
        fetchedAt: entry.fetchedAt as number,
        stale: false,
        failing: false,
        waiting: false,
      };
    } catch (err) {
      if (servable) return hit(false);
      throw err;
    }
  }

  /** The value held for a key, without loading (undefined when none). */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** Puts a value we know to be current (e.g. the answer to our own write). */
  set(key: string, value: T): void {
    const entry = this.entryFor(key);
    entry.value = value;
    entry.fetchedAt = this.now();
    entry.lastError = undefined;
  }

  /** Drops a key so the next get loads afresh (after a write changed the data behind it). */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private entryFor(key: string): Entry<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
      const max = this.options.maxEntries ?? 500;
      if (this.entries.size > max) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined && oldest !== key) this.entries.delete(oldest);
      }
    }
    return entry;
  }

  private refresh(key: string, entry: Entry<T>, load: () => Promise<T>): Promise<T> {
    if (entry.inflight) return entry.inflight;
    const inflight = load().then(
      (value) => {
        entry.value = value;
        entry.fetchedAt = this.now();
        entry.lastError = undefined;
        entry.inflight = undefined;
        return value;
      },
      (error: unknown) => {
        entry.lastError = error;
        entry.inflight = undefined;
        if (entry.value === undefined) this.entries.delete(key);
        throw error;
      },
    );
    entry.inflight = inflight;
    return inflight;
  }
}
