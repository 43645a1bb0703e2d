/**
 * A small in-process cache for raw upstream data: single-flight (concurrent misses share one load),
 * stale-while-revalidate (a value past `freshMs` is served while one refresh runs) and stale-if-error
 * (a failed refresh keeps the last value until `maxStaleMs`). It never holds per-user output: callers
 * cache what NCM said and authorize before they ask.
 */

export interface CacheHit<T> {
  value: T;
  /** When the value was loaded (ms since epoch). */
  fetchedAt: number;
  /** True when the value is past its freshness (a refresh failed or is running). */
  stale: boolean;
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
  now?: () => number;
  maxEntries?: number;
}

export class SwrCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: SwrCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, load: () => Promise<T>): Promise<CacheHit<T>> {
    const entry = this.entryFor(key);
    const age = entry.fetchedAt === undefined ? Number.POSITIVE_INFINITY : this.now() - entry.fetchedAt;

    if (entry.value !== undefined && age <= this.options.freshMs) {
      return { value: entry.value, fetchedAt: entry.fetchedAt!, stale: false };
    }
    if (entry.value !== undefined && age <= this.options.maxStaleMs) {
      // Serve what we have; refresh once in the background. A failure keeps the old value.
      this.refresh(key, entry, load).catch(() => undefined);
      return { value: entry.value, fetchedAt: entry.fetchedAt!, stale: true };
    }
    const value = await this.refresh(key, entry, load);
    return { value, fetchedAt: entry.fetchedAt!, stale: false };
  }

  /** Drops a key so the next get loads afresh (after a write changed the data behind it). */
  invalidate(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
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
