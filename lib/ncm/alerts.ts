import 'server-only';
/**
 * The account-wide alert log. NCM answers 409 to any `order_by` on /alerts/, so none is ever sent;
 * callers sort by createdAt themselves.
 */
import type { Alert, Page } from '@/lib/domain/types';
import { NcmError } from './errors';
import { toAlert } from './normalize';
import { clampLimit, clampOffset, ncmGetPage } from './paginate';
import { assertIds, toDomainPage } from './resource-helpers';

export interface AlertQuery {
  createdAfter?: string;
  createdBefore?: string;
  types?: string[];
  routerIds?: string[];
  accountIds?: string[];
  limit?: number;
  offset?: number;
}

const DEFAULT_PAGE_SIZE = 100;
const ALERT_TYPE = /^[a-z0-9_]+$/;

/** NCM wants created_at filters with an explicit offset (`…+00:00`); a trailing `Z` is rewritten. */
export function toNcmTime(iso: string | undefined): string | undefined {
  return iso?.replace(/Z$/, '+00:00');
}

export async function listAlerts(q: AlertQuery = {}): Promise<Page<Alert>> {
  if (q.types?.some((t) => !ALERT_TYPE.test(t))) throw new NcmError('bad_request', 'Invalid alert type');
  const page = await ncmGetPage(['alerts'], {
    created_at__gt: toNcmTime(q.createdAfter),
    created_at__lt: toNcmTime(q.createdBefore),
    type__in: q.types,
    router__in: assertIds(q.routerIds, 'router'),
    account__in: assertIds(q.accountIds, 'account'),
    limit: clampLimit(q.limit, DEFAULT_PAGE_SIZE),
    offset: clampOffset(q.offset),
  });
  return toDomainPage(page, toAlert, 'alert');
}
