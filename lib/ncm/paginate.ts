import 'server-only';
/**
 * Walks NCM list pages. `meta.next` is upstream-supplied, so it is never fetched as given: its path and
 * query are re-based onto the configured base (NCM may answer with a regional `www.us0…` host), and a
 * `next` pointing anywhere other than the configured host or `*.cradlepointecm.com`, or at a different
 * resource, is refused before any request is made. A `next` leading back to a page already read is
 * refused too: a hostile or broken upstream would otherwise keep the walk going until maxPages.
 */
import { z } from 'zod';
import { mapWithConcurrency } from './concurrency';
import { getNcmConfig } from './config';
import { NcmError } from './errors';
import { ncmRequest } from './http';
import {
  NCM_MAX_IN_VALUES,
  type NcmPath,
  type NcmQuery,
  type NcmQueryScalar,
  type NcmQueryValue,
  buildResourcePath,
} from './request-url';
import { listSchema } from './wire';

export const NCM_MAX_LIMIT = 500;
const DEFAULT_MAX_PAGES = 1_000;
const DEFAULT_CHUNK_CONCURRENCY = 4;

const pageSchema = listSchema(z.unknown());

export interface NcmRawPage {
  data: unknown[];
  limit: number;
  offset: number;
  next: string | null;
  /** The published spec's `total_count`; real NCM does not send it, so nothing may depend on it. */
  totalCount?: number;
}

export interface PaginateOptions {
  /** Safety stop for an upstream whose `next` never ends. */
  maxPages?: number;
  /** Parallel `__in` chunks in flight. */
  concurrency?: number;
  signal?: AbortSignal;
}

/** Clamps a requested page size into NCM's 1..500. */
export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(NCM_MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

export function clampOffset(offset: number | undefined): number {
  if (offset === undefined || !Number.isFinite(offset)) return 0;
  return Math.max(0, Math.floor(offset));
}

/** Parses a list envelope; a body without `data`/`meta` is an unreadable upstream, not an empty list. */
function parseListEnvelope(body: unknown): NcmRawPage {
  const parsed = pageSchema.safeParse(body);
  if (!parsed.success) throw new NcmError('bad_upstream', 'NCM list body is missing data/meta');
  const { data, meta } = parsed.data;
  return { data, limit: meta.limit, offset: meta.offset, next: meta.next, totalCount: meta.total_count };
}

/** One list page. */
export async function ncmGetPage(path: NcmPath, query: NcmQuery, signal?: AbortSignal): Promise<NcmRawPage> {
  const response = await ncmRequest({ path, query, signal });
  try {
    return parseListEnvelope(response.body);
  } catch (err) {
    throw err instanceof NcmError
      ? err.withDetail({ method: 'GET', path: buildResourcePath(path), attempts: response.attempts })
      : err;
  }
}

function isTrustedNextHost(next: URL, base: URL): boolean {
  if (next.host === base.host) return true;
  return next.protocol === 'https:' && next.hostname.endsWith('.cradlepointecm.com') && next.port === '';
}

/**
 * Turns an upstream `next` link into a query for the same resource on the configured base, or refuses.
 * Only the query survives; it is re-validated by the normal builder (single-valued, no control chars).
 */
export function rebaseNext(next: string, path: NcmPath, baseUrl: string): Record<string, string> {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(next, `${base.origin}${base.pathname}/`);
  } catch {
    throw new NcmError('next_refused', 'NCM meta.next is not a URL');
  }
  if (!isTrustedNextHost(target, base)) {
    throw new NcmError('next_refused', `NCM meta.next points at an untrusted host (${target.hostname})`);
  }
  // Same API prefix (real NCM's is /api/v2 even when our base is a local simulator or proxy path).
  const expectedSuffix = buildResourcePath(path);
  const expectedPaths = new Set([`${base.pathname}${expectedSuffix}`, `/api/v2${expectedSuffix}`]);
  if (!expectedPaths.has(target.pathname)) {
    throw new NcmError('next_refused', 'NCM meta.next points at a different resource');
  }
  const query: Record<string, string> = {};
  for (const [key, value] of target.searchParams) query[key] = value;
  return query;
}

/** Every page of a list, following `meta.next`, stopping on a null `next` or an empty page. */
async function paginateOne(path: NcmPath, params: NcmQuery, options: PaginateOptions): Promise<unknown[]> {
  const { baseUrl } = getNcmConfig();
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const limit = clampLimit(typeof params.limit === 'number' ? params.limit : undefined, NCM_MAX_LIMIT);
  let query: NcmQuery = { ...params, limit };
  const records: unknown[] = [];
  const visited = new Set<string>();
  for (let page = 1; ; page++) {
    visited.add(pageKey(query));
    const result = await ncmGetPage(path, query, options.signal);
    records.push(...result.data);
    // Official samples stop on an empty page too: NCM can send a non-null next after the last record.
    if (result.next === null || result.data.length === 0) return records;
    if (page >= maxPages) {
      console.warn(`[ncm] pagination of ${buildResourcePath(path)} stopped after ${maxPages} pages`);
      return records;
    }
    const nextQuery = rebaseNext(result.next, path, baseUrl);
    const nextLimit = Number(nextQuery.limit);
    query = { ...nextQuery, limit: clampLimit(Number.isFinite(nextLimit) ? nextLimit : undefined, limit) };
    if (visited.has(pageKey(query)))
      throw new NcmError('next_refused', 'NCM meta.next leads back to a page already read');
  }
}

/** The page a query asks for, independent of parameter order and of how a value is spelled. */
function pageKey(query: NcmQuery): string {
  return JSON.stringify(
    Object.entries(query)
      .map(([key, value]) => [key, isList(value) ? value.join(',') : String(value)])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function isList(value: NcmQueryValue): value is readonly NcmQueryScalar[] {
  return Array.isArray(value);
}

/**
 * All records of a list. An `__in` filter longer than NCM's 100-value cap is split into chunks of 100,
 * each paged separately with bounded concurrency. An empty `__in` list means "none", not "all": no request.
 */
export async function ncmPaginate(
  path: NcmPath,
  params: NcmQuery = {},
  options: PaginateOptions = {},
): Promise<unknown[]> {
  const inKeys = Object.keys(params).filter((key) => key.endsWith('__in') && isList(params[key]));
  for (const key of inKeys) {
    if ((params[key] as readonly NcmQueryScalar[]).length === 0) return [];
  }
  const oversized = inKeys.filter((key) => (params[key] as readonly NcmQueryScalar[]).length > NCM_MAX_IN_VALUES);
  if (oversized.length === 0) return paginateOne(path, params, options);
  if (oversized.length > 1) {
    throw new NcmError(
      'bad_request',
      `Only one __in filter may exceed ${NCM_MAX_IN_VALUES} values (${oversized.join(', ')})`,
    );
  }
  const key = oversized[0]!;
  const values = [...new Set(params[key] as readonly NcmQueryScalar[])];
  const chunks = chunk(values, NCM_MAX_IN_VALUES);
  const pages = await mapWithConcurrency(chunks, options.concurrency ?? DEFAULT_CHUNK_CONCURRENCY, (values) =>
    paginateOne(path, { ...params, [key]: values }, options),
  );
  return pages.flat();
}
