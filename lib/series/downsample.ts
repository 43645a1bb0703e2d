/**
 * Server-side downsampling of time series for charts: min/max per pixel bucket. Each horizontal pixel
 * of the chart gets at most the lowest and the highest sample that falls in it, in time order, so a
 * dip or a spike of a single sample survives at any zoom (an average would hide exactly the dead spot
 * a technician is looking for). Browser-safe and pure.
 *
 * Gaps: where consecutive samples are much further apart than the series' usual step (a router that
 * was offline), a break (`v: null`) is emitted so the chart draws no line across the hole. A break
 * is only drawn where at least one whole pixel is empty, and it takes that empty pixel's share of the
 * budget, so the result never exceeds 2 × width points.
 */

/** One series after downsampling: parallel arrays; `v: null` marks a break in the line. */
export interface DownsampledSeries {
  /** ms since epoch, ascending. */
  t: number[];
  v: (number | null)[];
}

export interface DownsampleOptions {
  /** Chart width in pixels: the result has at most 2 × width points (breaks included). */
  width: number;
  /** The chart's time axis; defaults to the first and last sample. Samples outside are dropped. */
  from?: number;
  to?: number;
  /** A step longer than this is a gap. Default: GAP_FACTOR × the typical (median) step. */
  gapMs?: number;
}

/** How many typical steps without a sample make a gap. */
const GAP_FACTOR = 3;

/** Points allowed per pixel of chart width. */
const POINTS_PER_PIXEL = 2;

/** The median of the positive steps between consecutive times (0 with fewer than two). */
export function typicalStep(t: ArrayLike<number>): number {
  // A strided sample of the steps is enough for a median and keeps this cheap on huge inputs.
  const stride = Math.max(1, Math.floor((t.length - 1) / 10_000));
  const sample: number[] = [];
  for (let i = 1; i < t.length; i += stride) {
    const d = t[i]! - t[i - 1]!;
    if (d > 0) sample.push(d);
  }
  if (sample.length === 0) return 0;
  sample.sort((a, b) => a - b);
  return sample[Math.floor(sample.length / 2)]!;
}

/** The gap threshold for a time axis: GAP_FACTOR typical steps (Infinity when there is no step). */
export function gapThreshold(t: ArrayLike<number>): number {
  const step = typicalStep(t);
  return step > 0 ? step * GAP_FACTOR : Number.POSITIVE_INFINITY;
}

function usable(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** The window and gap rule shared by every column of one time axis. */
interface Axis {
  width: number;
  budget: number;
  gapMs: number;
  from: number;
  to: number;
  /** Each pixel bucket's first sample index, computed once per axis when a column needs it. */
  starts: Int32Array | null;
}

function axisOf(t: ArrayLike<number>, opts: DownsampleOptions): Axis {
  const width = Math.max(1, Math.floor(opts.width));
  return {
    width,
    budget: POINTS_PER_PIXEL * width,
    gapMs: opts.gapMs ?? gapThreshold(t),
    from: opts.from ?? (t.length > 0 ? t[0]! : 0),
    to: opts.to ?? (t.length > 0 ? t[t.length - 1]! : 0),
    starts: null,
  };
}

/**
 * Downsamples one series. `t` ascending; `v[i] === null` means "not reported" and is treated like a
 * missing sample (a long run of them is a gap).
 */
export function downsample(
  t: ArrayLike<number>,
  v: ArrayLike<number | null>,
  opts: DownsampleOptions,
): DownsampledSeries {
  return downsampleOn(axisOf(t, opts), t, v);
}

function downsampleOn(axis: Axis, t: ArrayLike<number>, v: ArrayLike<number | null>): DownsampledSeries {
  const { budget, gapMs, from, to } = axis;
  // First pass: do the usable samples and gaps already fit? Then they are sent as they are. It stops
  // as soon as they do not: on a million samples that is after a few thousand.
  let count = 0;
  let gaps = 0;
  let prev = -1;
  for (let i = 0; i < t.length && count + gaps <= budget; i++) {
    if (!usable(v[i]) || t[i]! < from || t[i]! > to) continue;
    if (prev >= 0 && t[i]! - t[prev]! > gapMs) gaps++;
    count++;
    prev = i;
  }
  if (count + gaps <= budget) return everySample(t, v, from, to, gapMs);
  axis.starts ??= bucketStarts(t, axis);
  return bucketed(t, v, axis.starts, axis.width, gapMs);
}

function everySample(
  t: ArrayLike<number>,
  v: ArrayLike<number | null>,
  from: number,
  to: number,
  gapMs: number,
): DownsampledSeries {
  const out: DownsampledSeries = { t: [], v: [] };
  let prev = -1;
  for (let i = 0; i < t.length; i++) {
    const value = v[i];
    if (!usable(value) || t[i]! < from || t[i]! > to) continue;
    if (prev >= 0 && t[i]! - t[prev]! > gapMs) {
      out.t.push((t[prev]! + t[i]!) / 2);
      out.v.push(null);
    }
    out.t.push(t[i]!);
    out.v.push(value);
    prev = i;
  }
  return out;
}

/** The first index in [lo, hi) where `past(i)` holds (hi if nowhere); `past` must be monotone. */
function firstWhere(lo: number, hi: number, past: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Where each pixel bucket begins: bucket b holds the samples starts[b] ≤ i < starts[b + 1] (samples
 * outside [from, to] in none). Found by binary search on the ascending times, so the cost follows the
 * chart's width rather than the number of samples, and every column of the axis reuses it.
 */
function bucketStarts(t: ArrayLike<number>, axis: Axis): Int32Array {
  const { width, from, to } = axis;
  const span = to - from;
  const bucketOf = (time: number) => (span <= 0 ? 0 : Math.min(width - 1, Math.floor(((time - from) * width) / span)));
  const first = firstWhere(0, t.length, (i) => t[i]! >= from);
  const end = firstWhere(first, t.length, (i) => t[i]! > to);
  const starts = new Int32Array(width + 1);
  starts[0] = first;
  starts[width] = end;
  for (let b = 1; b < width; b++) starts[b] = firstWhere(starts[b - 1]!, end, (i) => bucketOf(t[i]!) >= b);
  return starts;
}

function bucketed(
  t: ArrayLike<number>,
  v: ArrayLike<number | null>,
  starts: Int32Array,
  width: number,
  gapMs: number,
): DownsampledSeries {
  const out: DownsampledSeries = { t: [], v: [] };
  let lastBucket = -1;
  let last = -1;
  for (let b = 0; b < width; b++) {
    let lo = -1;
    let hi = -1;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    let begin = -1;
    let end = -1;
    for (let i = starts[b]!; i < starts[b + 1]!; i++) {
      const value = v[i];
      if (!usable(value)) continue;
      if (begin < 0) begin = i;
      // Strict comparisons keep the first of equal extremes.
      if (value < low) {
        low = value;
        lo = i;
      }
      if (value > high) {
        high = value;
        hi = i;
      }
      end = i;
    }
    if (lo < 0) continue;
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    // A gap with at least one empty pixel inside gets a break, charged to that empty pixel.
    if (last >= 0 && t[begin]! - t[last]! > gapMs && b - lastBucket >= 2) {
      out.t.push((t[last]! + t[begin]!) / 2);
      out.v.push(null);
    }
    out.t.push(t[first]!);
    out.v.push(v[first] as number);
    if (second !== first) {
      out.t.push(t[second]!);
      out.v.push(v[second] as number);
    }
    lastBucket = b;
    last = end;
  }
  return out;
}

/** Several series on one time axis (RSRP, RSRQ, SINR, RSSI of one modem): same buckets, same gaps. */
export function downsampleColumns<K extends string>(
  t: ArrayLike<number>,
  columns: Readonly<Record<K, ArrayLike<number | null>>>,
  opts: DownsampleOptions,
): Record<K, DownsampledSeries> {
  const axis = axisOf(t, opts);
  const out = {} as Record<K, DownsampledSeries>;
  for (const key of Object.keys(columns) as K[]) out[key] = downsampleOn(axis, t, columns[key]);
  return out;
}
