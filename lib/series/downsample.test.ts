import { describe, expect, it } from 'vitest';
import { downsample, downsampleColumns, gapThreshold, typicalStep } from './downsample';
import { random } from './test-support/random';

interface Series {
  t: number[];
  v: (number | null)[];
}

/** Samples every `step` ms with jitter, some long gaps, spikes and unreported values. */
function randomSeries(rnd: () => number, n: number, step = 300_000): Series {
  const t: number[] = [];
  const v: (number | null)[] = [];
  let time = 1_700_000_000_000;
  let value = -90;
  for (let i = 0; i < n; i++) {
    time += rnd() < 0.02 ? step * (4 + Math.floor(rnd() * 200)) : Math.max(1, Math.round(step * (0.9 + rnd() * 0.2)));
    value += (rnd() - 0.5) * 4;
    const spike = rnd() < 0.01 ? (rnd() - 0.5) * 80 : 0;
    t.push(time);
    v.push(rnd() < 0.03 ? null : Math.round((value + spike) * 10) / 10);
  }
  return { t, v };
}

const usable = (v: number | null): v is number => v !== null;

/** The brute-force answer per pixel bucket: the lowest and highest reported value in it. */
function bucketExtremes(s: Series, from: number, to: number, width: number): Map<number, { min: number; max: number }> {
  const out = new Map<number, { min: number; max: number }>();
  let i = 0;
  for (let b = 0; b < width; b++) {
    // Bucket b covers [from + b·span/width, from + (b+1)·span/width), the last one closed.
    const hi = from + ((to - from) * (b + 1)) / width;
    const values: number[] = [];
    while (i < s.t.length && (b === width - 1 || s.t[i]! < hi)) {
      const value = s.v[i]!;
      if (usable(value)) values.push(value);
      i++;
    }
    if (values.length > 0) out.set(b, { min: Math.min(...values), max: Math.max(...values) });
  }
  return out;
}

function checkAgainstOracle(s: Series, width: number): void {
  const out = downsample(s.t, s.v, { width });
  const from = s.t[0]!;
  const to = s.t.at(-1)!;
  const gapMs = gapThreshold(s.t);
  const reported = s.t.flatMap((time, i) => (usable(s.v[i]!) ? [{ t: time, v: s.v[i] as number }] : []));
  const inputPairs = new Set(reported.map((p) => `${p.t}:${p.v}`));

  // The budget, whatever the data.
  expect(out.t.length).toBe(out.v.length);
  expect(out.t.length).toBeLessThanOrEqual(2 * width);
  // Time order, and nothing invented: every drawn point is a sample.
  const unordered = out.t.filter((time, i) => i > 0 && time < out.t[i - 1]!);
  expect(unordered).toEqual([]);
  const invented = out.t.filter((time, i) => out.v[i] !== null && !inputPairs.has(`${time}:${out.v[i]}`));
  expect(invented).toEqual([]);

  // Every break sits inside a real gap of the input.
  for (let i = 0; i < out.t.length; i++) {
    if (out.v[i] !== null) continue;
    const next = reported.findIndex((p) => p.t > out.t[i]!);
    const before = reported[next - 1]!;
    const after = reported[next]!;
    expect(after.t - before.t).toBeGreaterThan(gapMs);
  }

  const drawn = out.t.flatMap((time, i) => (out.v[i] === null ? [] : [{ t: time, v: out.v[i] as number }]));
  if (reported.length + countGaps(reported, gapMs) <= 2 * width) {
    // Small enough: every sample, every gap.
    expect(drawn).toEqual(reported);
    expect(out.v.filter((x) => x === null)).toHaveLength(countGaps(reported, gapMs));
    return;
  }
  // Each pixel keeps its lowest and highest sample, and no more than two.
  const bucketOf = (time: number) => Math.min(width - 1, Math.floor(((time - from) * width) / (to - from)));
  const perBucket = new Map<number, number[]>();
  for (const p of drawn) perBucket.set(bucketOf(p.t), [...(perBucket.get(bucketOf(p.t)) ?? []), p.v]);
  const wrongBuckets: unknown[] = [];
  for (const [b, { min, max }] of bucketExtremes(s, from, to, width)) {
    const values = perBucket.get(b) ?? [];
    if (values.length > 2 || !values.includes(min) || !values.includes(max)) wrongBuckets.push({ b, min, max, values });
  }
  expect(wrongBuckets).toEqual([]);
  // A gap that leaves at least one whole pixel empty is drawn as a break.
  for (let i = 1; i < reported.length; i++) {
    const a = reported[i - 1]!;
    const b = reported[i]!;
    if (b.t - a.t <= gapMs || bucketOf(b.t) - bucketOf(a.t) < 2) continue;
    expect(
      out.t.some((time, k) => out.v[k] === null && time > a.t && time < b.t),
      `break between ${a.t} and ${b.t}`,
    ).toBe(true);
  }
}

function countGaps(points: Array<{ t: number }>, gapMs: number): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) if (points[i]!.t - points[i - 1]!.t > gapMs) n++;
  return n;
}

describe('downsample', () => {
  it('matches the brute-force oracle on random series: budget, extremes per pixel, gaps, nothing invented', () => {
    const rnd = random(11);
    for (let round = 0; round < 150; round++) {
      const s = randomSeries(rnd, 1 + Math.floor(rnd() * 3000));
      const width = 1 + Math.floor(rnd() * 400);
      checkAgainstOracle(s, width);
    }
  });

  it('keeps a single-sample dip and a spike that a mean would hide', () => {
    const t = Array.from({ length: 10_000 }, (_, i) => i * 60_000);
    const v: (number | null)[] = t.map((_, i) => -85 + (i % 7) * 0.1);
    v[4321] = -131;
    v[7777] = -52;
    const out = downsample(t, v, { width: 100 });
    expect(out.t.length).toBeLessThanOrEqual(200);
    expect(out.v).toContain(-131);
    expect(out.v).toContain(-52);
  });

  it('draws an outage as a break and never a line across it', () => {
    const t = [
      ...Array.from({ length: 1000 }, (_, i) => i * 300_000),
      ...Array.from({ length: 1000 }, (_, i) => 600_000_000 + i * 300_000),
    ];
    const v = t.map(() => -90);
    const out = downsample(t, v, { width: 200 });
    const breaks = out.t.filter((_, i) => out.v[i] === null);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!).toBeGreaterThan(999 * 300_000);
    expect(breaks[0]!).toBeLessThan(600_000_000);
  });

  it('honours an explicit axis: samples outside it are dropped, empty pixels stay empty', () => {
    const t = Array.from({ length: 100 }, (_, i) => i * 1000);
    const v = t.map((x) => x / 1000);
    const out = downsample(t, v, { width: 10, from: 20_000, to: 40_000 });
    expect(Math.min(...out.t)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...out.t)).toBeLessThanOrEqual(40_000);
    expect(out.t.length).toBeLessThanOrEqual(20);
  });

  it('handles empty input, one sample and all-null columns', () => {
    expect(downsample([], [], { width: 10 })).toEqual({ t: [], v: [] });
    expect(downsample([5], [1], { width: 10 })).toEqual({ t: [5], v: [1] });
    expect(downsample([1, 2, 3], [null, null, null], { width: 1 })).toEqual({ t: [], v: [] });
  });

  it('downsamples several series on one axis, each within the budget, gaps found on the shared axis', () => {
    const rnd = random(5);
    const s = randomSeries(rnd, 20_000);
    const columns = { rsrp: s.v, sinr: s.v.map((x) => (x === null ? null : x + 110)), rsrq: s.v.map(() => null) };
    const out = downsampleColumns(s.t, columns, { width: 300 });
    expect(Object.keys(out)).toEqual(['rsrp', 'sinr', 'rsrq']);
    expect(out.rsrp.t.length).toBeLessThanOrEqual(600);
    expect(out.sinr.t.length).toBeLessThanOrEqual(600);
    expect(out.rsrq.t).toEqual([]);
    expect(out.sinr.t).toEqual(out.rsrp.t);
    const reported = s.v.filter(usable);
    expect(out.rsrp.v).toContain(Math.min(...reported));
    expect(out.rsrp.v).toContain(Math.max(...reported));
  });

  it('finds the typical step as the median step', () => {
    expect(typicalStep([0, 10, 20, 30, 1000, 1010])).toBe(10);
    expect(typicalStep([7])).toBe(0);
    expect(gapThreshold([7])).toBe(Number.POSITIVE_INFINITY);
  });

  it('downsamples a million samples within its budget (timing printed, not asserted)', () => {
    const n = 1_000_000;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    const rnd = random(3);
    let value = -90;
    for (let i = 0; i < n; i++) {
      t[i] = i * 1000 + (rnd() < 0.001 ? 3_600_000 : 0) * Math.floor(i / 1000);
      value += rnd() - 0.5;
      v[i] = value;
    }
    for (let i = 1; i < n; i++) if (t[i]! <= t[i - 1]!) t[i] = t[i - 1]! + 1000;
    const started = performance.now();
    const out = downsample(t, v, { width: 1920 });
    console.log(`downsample: ${n} samples → ${out.t.length} points in ${(performance.now() - started).toFixed(0)} ms`);
    expect(out.t.length).toBeLessThanOrEqual(3840);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const x of v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(out.v).toContain(min);
    expect(out.v).toContain(max);
  });
});
