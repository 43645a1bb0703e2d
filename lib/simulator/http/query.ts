/** Query-string handling: repeated keys are tolerated (last wins), limit/offset are validated. */
import { badRequest } from './errors';

export type Query = Map<string, string>;

export const RESERVED_PARAMS = new Set(['limit', 'offset', 'fields', 'expand', 'order_by', 'format']);
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
const MAX_IN_VALUES = 100;

export function parseQuery(search: string): Query {
  const q: Query = new Map();
  for (const [k, v] of new URLSearchParams(search)) q.set(k, v);
  return q;
}

export function pageParams(q: Query): { limit: number; offset: number } {
  const rawLimit = q.get('limit');
  const rawOffset = q.get('offset');
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  if (rawLimit !== undefined) {
    if (!/^\d+$/.test(rawLimit)) throw badRequest(`Invalid limit: "${rawLimit}".`);
    limit = Math.min(Number(rawLimit), MAX_LIMIT); // real NCM clamps (the SDK sends limit=1000000)
  }
  if (rawOffset !== undefined) {
    if (!/^\d+$/.test(rawOffset)) throw badRequest(`Invalid offset: "${rawOffset}".`);
    offset = Number(rawOffset);
  }
  return { limit, offset };
}

/** Splits a comma list for `__in`, enforcing NCM's 100-value cap. */
export function inList(key: string, raw: string): string[] {
  const values = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (values.length > MAX_IN_VALUES)
    throw badRequest(`Too many values for ${key}: ${values.length} (max ${MAX_IN_VALUES}).`);
  return values;
}

export function csv(raw: string | undefined): string[] {
  return raw === undefined
    ? []
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
