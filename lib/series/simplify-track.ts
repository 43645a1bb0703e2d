/**
 * Douglas–Peucker line simplification, iterative (an explicit stack instead of recursion, so a
 * million-point track cannot overflow the call stack), measuring each point's distance to the
 * *segment* between the kept points around it. That makes the guarantee simple: every dropped point
 * lies within the tolerance of the drawn line. Browser-safe and pure.
 *
 * One run records each point's significance: the distance at which Douglas–Peucker would keep it,
 * capped by that of the split that exposed it. A point is kept at tolerance ε exactly when its
 * significance is above ε, so every zoom level of a pyramid is a filter over one run, not a new run.
 */

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
export function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let u = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (u < 0) u = 0;
  else if (u > 1) u = 1;
  const ex = ax + u * dx - px;
  const ey = ay + u * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Significance per point (distance units of x/y): Infinity for the endpoints, 0 for points that lie
 * on the line. `simplifyTrack` at tolerance ε keeps the points with significance > ε.
 */
export function trackSignificance(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const n = x.length;
  const sig = new Float64Array(n);
  if (n === 0) return sig;
  sig[0] = Number.POSITIVE_INFINITY;
  sig[n - 1] = Number.POSITIVE_INFINITY;
  // Stack of (first, last, cap): segments still to split, with the significance of their parent split.
  const stack: number[] = [0, n - 1, Number.POSITIVE_INFINITY];
  while (stack.length > 0) {
    const cap = stack.pop()!;
    const last = stack.pop()!;
    const first = stack.pop()!;
    if (last - first < 2) continue;
    const ax = x[first]!;
    const ay = y[first]!;
    const bx = x[last]!;
    const by = y[last]!;
    let far = -1;
    let farSq = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(x[i]!, y[i]!, ax, ay, bx, by);
      if (d > farSq) {
        farSq = d;
        far = i;
      }
    }
    const s = Math.min(Math.sqrt(farSq), cap);
    sig[far] = s;
    stack.push(first, far, s, far, last, s);
  }
  return sig;
}

/** Indices of the points kept at `tolerance` (ascending; endpoints always). */
export function keptAt(significance: ArrayLike<number>, tolerance: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < significance.length; i++) if (significance[i]! > tolerance) kept.push(i);
  return kept;
}

/** Douglas–Peucker: indices of the points to draw so no dropped point is further than `tolerance`. */
export function simplifyTrack(x: ArrayLike<number>, y: ArrayLike<number>, tolerance: number): number[] {
  return keptAt(trackSignificance(x, y), tolerance);
}
