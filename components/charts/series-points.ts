import type { SeriesLineDto } from '@/lib/dto/series';

export interface SeriesPoint {
  t: number;
  v: number | null;
}

/** A line as recharts points; a null value is a gap (recharts draws no line across it). */
export function toPoints(line: SeriesLineDto): SeriesPoint[] {
  return line.t.map((t, i) => ({ t, v: line.v[i] ?? null }));
}

/**
 * The line's value nearest to `t` within `maxDistance` ms (null in a gap or too far): each line has
 * its own points, and the tooltip shows every line at the hovered time.
 */
export function valueAt(line: SeriesLineDto, t: number, maxDistance: number): number | null {
  const ts = line.t;
  if (ts.length === 0) return null;
  let lo = 0;
  let hi = ts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  let best = lo;
  if (lo > 0 && Math.abs(ts[lo - 1]! - t) <= Math.abs(ts[lo]! - t)) best = lo - 1;
  if (Math.abs(ts[best]! - t) > maxDistance) return null;
  return line.v[best] ?? null;
}
