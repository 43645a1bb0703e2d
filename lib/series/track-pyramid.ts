/**
 * A track simplified for every map zoom level from one Douglas–Peucker run. At zoom z the tolerance
 * is `pixelTolerance` pixels in Web Mercator metres; a track that would still draw more than its
 * vertex budget at that tolerance (a bus looping one route for a week) is simplified further, to
 * exactly the budget, and the level says which tolerance it really used. Browser-safe and pure.
 */
import { gapThreshold } from './downsample';
import { metresPerPixel, projectTrack } from './mercator';
import { keptAt, trackSignificance } from './simplify-track';

const MIN_ZOOM = 0;
const MAX_ZOOM = 20;
/** Vertices allowed per pixel of viewport width. */
const VERTICES_PER_PIXEL = 2;

interface TrackLevel {
  zoom: number;
  /** Indices into the original track, ascending; first and last always included. */
  indices: number[];
  /** The largest distance of a dropped point from the drawn line, at most: projected metres. */
  toleranceMetres: number;
  /** The same in pixels at this zoom (above `pixelTolerance` only when the budget forced it). */
  tolerancePx: number;
}

export interface TrackPyramid {
  readonly size: number;
  /** The track at `zoom` for a viewport `viewportWidth` pixels wide. */
  level(zoom: number, viewportWidth: number): TrackLevel;
}

export interface PyramidOptions {
  /** Allowed error at each zoom, in pixels (default 1: invisible). */
  pixelTolerance?: number;
  /**
   * Indices where a new piece of the track starts (after a gap in the fixes: the router was off).
   * Each piece is simplified on its own, so both fixes around a gap are always kept and no drawn
   * line stands in for where the vehicle was not seen.
   */
  pieceStarts?: readonly number[];
}

/** Significance per point, each piece on its own (its ends always kept). */
function piecewiseSignificance(x: Float64Array, y: Float64Array, pieceStarts: readonly number[]): Float64Array {
  const starts = [...new Set([0, ...pieceStarts.filter((i) => i > 0 && i < x.length)])].sort((a, b) => a - b);
  if (starts.length === 1) return trackSignificance(x, y);
  const out = new Float64Array(x.length);
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = k + 1 < starts.length ? starts[k + 1]! : x.length;
    out.set(trackSignificance(x.subarray(from, to), y.subarray(from, to)), from);
  }
  return out;
}

/**
 * The most vertices a level may have: 2 per pixel of the viewport, or of the track's own extent at
 * that zoom when it is wider than one viewport (then only part of it is visible at once).
 */
export function vertexBudget(viewportWidth: number, extentPx: number): number {
  return Math.max(2, Math.floor(VERTICES_PER_PIXEL * Math.max(viewportWidth, extentPx)));
}

/** Where a track's fixes stop for longer than a gap (GAP_FACTOR usual steps): each index starts a piece. */
export function trackPieceStarts(t: ArrayLike<number>, gapMs = gapThreshold(t)): number[] {
  const starts: number[] = [];
  for (let i = 1; i < t.length; i++) if (t[i]! - t[i - 1]! > gapMs) starts.push(i);
  return starts;
}

export function buildTrackPyramid(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  opts: PyramidOptions = {},
): TrackPyramid {
  const pixelTolerance = opts.pixelTolerance ?? 1;
  const { x, y } = projectTrack(lat, lon);
  const significance = piecewiseSignificance(x, y, opts.pieceStarts ?? []);
  // Significances from highest to lowest: the k-th one is the tolerance that keeps exactly k points.
  const ranked = Float64Array.from(significance).sort().reverse();
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const extentMetres = x.length === 0 ? 0 : Math.max(maxX - minX, maxY - minY);
  let ends = 0;
  for (let i = 0; i < significance.length; i++) if (significance[i] === Number.POSITIVE_INFINITY) ends++;
  return {
    size: x.length,
    level(zoomIn, viewportWidth) {
      const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(zoomIn)));
      const mpp = metresPerPixel(zoom);
      // Every piece keeps its two ends, however small the budget.
      const budget = Math.max(vertexBudget(viewportWidth, extentMetres / mpp), ends);
      let tolerance = pixelTolerance * mpp;
      // Keeping `budget` points needs a tolerance at or above the (budget+1)-th significance.
      if (ranked.length > budget) tolerance = Math.max(tolerance, ranked[budget]!);
      const indices = x.length === 0 ? [] : keptAt(significance, tolerance);
      return { zoom, indices, toleranceMetres: tolerance, tolerancePx: tolerance / mpp };
    },
  };
}
