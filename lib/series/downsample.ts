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

/**
 * Downsamples one series. `t` ascending; `v[i] === null` means "not reported" and is treated like a
 * missing sample (a long run of them is a gap).
 */
export function downsample(
  t: ArrayLike<number>,
  v: ArrayLike<number | null>,
  opts: DownsampleOptions,
): DownsampledSeries {
  const width = Math.max(1, Math.floor(opts.width));
  const budget = POINTS_PER_PIXEL * width;
  const gapMs = opts.gapMs ?? gapThreshold(t);
  const from = opts.from ?? (t.length > 0 ? t[0]! : 0);
  const to = opts.to ?? (t.length > 0 ? t[t.length - 1]! : 0);

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
  return bucketed(t, v, from, to, width, gapMs);
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

function bucketed(
  t: ArrayLike<number>,
  v: ArrayLike<number | null>,
  from: number,
  to: number,
  width: number,
  gapMs: number,
): DownsampledSeries {
  const out: DownsampledSeries = { t: [], v: [] };
  const span = to - from;
  const bucketOf = (time: number) => (span <= 0 ? 0 : Math.min(width - 1, Math.floor(((time - from) * width) / span)));
  let bucket = -1;
  let lo = -1;
  let hi = -1;
  let prev = -1;
  const flush = () => {
    if (lo < 0) return;
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    out.t.push(t[first]!);
    out.v.push(v[first] as number);
    if (second !== first) {
      out.t.push(t[second]!);
      out.v.push(v[second] as number);
    }
  };
  for (let i = 0; i < t.length; i++) {
    const value = v[i];
    if (!usable(value) || t[i]! < from || t[i]! > to) continue;
    const b = bucketOf(t[i]!);
    if (b !== bucket) {
      flush();
      // A gap with at least one empty pixel inside gets a break, charged to that empty pixel.
      if (prev >= 0 && t[i]! - t[prev]! > gapMs && b - bucket >= 2) {
        out.t.push((t[prev]! + t[i]!) / 2);
        out.v.push(null);
      }
      bucket = b;
      lo = i;
      hi = i;
    } else {
      if (value < (v[lo] as number)) lo = i;
      if (value > (v[hi] as number)) hi = i;
    }
    prev = i;
  }
  flush();
  return out;
}

/** Several series on one time axis (RSRP, RSRQ, SINR, RSSI of one modem): same buckets, same gaps. */
export function downsampleColumns<K extends string>(
  t: ArrayLike<number>,
  columns: Readonly<Record<K, ArrayLike<number | null>>>,
  opts: DownsampleOptions,
): Record<K, DownsampledSeries> {
  const shared = { ...opts, gapMs: opts.gapMs ?? gapThreshold(t) };
  const out = {} as Record<K, DownsampledSeries>;
  for (const key of Object.keys(columns) as K[]) out[key] = downsample(t, columns[key], shared);
  return out;
}
