/**
 * The time window of a time-series query: retention, "not after now", and the created_at /
 * created_at_timeuuid bounds, all as inclusive integer µs.
 */
import { parseTimestamp, timeUuidMicros } from '../fleet/time';
import { badRequest } from './errors';
import type { Query } from './query';

export interface Window {
  fromUs: number;
  toUs: number;
}

export function timeWindow(q: Query, nowMs: number, retentionMs: number): Window {
  let fromUs = (nowMs - retentionMs) * 1000;
  let toUs = nowMs * 1000;
  const bound = (key: string, parse: (s: string) => number) => {
    const raw = q.get(key);
    if (raw === undefined) return Number.NaN;
    const v = parse(raw);
    if (Number.isNaN(v)) throw badRequest(`Invalid value for ${key}: "${raw}".`);
    return v;
  };
  for (const [name, parse] of [
    ['created_at', parseTimestamp],
    ['created_at_timeuuid', timeUuidMicros],
  ] as const) {
    const gt = bound(`${name}__gt`, parse);
    const gte = bound(`${name}__gte`, parse);
    const lt = bound(`${name}__lt`, parse);
    const lte = bound(`${name}__lte`, parse);
    const eq = bound(name, parse);
    if (!Number.isNaN(gt)) fromUs = Math.max(fromUs, Math.floor(gt) + 1);
    if (!Number.isNaN(gte)) fromUs = Math.max(fromUs, Math.ceil(gte));
    if (!Number.isNaN(lt)) toUs = Math.min(toUs, Math.ceil(lt) - 1);
    if (!Number.isNaN(lte)) toUs = Math.min(toUs, Math.floor(lte));
    if (!Number.isNaN(eq)) {
      fromUs = Math.max(fromUs, eq);
      toUs = Math.min(toUs, eq);
    }
  }
  return { fromUs, toUs };
}

/** `order_by` for time series: created_at / created_at_timeuuid, asc or desc; default newest first. */
export function ascendingOrder(q: Query): boolean {
  const raw = q.get('order_by');
  if (raw === undefined || raw === '') return false;
  const first = raw.split(',')[0]!.trim();
  const name = first.replace(/^-/, '');
  if (name !== 'created_at' && name !== 'created_at_timeuuid')
    throw badRequest(`Invalid ordering field specified: ${name}`);
  return !first.startsWith('-');
}
