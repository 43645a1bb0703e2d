/**
 * Retry timing for idempotent NCM calls: capped exponential backoff with full jitter (AWS Builders'
 * Library) so a fleet of retries does not re-synchronise, and `Retry-After` when NCM sends one.
 */

const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 4_000;
/** A `Retry-After` longer than this is not waited out inside a request: the caller gets rate_limited. */
export const MAX_RETRY_AFTER_MS = 10_000;

/** Full jitter: uniform in [0, min(cap, base·2^retry)). `retry` counts from 0. */
export function backoffDelayMs(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delta-seconds or HTTP-date) into milliseconds; null when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
