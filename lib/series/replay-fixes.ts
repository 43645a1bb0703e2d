/**
 * Which fixes a track's replay steps through. The drawn line is simplified per zoom (a straight road
 * keeps only its ends), but a replay shows where the vehicle was at each moment, so it needs fixes
 * spread over time: every fix when the window holds few enough, else an even spread of them. Both
 * fixes around every gap are kept, so the replay knows exactly when the router stopped reporting and
 * when it came back. Browser-safe and pure.
 */

/** Replay fixes allowed per pixel of the map's width (the timeline slider is about as wide). */
export const REPLAY_FIXES_PER_PIXEL = 2;

/**
 * Ascending indices into `n` fixes: all of them when `n <= max`, else `max` evenly spread (first and
 * last included) plus the last fix before and the first fix after each gap (`pieceStarts`).
 */
export function replayIndices(n: number, pieceStarts: readonly number[], max: number): number[] {
  if (n <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const keep = new Set<number>();
  const slots = Math.max(2, max);
  for (let k = 0; k < slots; k++) keep.add(Math.round((k * (n - 1)) / (slots - 1)));
  for (const start of pieceStarts) {
    if (start <= 0 || start >= n) continue;
    keep.add(start - 1);
    keep.add(start);
  }
  return [...keep].sort((a, b) => a - b);
}

/** Where new pieces start among the kept indices: the positions of the original piece starts. */
export function replayBreaks(kept: readonly number[], pieceStarts: readonly number[]): number[] {
  const position = new Map(kept.map((fix, i) => [fix, i]));
  const out: number[] = [];
  for (const start of pieceStarts) {
    const at = position.get(start);
    if (at !== undefined && at > 0) out.push(at);
  }
  return out.sort((a, b) => a - b);
}
