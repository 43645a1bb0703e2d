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
 * The SVG path of a line: one segment through its points, the pen lifted at each null (a gap stays
 * a gap) and a lone point between gaps drawn as a dot-sized stroke so it does not vanish. Built as
 * one string, so the browser draws thousands of points as a single element.
 */
export function linePath(line: SeriesLineDto, x: AxisMap, y: AxisMap): string {
  let d = '';
  let open = false;
  let lone = false;
  for (let i = 0; i < line.t.length; i++) {
    const v = line.v[i];
    if (v === null || v === undefined) {
      if (lone) d += 'h0.1';
      open = false;
      lone = false;
      continue;
    }
    const px = tenth(x.offset + line.t[i]! * x.scale);
    const py = tenth(y.offset + v * y.scale);
    if (open) {
      d += `L${px},${py}`;
      lone = false;
    } else {
      d += `M${px},${py}`;
      open = true;
      lone = true;
    }
  }
  if (lone) d += 'h0.1';
  return d;
}

/**
 * A line with more readings than the plot has pixels: the server sent each pixel's lowest and
 * highest reading, and the chart draws it as a band with its middle.
 */
export function isDense(line: SeriesLineDto, plotWidth: number): boolean {
  return line.t.length > plotWidth;
}

interface Column {
  x: number;
  /** Pixel rows of the column's lowest and highest reading (a higher reading is nearer the top). */
  lo: number;
  hi: number;
}

/** A line's readings gathered by pixel column, in stretches that a gap (null) ends. */
function columnStretches(line: SeriesLineDto, x: AxisMap, y: AxisMap): Column[][] {
  const stretches: Column[][] = [];
  let columns: Column[] = [];
  for (let i = 0; i < line.t.length; i++) {
    const v = line.v[i];
    if (v === null || v === undefined) {
      if (columns.length > 0) stretches.push(columns);
      columns = [];
      continue;
    }
    const px = Math.round(x.offset + line.t[i]! * x.scale);
    const py = tenth(y.offset + v * y.scale);
    const last = columns.at(-1);
    if (last && last.x === px) {
      last.lo = Math.max(last.lo, py);
      last.hi = Math.min(last.hi, py);
    } else columns.push({ x: px, lo: py, hi: py });
  }
  if (columns.length > 0) stretches.push(columns);
  return stretches;
}

/**
 * A dense line drawn as a band and its middle: for each pixel column, a one-pixel stroke from its
 * lowest to its highest reading (the server sends exactly those two per pixel of a long window;
 * strokes rather than one outline, so the browser rasterizes plain vertical runs), and a line through
 * the middle of each column's range, lifted at gaps. A lone column still gets a dot of a line.
 */
export function bandPaths(line: SeriesLineDto, x: AxisMap, y: AxisMap): { band: string; middle: string } {
  let band = '';
  let middle = '';
  for (const columns of columnStretches(line, x, y)) {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      middle += `${i === 0 ? 'M' : 'L'}${c.x},${tenth((c.lo + c.hi) / 2)}`;
      if (c.lo !== c.hi) band += `M${c.x},${c.hi}V${c.lo}`;
    }
    if (columns.length === 1) middle += 'h0.1';
  }
  return { band, middle };
}
