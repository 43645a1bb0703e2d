/**
 * Web Mercator (the projection of every slippy map, Leaflet's default included). Tracks are simplified
 * in projected metres, where a map pixel has the same size everywhere at one zoom level, so a
 * tolerance of "one pixel at zoom z" is one number.
 */

const EARTH_RADIUS_M = 6_378_137;
/** Web Mercator's latitude limit: beyond it y is unbounded. */
const MAX_LATITUDE = 85.05112878;
const TILE_SIZE_PX = 256;

/** Projected metres covered by one pixel at `zoom` (156,543 m at zoom 0, halving per level). */
export function metresPerPixel(zoom: number): number {
  return (2 * Math.PI * EARTH_RADIUS_M) / (TILE_SIZE_PX * 2 ** zoom);
}

function projectX(lonDeg: number): number {
  return (EARTH_RADIUS_M * lonDeg * Math.PI) / 180;
}

function projectY(latDeg: number): number {
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latDeg));
  const phi = (lat * Math.PI) / 180;
  return EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/** Projects a track into two Float64Arrays of projected metres. */
export function projectTrack(lat: ArrayLike<number>, lon: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  const n = lat.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = projectX(lon[i]!);
    y[i] = projectY(lat[i]!);
  }
  return { x, y };
}
