import 'server-only';
/**
 * Per-session request budget on the fleet routes. The shared snapshot already keeps NCM
 * traffic independent of viewers, but one scripted session could still burn CPU (exports, queries)
 * and crowd others out; each user gets a token bucket (default 120 requests per 10 s, burst 120;
 * an export costs 10) and is answered 429 + Retry-After beyond it. Other users are unaffected.
 * Env: FLEET_USER_REQUESTS_PER_10S.
 */
import { HttpError } from '@/lib/dto/errors';
import { fleetEnv } from '@/lib/env';
import { processSingleton, replaceProcessSingleton } from '@/lib/process-state';

interface Bucket {
  tokens: number;
  at: number;
}

export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly capacity: number,
    windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 10_000,
  ) {
    this.perMs = capacity / windowMs;
  }

  /** Spends `cost` tokens of `user` or throws a 429 HttpError with `Retry-After`. */
  take(user: string, cost = 1): void {
    const now = this.now();
    let bucket = this.buckets.get(user);
    if (!bucket) {
      bucket = { tokens: this.capacity, at: now };
      if (this.buckets.size >= this.maxUsers) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    } else {
      this.buckets.delete(user); // re-insert: the map stays ordered by last use
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(user, bucket);
    if (bucket.tokens < cost) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000));
      console.warn(`[fleet] per-user limit hit user=${user.slice(0, 64)} retryAfter=${retryAfterSeconds}s`);
      throw new HttpError(429, 'too_many_requests', 'Too many requests; slow down and try again shortly', {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    }
    bucket.tokens -= cost;
  }
}

export const EXPORT_COST = 10;

export function getUserRateLimiter(): UserRateLimiter {
  return processSingleton('fleet-user-rate-limit', () => new UserRateLimiter(fleetEnv().userRequestsPer10s, 10_000));
}

export function resetUserRateLimiter(limiter?: UserRateLimiter): void {
  replaceProcessSingleton('fleet-user-rate-limit', limiter);
}
