/**
 * Regular-grid time series (signal, usage, location samples). Device d has a sample at
 * k·period + offset(d) (+ a fixed µs fraction) for every k in its window, so a page is found by
 * arithmetic — O(devices × pages visited), never O(history) — and nothing is stored.
 */
import type { RequestContext } from '../http/context';
import { conflict } from '../http/errors';
import type { Json, Rec } from '../http/json';
import { listEnvelope, present } from '../http/listing';
import { inList, pageParams } from '../http/query';
import { ascendingOrder, timeWindow } from '../http/timefilter';

export interface Grid {
  periodMs: number;
  retentionMs: number;
  /** µs offset of device d within a period, in [0, period·1000) */
  offsetUs(device: number): number;
  build(device: number, us: number): Rec;
}

export function listGrid(ctx: RequestContext, devices: number[], grid: Grid): Json {
  const { limit, offset } = pageParams(ctx.query);
  const { fromUs, toUs } = timeWindow(ctx.query, ctx.nowMs, grid.retentionMs);
  const asc = ascendingOrder(ctx.query);
  const P = grid.periodMs * 1000;
  const devs = devices.map((d) => {
    const off = grid.offsetUs(d);
    return { d, off, lo: Math.ceil((fromUs - off) / P), hi: Math.floor((toUs - off) / P) };
  });
  const live = devs.filter((x) => x.hi >= x.lo).sort((a, b) => (asc ? a.off - b.off : b.off - a.off) || a.d - b.d);
  const found: Array<{ d: number; us: number }> = [];
  if (live.length > 0) {
    const kMin = Math.min(...live.map((x) => x.lo));
    const kMax = Math.max(...live.map((x) => x.hi));
    const inLo = Math.max(...live.map((x) => x.lo)); // grid steps where every device has a sample
    const inHi = Math.min(...live.map((x) => x.hi));
    const D = live.length;
    let skip = offset;
    let k = asc ? kMin : kMax;
    const stepDir = asc ? 1 : -1;
    while ((asc ? k <= kMax : k >= kMin) && found.length <= limit) {
      if (k >= inLo && k <= inHi && skip >= D) {
        const room = asc ? inHi - k + 1 : k - inLo + 1;
        const steps = Math.min(Math.floor(skip / D), room);
        skip -= steps * D;
        k += steps * stepDir;
        continue;
      }
      for (const x of live) {
        if (k < x.lo || k > x.hi) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        found.push({ d: x.d, us: k * P + x.off });
        if (found.length > limit) break;
      }
      k += stepDir;
    }
  }
  const more = found.length > limit;
  const data = found.slice(0, limit).map((f) => present(ctx, grid.build(f.d, f.us)));
  return listEnvelope(ctx, data, limit, offset, more);
}

/**
 * The device filter time-series endpoints need: `key` / `key__in` (≤100). Without it NCM queries
 * "all devices", which real accounts with >100 devices answer with 409.
 */
export function deviceFilter(
  ctx: RequestContext,
  key: string,
  parse: (id: string) => number,
  total: number,
  all: () => number[],
): number[] {
  const one = ctx.query.get(key) ?? ctx.query.get(`${key}.id`);
  const many = ctx.query.get(`${key}__in`);
  if (one === undefined && many === undefined) {
    if (total > 100)
      throw conflict(`A ${key} or ${key}__in filter is required when the account has more than 100 devices.`);
    return all();
  }
  const ids = many !== undefined ? inList(`${key}__in`, many) : [one!];
  if (one !== undefined && many !== undefined) ids.push(one);
  return [...new Set(ids.map(parse).filter((i) => i >= 0))];
}

/**
 * One device's grid with gaps (µs intervals [start, end) when it reported nothing, e.g. while
 * offline). The online stretches between gaps are counted arithmetically, so skipping to a deep
 * offset costs O(gaps), not O(samples).
 */
export function listGridWithGaps(ctx: RequestContext, device: number, grid: Grid, gaps: Array<[number, number]>): Json {
  const { limit, offset } = pageParams(ctx.query);
  const { fromUs, toUs } = timeWindow(ctx.query, ctx.nowMs, grid.retentionMs);
  const asc = ascendingOrder(ctx.query);
  const P = grid.periodMs * 1000;
  const off = grid.offsetUs(device);
  // Online stretches [a, b] (inclusive µs) inside the window, oldest first.
  const stretches: Array<[number, number]> = [];
  let cursor = fromUs;
  for (const [s, e] of [...gaps].sort((x, y) => x[0] - y[0])) {
    if (e <= cursor || s > toUs) continue;
    if (s > cursor) stretches.push([cursor, Math.min(s - 1, toUs)]);
    cursor = Math.max(cursor, e);
  }
  if (cursor <= toUs) stretches.push([cursor, toUs]);
  const ranges = stretches
    .map(([a, b]) => [Math.ceil((a - off) / P), Math.floor((b - off) / P)] as const)
    .filter(([lo, hi]) => hi >= lo);
  if (!asc) ranges.reverse();
  const found: number[] = [];
  let skip = offset;
  for (const [lo, hi] of ranges) {
    const size = hi - lo + 1;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    for (let i = skip; i < size && found.length <= limit; i++) found.push((asc ? lo + i : hi - i) * P + off);
    skip = 0;
    if (found.length > limit) break;
  }
  const data = found.slice(0, limit).map((us) => present(ctx, grid.build(device, us)));
  return listEnvelope(ctx, data, limit, offset, found.length > limit);
}
