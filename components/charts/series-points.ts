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

/** A linear map from one axis value to a pixel: what the chart's axis scale does for a number axis. */
export interface AxisMap {
  /** Pixel of value 0 … */
  offset: number;
  /** … and pixels per unit. */
  scale: number;
}

/** The map through two known points of an axis (a value and its pixel, twice). */
export function axisMap(v0: number, p0: number, v1: number, p1: number): AxisMap {
  const scale = v1 === v0 ? 0 : (p1 - p0) / (v1 - v0);
  return { offset: p0 - v0 * scale, scale };
}

/** A pixel coordinate to a tenth of a pixel: finer is invisible and only lengthens the path. */
export const tenth = (p: number) => Math.round(p * 10) / 10;

/**
 * Series paths are written in whole tenths of a pixel and drawn at scale(1 / PATH_UNITS): a
 * browser prints and parses integers several times faster than decimals (building a 10,000-point
 * path took 2.6 ms with decimals, 0.4 ms with integers), and the precision is the same.
 */
export const PATH_UNITS = 10;
const units = (p: number) => Math.round(p * PATH_UNITS);

/**
 * A step of a relative SVG path, "dx,dy": a comma only where the sign of dy does not already part the
 * two numbers. Relative steps are short (a few digits each), which is most of what keeps a path that
 * crosses the chart a thousand times quick to build, to hand to the browser and to parse.
 */
const step = (dx: number, dy: number) => (dy < 0 ? `${dx}${dy}` : `${dx},${dy}`);

/**
 * The SVG path of a line, in PATH_UNITS: one segment through its points, the pen lifted at each null
 * (a gap stays a gap) and a lone point between gaps drawn as a dot-sized stroke so it does not vanish.
 * Built as one string of relative steps from each stretch's first point, so the browser draws
 * thousands of points as a single element. Every point is rounded before the steps between them are
 * taken, so the steps add up to exactly the rounded points.
 */
export function linePath(line: SeriesLineDto, x: AxisMap, y: AxisMap): string {
  let d = '';
  /** Points so far in the current stretch (a gap starts a new one). */
  let points = 0;
  let lastX = 0;
  let lastY = 0;
  for (let i = 0; i < line.t.length; i++) {
    const v = line.v[i];
    if (v === null || v === undefined) {
      if (points === 1) d += 'h1';
      points = 0;
      continue;
    }
    const px = units(x.offset + line.t[i]! * x.scale);
    const py = units(y.offset + v * y.scale);
    if (points === 0) d += `M${px},${py}`;
    else d += `${points === 1 ? 'l' : ' '}${step(px - lastX, py - lastY)}`;
    points += 1;
    lastX = px;
    lastY = py;
  }
  if (points === 1) d += 'h1';
  return d;
}

/**
 * A line with more readings than the plot has pixels: the server sent each pixel's lowest and
 * highest reading, and the chart draws it as a band with its middle.
 */
export function isDense(line: SeriesLineDto, plotWidth: number): boolean {
  return line.t.length > plotWidth;
}

/**
 * A dense line drawn as a band and its middle:
 * - `band`, in whole pixels (drawn on pixel centres): for each pixel column, a one-pixel stroke
 *   from its highest to its lowest reading (the server sends exactly those two per pixel of a long
 *   window; strokes rather than one outline, so the browser rasterizes plain vertical runs);
 * - `middle`, in PATH_UNITS: a line through the middle of each column's range, lifted at gaps; a lone
 *   column still gets a dot.
 * Both as relative steps, like linePath.
 */
export function bandPaths(line: SeriesLineDto, x: AxisMap, y: AxisMap): { band: string; middle: string } {
  // One pass, no per-column objects: a million-sample window is a few thousand columns per series,
  // drawn on every paint of the chart.
  let band = '';
  let middle = '';
  let column = Number.NaN;
  let lo = 0;
  let hi = 0;
  /** Columns so far in the current stretch (a gap starts a new one). */
  let columns = 0;
  /** Where the last band stroke and the middle line ended. */
  let bandX = Number.NaN;
  let bandY = 0;
  let middleX = 0;
  let middleY = 0;
  const close = () => {
    if (Number.isNaN(column)) return;
    const mx = column * PATH_UNITS;
    const my = Math.round((lo + hi) / 2);
    if (columns === 0) middle += `M${mx},${my}`;
    else middle += `${columns === 1 ? 'l' : ' '}${step(mx - middleX, my - middleY)}`;
    middleX = mx;
    middleY = my;
    if (lo !== hi) {
      const top = Math.round(hi / PATH_UNITS);
      const bottom = Math.round(lo / PATH_UNITS);
      band += Number.isNaN(bandX) ? `M${column},${top}` : `m${step(column - bandX, top - bandY)}`;
      band += `v${bottom - top}`;
      bandX = column;
      bandY = bottom;
    }
    columns += 1;
    column = Number.NaN;
  };
  const endStretch = () => {
    close();
    if (columns === 1) middle += 'h1';
    columns = 0;
  };
  for (let i = 0; i < line.t.length; i++) {
    const v = line.v[i];
    if (v === null || v === undefined) {
      endStretch();
      continue;
    }
    const px = Math.round(x.offset + line.t[i]! * x.scale);
    const py = units(y.offset + v * y.scale);
    if (px === column) {
      if (py > lo) lo = py;
      if (py < hi) hi = py;
    } else {
      close();
      column = px;
      lo = py;
      hi = py;
    }
  }
  endStretch();
  return { band, middle };
}
