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
  /**
   * Only some fields of each record: `state` (id, name, state and since when: a state poll) or
   * `membership` (id, name, state, group and account).
   */
  only?: RouterProjection;
}

type RouterProjection = keyof typeof PROJECTIONS;

const DEFAULT_PAGE_SIZE = 100;
const ORDER_BY = /^-?[a-z_]+(,-?[a-z_]+)*$/;
/** Without id, name and state a record cannot become a Router, so every projection has them. */
const PROJECTIONS = {
  state: ['id', 'name', 'state', 'state_updated_at'],
  membership: ['id', 'name', 'state', 'group', 'account'],
} as const;
const GROUP_ID = /^\d+$/;

function routerFilters(q: RouterQuery): NcmQuery {
  if (q.orderBy !== undefined && !ORDER_BY.test(q.orderBy))
    throw new NcmError('bad_request', 'Invalid router order_by');
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
    fields: q.only ? PROJECTIONS[q.only] : undefined,
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
export async function listAllRouters(
  q: Omit<RouterQuery, 'limit' | 'offset'> = {},
  opts?: PaginateOptions,
): Promise<Router[]> {
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
function buildRouterUpdateBody(changes: RouterChanges): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  if (changes.name !== undefined) {
    if (typeof changes.name !== 'string') throw new NcmError('bad_request', 'Router name must be a string');
    body.name = changes.name;
  }
  if (changes.description !== undefined) {
    if (typeof changes.description !== 'string')
      throw new NcmError('bad_request', 'Router description must be a string');
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

/** NCM's field names in a router write, as the dashboard names them (RouterChanges). */
const CHANGE_FIELDS: Readonly<Record<string, keyof RouterChanges>> = {
  name: 'name',
  description: 'description',
  group: 'groupId',
};

/** A refused write, with what NCM said about each field under the field's name in the form. */
function withChangeDetails(err: NcmError): NcmError {
  const details = err.fields.flatMap(({ field, message }) =>
    CHANGE_FIELDS[field] ? [{ path: CHANGE_FIELDS[field], message }] : [],
  );
  if (details.length === 0) return err;
  return new NcmError(err.kind, err.message, {
    upstreamStatus: err.upstreamStatus,
    status: err.status,
    detail: err.detail,
    fields: err.fields,
    details,
    safeMessage: 'NetCloud Manager refused the change; see the field marked below.',
    cause: err,
  });
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
    try {
      response = await ncmRequest({ method: 'PUT', path, body });
    } catch (err) {
      if (!(err instanceof NcmError && err.upstreamStatus === 405)) throw err;
      response = await ncmRequest({ method: 'PATCH', path, body });
    }
  } catch (err) {
    throw err instanceof NcmError ? withChangeDetails(err) : err;
  }
  if (response.body === null) {
    // A 202/204 without a body: read the router back rather than guess its new state.
    const router = await getRouter(id);
    if (router === null) throw new NcmError('not_found', 'Router disappeared after update');
    return router;
  }
  return toRouter(response.body);
}
