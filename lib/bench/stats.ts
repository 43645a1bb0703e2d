/** Small helpers for benchmark numbers. */
import { keyHeaders } from '../simulator/keys';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The simulator's key headers, for the anchors that call it directly. */
export function simHeaders(keys: {
  cpApiId: string;
  cpApiKey: string;
  ecmApiId: string;
  ecmApiKey: string;
}): Record<string, string> {
  return { ...keyHeaders(keys), Accept: 'application/json' };
}

/** Frame gaps of several windows (pans, zooms) pooled: p95 and max of every gap, and how many. */
export function pooledFrames(windows: ReadonlyArray<{ frames: { gaps: number[] } }>): {
  frames: number;
  p95Ms: number | null;
  maxMs: number | null;
} {
  const gaps = windows.flatMap((w) => w.frames.gaps);
  return {
    frames: gaps.length,
    p95Ms: gaps.length > 0 ? round(percentile(gaps, 95), 1) : null,
    maxMs: gaps.length > 0 ? Math.max(...gaps) : null,
  };
}

/**
 * One frame at 60 Hz as a page's clock sees it: rAF timestamps land 16.6–16.9 ms apart at a steady
 * 60 fps, so a frame-time p95 of 16.8 ms is every frame on time, not a missed one.
 */
export const ONE_FRAME_MS = 17.2;
