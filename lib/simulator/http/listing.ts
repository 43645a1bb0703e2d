/**
 * The list envelope and the generic list pipeline for indexable collections:
 * candidates → filter → order → page → expand/fields.
 */
import type { RequestContext } from './context';
import { badRequest } from './errors';
import { comparator, matches, type Predicate, parseFilters } from './filters';
import { type Json, type Rec, sortKeys } from './json';
import { csv, pageParams } from './query';

/** An indexable collection whose records are built on demand. */
export interface Table {
  size(): number;
  /** null when slot i holds no record (e.g. deleted) */
  build(i: number): Rec | null;
  /** slot of a record id, or -1 */
  indexOfId?(id: string): number;
  /** key holding the record id; default `id` */
  idKey?: string;
  /** true when some slots are empty, so offset arithmetic cannot skip ahead */
  holes?: () => boolean;
  /** ids are String(denseIdBase + slot): id range filters narrow the slots scanned */
  denseIdBase?: number;
  /**
   * A cheap value for a top-level field of slot i (undefined = not supported), so filters and
   * order_by on common fields avoid building whole records for every slot.
   */
  fastField?(i: number, field: string): Json | undefined;
}

/**
 * `total_count` is the published spec's; real NCM does not send it. We send it where the count is
 * known without extra work, so a spec-driven client finds it and ours proves it never needs it.
 */
export function listEnvelope(
  ctx: RequestContext,
  data: Json[],
  limit: number,
  offset: number,
  more: boolean,
  totalCount?: number,
): Rec {
  const meta: Rec = {
    limit,
    next: more ? pageUrl(ctx, offset + limit, limit) : null,
    offset,
    previous: offset > 0 ? pageUrl(ctx, Math.max(0, offset - limit), limit) : null,
  };
  if (totalCount !== undefined) meta.total_count = totalCount;
  return { data, meta };
}

/** Same path and every original parameter, with a new offset; host from the request itself. */
function pageUrl(ctx: RequestContext, offset: number, limit: number): string {
  const sp = new URLSearchParams(ctx.search);
  if (!sp.has('limit')) sp.set('limit', String(limit));
  sp.set('offset', String(offset));
  return `${ctx.origin}${ctx.path}?${sp.toString()}`;
}

export function listTable(ctx: RequestContext, table: Table, options: { orderable?: boolean } = {}): Rec {
  const { limit, offset } = pageParams(ctx.query);
  const sample = table.size() > 0 ? firstRecord(table) : null;
  const known = (f: string) => sample !== null && f in sample;
  const preds = parseFilters(ctx.query, known);
  const orderBy = csv(ctx.query.get('order_by'));
  if (orderBy.length > 0 && options.orderable === false) throw badRequest('order_by is not supported here.');
  const idKey = table.idKey ?? 'id';
  let candidates: Iterable<number> | null = null;
  const idPred = preds.find((p) => p.path.length === 1 && p.path[0] === idKey && (p.op === 'eq' || p.op === 'in'));
  if (idPred && table.indexOfId) {
    const lookup = table.indexOfId.bind(table);
    candidates = [...new Set(idPred.values.map((v) => lookup(v)).filter((i) => i >= 0))].sort((a, b) => a - b);
  }
  const n = table.size();
  // Fast path: unfiltered, unordered pages touch only the records they return.
  if (!candidates && preds.length === 0 && orderBy.length === 0 && !hasHoles(table)) {
    const data: Json[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) data.push(present(ctx, table.build(i)!));
    return listEnvelope(ctx, data, limit, offset, offset + limit < n, n);
  }
  const { lo, hi } = denseRange(table, preds, n);
  if (lo >= hi) return listEnvelope(ctx, [], limit, offset, false);
  const fast = table.fastField?.bind(table);
  const probe = fast ? (i: number, f: string) => fast(i, f) : () => undefined;
  const quickPreds = fast
    ? preds.filter(
        (p) =>
          (p.path.length === 1 || (p.path.length === 2 && p.path[1] === 'id')) && probe(lo, p.path[0]!) !== undefined,
      )
    : [];
  const slowPreds = preds.filter((p) => !quickPreds.includes(p));
  const quickOk = (i: number) =>
    quickPreds.every((p) => matches({ [p.path[0]!]: probe(i, p.path[0]!)! }, [p], ctx.resolve));
  const sortKeysFast =
    orderBy.length > 0 && fast !== undefined && orderBy.every((f) => probe(lo, f.replace(/^-/, '')) !== undefined);
  if (sortKeysFast) {
    // Order slots by cheap values (cached per query shape), then build records only until the
    // page is full.
    const names = orderBy.map((f) => f.replace(/^-/, ''));
    const timeDependent = [...names, ...quickPreds.map((p) => p.path[0]!)].some((f) => TIME_DEPENDENT.has(f));
    const key = [
      ctx.path,
      orderBy.join(','),
      quickPreds.map((p) => `${p.key}=${p.values.join(',')}`).join('&'),
      lo,
      hi,
      candidates ? [...candidates].join(',') : '',
      ctx.sim.version,
      timeDependent ? ctx.nowMs : '',
    ].join('|');
    let order = ctx.sim.sortCache.get(key);
    if (!order) {
      const slots: number[] = [];
      for (const i of candidates ?? range(lo, hi)) if (quickOk(i)) slots.push(i);
      const keyed = slots.map((i) => ({ i, rec: Object.fromEntries(names.map((f) => [f, probe(i, f)!])) as Rec }));
      const cmp = comparator(orderBy);
      keyed.sort((x, y) => cmp(x.rec, y.rec) || x.i - y.i);
      order = Int32Array.from(keyed, (x) => x.i);
      ctx.sim.sortCache.set(key, order);
      if (ctx.sim.sortCache.size > 16) ctx.sim.sortCache.delete(ctx.sim.sortCache.keys().next().value as string);
    }
    const page: Json[] = [];
    let matched = 0;
    for (const i of order) {
      const rec = table.build(i);
      if (!rec || !matches(rec, slowPreds, ctx.resolve)) continue;
      if (matched++ >= offset) {
        if (page.length === limit)
          return listEnvelope(ctx, page, limit, offset, true, slowPreds.length === 0 ? order.length : undefined);
        page.push(present(ctx, rec));
      }
    }
    return listEnvelope(ctx, page, limit, offset, false, slowPreds.length === 0 ? order.length : undefined);
  }
  const hits: Rec[] = [];
  const wanted = orderBy.length > 0 ? Number.POSITIVE_INFINITY : offset + limit + 1;
  for (const i of candidates ?? range(lo, hi)) {
    if (!quickOk(i)) continue;
    const rec = table.build(i);
    if (rec && matches(rec, slowPreds, ctx.resolve)) {
      hits.push(rec);
      if (hits.length >= wanted) break;
    }
  }
  if (orderBy.length > 0) hits.sort(comparator(orderBy));
  const page = hits.slice(offset, offset + limit).map((r) => present(ctx, r));
  return listEnvelope(
    ctx,
    page,
    limit,
    offset,
    hits.length > offset + limit,
    orderBy.length > 0 ? hits.length : undefined,
  );
}

/** Fields whose value moves with the clock; sort orders over them are cached per instant only. */
const TIME_DEPENDENT = new Set(['state', 'state_updated_at', 'last_seen_at', 'updated_at', 'connection_state']);

/** Slot range implied by id__gt/__gte/__lt/__lte on a dense-id table (the predicates still apply). */
function denseRange(table: Table, preds: Predicate[], n: number): { lo: number; hi: number } {
  let lo = 0;
  let hi = n;
  if (table.denseIdBase === undefined) return { lo, hi };
  for (const p of preds) {
    if (p.path.length !== 1 || p.path[0] !== (table.idKey ?? 'id')) continue;
    const v = Number(p.values[0]);
    if (!Number.isFinite(v)) continue;
    const slot = v - table.denseIdBase;
    if (p.op === 'gt') lo = Math.max(lo, Math.floor(slot) + 1);
    else if (p.op === 'gte') lo = Math.max(lo, Math.ceil(slot));
    else if (p.op === 'lt') hi = Math.min(hi, Math.ceil(slot));
    else if (p.op === 'lte') hi = Math.min(hi, Math.floor(slot) + 1);
  }
  return { lo: Math.max(0, lo), hi: Math.max(Math.max(0, lo), Math.min(n, hi)) };
}

function* range(lo: number, hi: number): Generator<number> {
  for (let i = lo; i < hi; i++) yield i;
}

function firstRecord(table: Table): Rec | null {
  for (let i = 0; i < table.size(); i++) {
    const r = table.build(i);
    if (r) return r;
  }
  return null;
}

function hasHoles(table: Table): boolean {
  return table.holes?.() ?? false;
}

/** Applies `expand` (one level) and `fields`, then orders keys alphabetically. */
export function present(ctx: Pick<RequestContext, 'query' | 'resolve'>, rec: Rec): Json {
  const expand = csv(ctx.query.get('expand'));
  const fields = csv(ctx.query.get('fields'));
  let out: Rec = rec;
  if (expand.length > 0) {
    out = { ...rec };
    for (const name of expand) {
      const v = out[name];
      if (typeof v === 'string') {
        const inline = ctx.resolve(v);
        if (inline) out[name] = inline;
      }
    }
  }
  if (fields.length > 0) {
    const picked: Rec = {};
    for (const f of fields) if (f in out) picked[f] = out[f]!;
    out = picked;
  }
  return sortKeys(out);
}

export function presentDetail(ctx: Pick<RequestContext, 'query' | 'resolve'>, rec: Rec | null): Json {
  return rec === null ? null : present(ctx, rec);
}
