import 'server-only';
/** Routers: list, detail and the one write the dashboard performs (name/description/group). */
import type { Page, Router, RouterChanges, RouterState } from '@/lib/domain/types';
import { getNcmConfig } from './config';
import { NcmError } from './errors';
import { ncmRequest } from './http';
import { normalizeList, toRouter } from './normalize';
import { clampLimit, clampOffset, ncmGetPage, ncmPaginate, type PaginateOptions } from './paginate';
import type { NcmQuery } from './request-url';
import { assertId, assertIds, toDomainPage } from './resource-helpers';

export interface RouterQuery {
  limit?: number;
  offset?: number;
  state?: RouterState[];
  groupIds?: string[];
  accountIds?: string[];
  ids?: string[];
  orderBy?: string;
  stateUpdatedAfter?: string;
  updatedAfter?: string;
  fields?: string[];
}

const DEFAULT_PAGE_SIZE = 100;
const ORDER_BY = /^-?[a-z_]+(,-?[a-z_]+)*$/;
const FIELD = /^[a-z_]+$/;
/** Without these a record cannot become a Router, so a `fields` projection always includes them. */
const REQUIRED_FIELDS = ['id', 'name', 'state'];
const GROUP_ID = /^\d+$/;

function routerFilters(q: RouterQuery): NcmQuery {
  if (q.orderBy !== undefined && !ORDER_BY.test(q.orderBy)) throw new NcmError('bad_request', 'Invalid router order_by');
  if (q.fields?.some((f) => !FIELD.test(f))) throw new NcmError('bad_request', 'Invalid router field name');
  // 'unknown' is our own bucket for states NCM may add; it is not an NCM filter value.
  const states = q.state?.filter((s) => s !== 'unknown');
  return {
    state__in: states && states.length > 0 ? states : undefined,
    group__in: assertIds(q.groupIds, 'group'),
    account__in: assertIds(q.accountIds, 'account'),
    id__in: assertIds(q.ids, 'router'),
    order_by: q.orderBy,
    state_updated_at__gt: q.stateUpdatedAfter,
    updated_at__gt: q.updatedAfter,
    fields: q.fields ? [...new Set([...REQUIRED_FIELDS, ...q.fields])] : undefined,
  };
}

/** One page of routers. */
export async function listRouters(q: RouterQuery = {}): Promise<Page<Router>> {
  const page = await ncmGetPage(['routers'], {
    ...routerFilters(q),
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toRouter, 'router');
}

/** Every router matching the filters (500 per page; `ids`/`groupIds`/… over 100 are chunked). */
export async function listAllRouters(q: Omit<RouterQuery, 'limit' | 'offset'> = {}, opts?: PaginateOptions): Promise<Router[]> {
  const records = await ncmPaginate(['routers'], { ...routerFilters(q), limit: 500 }, opts);
  return normalizeList(records, toRouter, 'router');
}

/** A router, or null when NCM does not know it. */
export async function getRouter(id: string): Promise<Router | null> {
  try {
    const response = await ncmRequest({ path: ['routers', assertId(id, 'router')] });
    return toRouter(response.body);
  } catch (err) {
    if (err instanceof NcmError && err.kind === 'not_found') return null;
    throw err;
  }
}

/**
 * The upstream body is built field by field from the allowlist: whatever else a caller's
 * object carries never reaches NCM. The group relation is a URL we build from our own base, never one
 * supplied by the client.
 */
export function buildRouterUpdateBody(changes: RouterChanges): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  if (changes.name !== undefined) {
    if (typeof changes.name !== 'string') throw new NcmError('bad_request', 'Router name must be a string');
    body.name = changes.name;
  }
  if (changes.description !== undefined) {
    if (typeof changes.description !== 'string') throw new NcmError('bad_request', 'Router description must be a string');
    body.description = changes.description;
  }
  if (changes.groupId !== undefined) {
    if (changes.groupId === null) body.group = null;
    else if (typeof changes.groupId === 'string' && GROUP_ID.test(changes.groupId)) {
      body.group = `${getNcmConfig().baseUrl}/groups/${changes.groupId}/`;
    } else throw new NcmError('bad_request', 'Invalid group id');
  }
  if (Object.keys(body).length === 0) throw new NcmError('bad_request', 'No router changes given');
  return body;
}

/**
 * PUT with only the allowlisted fields (a partial body), as Cradlepoint's own SDK sends router
 * writes; the published spec's PATCH is tried only when NCM answers 405 to the PUT.
 */
export async function updateRouter(id: string, changes: RouterChanges): Promise<Router> {
  const path = ['routers', assertId(id, 'router')] as const;
  const body = buildRouterUpdateBody(changes);
  let response: Awaited<ReturnType<typeof ncmRequest>>;
  try {
    response = await ncmRequest({ method: 'PUT', path, body });
  } catch (err) {
    if (!(err instanceof NcmError && err.upstreamStatus === 405)) throw err;
    response = await ncmRequest({ method: 'PATCH', path, body });
  }
  if (response.body === null) {
    // A 202/204 without a body: read the router back rather than guess its new state.
    const router = await getRouter(id);
    if (router === null) throw new NcmError('not_found', 'Router disappeared after update');
    return router;
  }
  return toRouter(response.body);
}
