import 'server-only';
/** Small pieces every resource file needs: id validation for filters and page → domain Page. */
import type { Page } from '@/lib/domain/types';
import { NcmError } from './errors';
import { normalizeList } from './normalize';
import type { NcmRawPage } from './paginate';
import { isValidIdSegment } from './request-url';

/** Ids go into paths and `__in` filters, so they must be plain tokens (no commas, slashes, dots). */
export function assertIds(ids: readonly string[] | undefined, label: string): readonly string[] | undefined {
  if (ids === undefined) return undefined;
  for (const id of ids) {
    if (typeof id !== 'string' || !isValidIdSegment(id)) throw new NcmError('bad_request', `Invalid ${label} id`);
  }
  return ids;
}

export function assertId(id: string, label: string): string {
  if (typeof id !== 'string' || !isValidIdSegment(id)) throw new NcmError('bad_request', `Invalid ${label} id`);
  return id;
}

/** hasMore needs both: NCM may send a non-null `next` after the last record, with an empty page. */
export function toDomainPage<T>(page: NcmRawPage, normalize: (raw: unknown) => T, label: string): Page<T> {
  return {
    items: normalizeList(page.data, normalize, label),
    limit: page.limit,
    offset: page.offset,
    hasMore: page.next !== null && page.data.length > 0,
    ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
  };
}
