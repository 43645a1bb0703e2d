/**
 * How a requested chart window becomes the window read from NCM: bounds rounded to the minute (so
 * everyone looking at "the last 24 h" in the same minute shares one read), the end kept at least a
 * minute in the past (NCM may still be writing the current minute, and paging a window that grows
 * would shift its pages), the start moved up to what NCM still keeps.
 */
import type { TimeWindow } from '@/lib/ncm';

const MINUTE = 60_000;

/** How far behind now a window must end: NCM is still writing the last minute. */
const SETTLE_MS = MINUTE;
/** A window that ended this long ago no longer changes (late reports have arrived): cached long. */
export const CLOSED_AFTER_MS = 10 * MINUTE;

/** How long NCM keeps each series. */
export const RETENTION_MS = {
  signal: 7 * 24 * 60 * MINUTE,
  usage: 90 * 24 * 60 * MINUTE,
  locations: 365 * 24 * 60 * MINUTE,
  // NCM does not document it; 90 days is the longest window a chart may ask for anyway.
  routerStates: 90 * 24 * 60 * MINUTE,
} as const;
export type SeriesKind = keyof typeof RETENTION_MS;

export interface SeriesWindow {
  /** What will be read: [fromMs, toMs), whole minutes. Empty (from ≥ to) when nothing is kept. */
  window: TimeWindow;
  requested: TimeWindow;
  /** The start was moved later because NCM no longer keeps older records. */
  clampedToRetention: boolean;
  /** The end was moved earlier, to a minute ago. */
  clampedToNow: boolean;
  /** The window has ended and will not change. */
  closed: boolean;
  retentionMs: number;
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

export function seriesWindow(kind: SeriesKind, requested: TimeWindow, now: number): SeriesWindow {
  const retentionMs = RETENTION_MS[kind];
  const oldest = ceilMinute(now - retentionMs);
  const latest = floorMinute(now - SETTLE_MS);
  const wantFrom = floorMinute(requested.fromMs);
  const wantTo = ceilMinute(requested.toMs);
  const fromMs = Math.max(wantFrom, oldest);
  const toMs = Math.min(wantTo, latest);
  return {
    window: { fromMs, toMs: Math.max(fromMs, toMs) },
    requested,
    clampedToRetention: wantFrom < oldest,
    clampedToNow: wantTo > latest,
    closed: toMs <= now - CLOSED_AFTER_MS,
    retentionMs,
  };
}

/**
 * Each series is read in chunks aligned to multiples of this span since the epoch (UTC), each about
 * a page of records. Inner chunks are the same for "last 24 h" and "last 7 days" and, once ended, for
 * every later minute: a chart that stays open re-reads only its two edge chunks each minute.
 */
export const CHUNK_MS: Record<SeriesKind, number> = {
  // 288 five-minute samples.
  signal: 24 * 60 * MINUTE,
  // 480 fifteen-minute samples.
  usage: 5 * 24 * 60 * MINUTE,
  // 360 one-minute fixes.
  locations: 6 * 60 * MINUTE,
  // State changes are rare.
  routerStates: 7 * 24 * 60 * MINUTE,
};

/** The aligned chunks [from, to) that cover a window exactly, oldest first. */
export function chunkWindow(kind: SeriesKind, window: TimeWindow): TimeWindow[] {
  const span = CHUNK_MS[kind];
  const chunks: TimeWindow[] = [];
  for (let from = window.fromMs; from < window.toMs; ) {
    const to = Math.min(window.toMs, (Math.floor(from / span) + 1) * span);
    chunks.push({ fromMs: from, toMs: to });
    from = to;
  }
  return chunks;
}

export function isEmptyWindow(w: TimeWindow): boolean {
  return w.toMs <= w.fromMs;
}
