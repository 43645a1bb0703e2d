/**
 * A track simplified for every map zoom level from one Douglas–Peucker run. At zoom z the tolerance
 * is `pixelTolerance` pixels in Web Mercator metres; a track that would still draw more than its
 * vertex budget at that tolerance (a bus looping one route for a week) is simplified further, to
 * exactly the budget, and the level says which tolerance it really used. Browser-safe and pure.
 */
import { metresPerPixel, projectTrack } from './mercator';
import { keptAt, trackSignificance } from './simplify-track';

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 20;
/** Vertices allowed per pixel of viewport width. */
export const VERTICES_PER_PIXEL = 2;

export interface TrackLevel {
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
}

/**
 * The most vertices a level may have: 2 per pixel of the viewport, or of the track's own extent at
 * that zoom when it is wider than one viewport (then only part of it is visible at once).
 */
export function vertexBudget(viewportWidth: number, extentPx: number): number {
  return Math.max(2, Math.floor(VERTICES_PER_PIXEL * Math.max(viewportWidth, extentPx)));
}

export function buildTrackPyramid(lat: ArrayLike<number>, lon: ArrayLike<number>, opts: PyramidOptions = {}): TrackPyramid {
  const pixelTolerance = opts.pixelTolerance ?? 1;
  const { x, y } = projectTrack(lat, lon);
  const significance = trackSignificance(x, y);
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
  return {
    size: x.length,
    level(zoomIn, viewportWidth) {
      const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(zoomIn)));
      const mpp = metresPerPixel(zoom);
      const budget = vertexBudget(viewportWidth, extentMetres / mpp);
      let tolerance = pixelTolerance * mpp;
      // Keeping `budget` points needs a tolerance at or above the (budget+1)-th significance.
      if (ranked.length > budget) tolerance = Math.max(tolerance, ranked[budget]!);
      const indices = x.length === 0 ? [] : keptAt(significance, tolerance);
      return { zoom, indices, toleranceMetres: tolerance, tolerancePx: tolerance / mpp };
    },
  };
}
