/**
 * Django-style filters as NCM accepts them: `field=v`, `field__in=a,b`, `__gt/__gte/__lt/__lte`,
 * `__exact`, dotted (`router.id`) or double-underscore (`actor__id`) paths into relations and nested
 * objects. Relation values are URLs, filtered by the integer id at their end. Unknown fields are
 * ignored, as real NCM is lenient about them.
 */
import { isRec, type Json, type Rec } from './json';
import { inList, type Query, RESERVED_PARAMS } from './query';
import { parseTimestamp } from '../fleet/time';

type Op = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';
export interface Predicate {
  key: string;
  path: string[];
  op: Op;
  values: string[];
}

const OPS = new Set(['in', 'gt', 'gte', 'lt', 'lte', 'exact']);
const RELATION_URL = /\/api\/v[12]\/[a-z_]+\/([^/]+)\/(?:[a-z_]+\/)?$/;
const MAC = /^([0-9a-f]{2}[:-]?){5}[0-9a-f]{2}$/i;

export type Resolver = (url: string) => Rec | null;

export function parseFilters(
  q: Query,
  known: (field: string) => boolean,
  skip: ReadonlySet<string> = new Set(),
): Predicate[] {
  const out: Predicate[] = [];
  for (const [key, raw] of q) {
    if (RESERVED_PARAMS.has(key) || skip.has(key)) continue;
    const parts = key.split('__');
    let op: Op = 'eq';
    if (parts.length > 1 && OPS.has(parts[parts.length - 1]!)) {
      const o = parts.pop()!;
      op = o === 'exact' ? 'eq' : (o as Op);
    }
    const path = parts.flatMap((p) => p.split('.'));
    if (!known(path[0]!)) continue;
    out.push({ key, path, op, values: op === 'in' ? inList(key, raw) : [raw] });
  }
  return out;
}

function idFromUrl(url: string): string | null {
  const m = RELATION_URL.exec(url);
  return m ? m[1]! : null;
}

function resolvePath(rec: Rec, path: string[], resolve: Resolver): Json | undefined {
  let v: Json | undefined = rec[path[0]!];
  for (let i = 1; i < path.length && v !== undefined; i++) {
    const seg = path[i]!;
    if (isRec(v)) v = v[seg];
    else if (typeof v === 'string' && idFromUrl(v) !== null) {
      if (seg === 'id') v = idFromUrl(v);
      else v = resolve(v)?.[seg];
    } else v = undefined;
  }
  return v;
}

function scalar(v: Json | undefined): string | number | boolean | null | undefined {
  if (v === undefined || v === null || typeof v !== 'object') return v;
  return undefined;
}

function equals(v: Json | undefined, want: string): boolean {
  const s = scalar(v);
  if (s === undefined) return false;
  if (s === null) return want === 'null' || want === 'None';
  if (typeof s === 'boolean') return String(s) === want.toLowerCase();
  if (typeof s === 'number') return s === Number(want);
  const rel = idFromUrl(s);
  if (rel !== null) return rel === want || s === want;
  if (MAC.test(s) && MAC.test(want))
    return s.replace(/[:-]/g, '').toLowerCase() === want.replace(/[:-]/g, '').toLowerCase();
  return s === want;
}

/** Numbers and numeric ids compare numerically, timestamps as instants, anything else as text. */
function compare(v: Json | undefined, want: string): number | null {
  const s = scalar(v);
  if (s === undefined || s === null || typeof s === 'boolean') return null;
  const left = typeof s === 'string' ? (idFromUrl(s) ?? s) : s;
  if (typeof left === 'number' || (/^-?\d+(\.\d+)?$/.test(left) && /^-?\d+(\.\d+)?$/.test(want)))
    return Number(left) - Number(want);
  const a = parseTimestamp(left);
  const b = parseTimestamp(want);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  return left < want ? -1 : left > want ? 1 : 0;
}

export function matches(rec: Rec, preds: Predicate[], resolve: Resolver): boolean {
  for (const p of preds) {
    const v = resolvePath(rec, p.path, resolve);
    let ok: boolean;
    if (p.op === 'eq') ok = equals(v, p.values[0]!);
    else if (p.op === 'in') ok = p.values.some((w) => equals(v, w));
    else {
      const c = compare(v, p.values[0]!);
      ok = c !== null && (p.op === 'gt' ? c > 0 : p.op === 'gte' ? c >= 0 : p.op === 'lt' ? c < 0 : c <= 0);
    }
    if (!ok) return false;
  }
  return true;
}

/** Comparator for `order_by=a,-b`; null sorts first ascending, numeric strings numerically. */
export function comparator(fields: string[]): (a: Rec, b: Rec) => number {
  const keys = fields.map((f) => ({ desc: f.startsWith('-'), name: f.replace(/^-/, '') }));
  return (a, b) => {
    for (const { desc, name } of keys) {
      const c = cmpValues(scalar(a[name]), scalar(b[name]));
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}

function cmpValues(
  a: string | number | boolean | null | undefined,
  b: string | number | boolean | null | undefined,
): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const na = typeof a === 'string' ? (idFromUrl(a) ?? a) : a;
  const nb = typeof b === 'string' ? (idFromUrl(b) ?? b) : b;
  const numA = Number(na);
  const numB = Number(nb);
  if (na !== '' && nb !== '' && !Number.isNaN(numA) && !Number.isNaN(numB)) return numA - numB;
  return String(na) < String(nb) ? -1 : String(na) > String(nb) ? 1 : 0;
}
